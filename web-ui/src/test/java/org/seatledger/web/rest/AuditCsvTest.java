package org.seatledger.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The audit export's CSV cells: quoted as RFC 4180 says, and never a formula in a spreadsheet. */
class AuditCsvTest {

  @Test
  void everyCellAFormulaCouldStartWithIsNeutralised() {
    assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", AuditCsv.cell("=HYPERLINK(\"x\")"));
    assertEquals("\"'+1\"", AuditCsv.cell("+1"));
    assertEquals("\"'-1+2\"", AuditCsv.cell("-1+2"));
    assertEquals("\"'@SUM(A1)\"", AuditCsv.cell("@SUM(A1)"));
    assertEquals("\"'\t=1+2\"", AuditCsv.cell("\t=1+2"));
    assertEquals("\"'\r=1+2\"", AuditCsv.cell("\r=1+2"));
  }

  @Test
  void ordinaryTextIsOnlyQuoted() {
    assertEquals("\"Ada booked 2 seats\"", AuditCsv.cell("Ada booked 2 seats"));
    assertEquals("\"a, \"\"quoted\"\" b\"", AuditCsv.cell("a, \"quoted\" b"));
    assertEquals("\"\"", AuditCsv.cell(""));
    assertEquals("", AuditCsv.cell(null));
  }
}
