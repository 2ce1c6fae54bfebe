package org.seatledger.audit.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.projection.Projection;
import org.seatledger.eventlog.api.projection.Sql;

/**
 * Of every event, what the log cannot give cheaply: its sentence and the reason as shown (both need
 * the event's decoded data) and its stored hash as read when it was appended (what a digest check
 * names a rewritten event by, {@link TrailHashes}). When, who, which stream and the ids are read
 * from the log's own indexes ({@link org.seatledger.eventlog.api.LogSearch}) when an entry is
 * shown.
 */
public final class AuditTrailProjection implements Projection {

  public static final String NAME = "audit.trail";

  /** Most rows in one insert: a few hundred kilobytes, well inside MySQL's packet limit. */
  static final int ROWS_PER_INSERT = 500;

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Summaries never hold personal data ({@link Summaries}), so the trail reads events as a reader
   * without the data keys does: nothing is decrypted for it, and a rebuild after an erasure writes
   * exactly what it wrote before.
   */
  @Override
  public boolean readsPersonalData() {
    return false;
  }

  @Override
  public void apply(RecordedEvent event, Connection c, int generation) throws SQLException {
    applyAll(List.of(event), c, generation);
  }

  /**
   * Narrow rows on the primary key alone (what an event is — stream, type, user, time, ids — is
   * searched in the log), written as multi-row inserts of up to {@link #ROWS_PER_INSERT} rows. Only
   * text that may come from a user is bound: the summary, and the reason when there is one. The
   * generation and position (numbers) and the hash (checked to be hex digits) are written into the
   * statement as literals, and a missing reason as NULL. Binding them cost mysql-connector-j an
   * encoder and several property look-ups per value, most of the trail's rebuild (JFR); a row now
   * binds one value where it bound five.
   */
  @Override
  public void applyAll(List<RecordedEvent> events, Connection c, int generation)
      throws SQLException {
    for (int from = 0; from < events.size(); from += ROWS_PER_INSERT) {
      List<RecordedEvent> rows =
          events.subList(from, Math.min(events.size(), from + ROWS_PER_INSERT));
      StringBuilder sql =
          new StringBuilder(
              "INSERT IGNORE INTO audit_entries (generation, global_position, summary, reason,"
                  + " event_hash) VALUES ");
      List<String> texts = new ArrayList<>(rows.size() + 8);
      for (RecordedEvent e : rows) {
        String summary = Summaries.of(e);
        sql.append(texts.isEmpty() ? "(" : ", (")
            .append(generation)
            .append(", ")
            .append(e.globalPosition())
            .append(", ?, ");
        texts.add(summary.length() > 500 ? summary.substring(0, 500) : summary);
        literalOrParameter(sql, Summaries.reasonOf(e), texts, false);
        sql.append(", ");
        literalOrParameter(sql, e.hash(), texts, isHex(e.hash()));
        sql.append(')');
      }
      try (PreparedStatement insert = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < texts.size(); i++) {
          insert.setString(i + 1, texts.get(i));
        }
        insert.executeUpdate();
      }
    }
  }

  /** NULL, the text as a quoted literal ({@code safe}: nothing in it can end the quote), or a ?. */
  private static void literalOrParameter(
      StringBuilder sql, String text, List<String> parameters, boolean safe) {
    if (text == null) {
      sql.append("NULL");
    } else if (safe) {
      sql.append('\'').append(text).append('\'');
    } else {
      sql.append('?');
      parameters.add(text);
    }
  }

  /** Whether {@code text} is a short run of lowercase hex digits (what an event's hash is). */
  static boolean isHex(String text) {
    if (text == null || text.isEmpty() || text.length() > 64) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (!(ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f')) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void drop(Connection c, int generation) throws SQLException {
    Sql.update(c, "DELETE FROM audit_entries WHERE generation = ?", generation);
  }
}
