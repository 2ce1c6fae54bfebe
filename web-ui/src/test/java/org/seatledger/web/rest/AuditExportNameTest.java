package org.seatledger.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.seatledger.audit.api.AuditQueries.Search;

/** An export's file says which search it holds. */
class AuditExportNameTest {

  @Test
  void theFileNameNamesEveryCriterionGiven() {
    Search search =
        new Search(
            "seats-c1",
            null,
            "alice",
            Instant.parse("2027-05-01T00:00:00Z"),
            null,
            "held for",
            null,
            50);
    assertEquals(
        "audit_stream-seats-c1_user-alice_from-2027-05-01T00-00-00Z_text-held-for.csv",
        AuditCsv.fileName(search, "csv"));
  }

  @Test
  void aSearchWithoutCriteriaIsJustAudit() {
    assertEquals(
        "audit.json",
        AuditCsv.fileName(new Search(null, null, null, null, null, null, null, 50), "json"));
  }

  @Test
  void nothingAFileSystemOrAHeaderCouldMisreadGetsIntoTheName() {
    Search search = new Search("x\"; rm -rf /\r\n", null, null, null, null, null, null, 50);
    assertEquals("audit_stream-x-rm--rf-.csv", AuditCsv.fileName(search, "csv"));
  }
}
