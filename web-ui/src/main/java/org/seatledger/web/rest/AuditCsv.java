package org.seatledger.web.rest;

import java.util.List;
import java.util.regex.Pattern;
import org.seatledger.audit.api.AuditQueries.Entry;
import org.seatledger.audit.api.AuditQueries.Search;

/** The audit trail as a CSV file, and the name of an export's file. */
final class AuditCsv {
  private AuditCsv() {}

  private static final Pattern UNSAFE_IN_FILE_NAME = Pattern.compile("[^A-Za-z0-9._-]+");

  static String csv(List<Entry> entries) {
    StringBuilder csv =
        new StringBuilder(
            "globalPosition,streamId,streamType,streamVersion,type,recordedAt,recordedBy,summary,reason,commandId,"
                + "correlationId,causationId\r\n");
    for (Entry e : entries) {
      csv.append(e.globalPosition())
          .append(',')
          .append(cell(e.streamId()))
          .append(',')
          .append(cell(e.streamType()))
          .append(',')
          .append(e.streamVersion())
          .append(',')
          .append(cell(e.type()))
          .append(',')
          .append(e.recordedAt())
          .append(',')
          .append(cell(e.recordedBy()))
          .append(',')
          .append(cell(e.summary()))
          .append(',')
          .append(cell(e.reason()))
          .append(',')
          .append(cell(e.commandId()))
          .append(',')
          .append(cell(e.correlationId()))
          .append(',')
          .append(cell(e.causationId()))
          .append("\r\n");
    }
    return csv.toString();
  }

  /**
   * What a spreadsheet may read as the start of a formula (OWASP's list: =, +, -, @, tab and
   * carriage return).
   */
  private static final String FORMULA_STARTS = "=+-@\t\r";

  /** RFC 4180 quoting, and no formula injection into spreadsheets: such a cell starts with '. */
  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String text =
        !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  /**
   * The file name of an export: {@code audit}, then each criterion given as {@code name-value}, so
   * an auditor can tell saved exports apart, e.g. {@code
   * audit_stream-seats-c1_user-alice_from-2027-05-01T00-00-00Z.csv}. Characters a file system may
   * not take become {@code -}; at most 150 characters before the extension.
   */
  static String fileName(Search search, String extension) {
    StringBuilder name = new StringBuilder("audit");
    part(name, "stream", search.streamId());
    part(name, "type", search.type());
    part(name, "user", search.user());
    part(name, "from", search.from() == null ? null : search.from().toString());
    part(name, "to", search.to() == null ? null : search.to().toString());
    part(name, "text", search.text());
    String safe = UNSAFE_IN_FILE_NAME.matcher(name).replaceAll("-");
    return (safe.length() > 150 ? safe.substring(0, 150) : safe) + "." + extension;
  }

  private static void part(StringBuilder name, String criterion, String value) {
    if (value != null && !value.isBlank()) {
      name.append('_').append(criterion).append('-').append(value.replace(':', '-'));
    }
  }
}
