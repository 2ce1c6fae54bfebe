package org.seatledger.audit.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
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
   * searched in the log), written as multi-row inserts of up to {@link #ROWS_PER_INSERT} rows that
   * bind each value once. With the driver's batch rewriting every value was bound for its row and
   * then again into the rewritten statement, and binding was most of a rebuild's time (JFR).
   */
  @Override
  public void applyAll(List<RecordedEvent> events, Connection c, int generation)
      throws SQLException {
    for (int from = 0; from < events.size(); from += ROWS_PER_INSERT) {
      List<RecordedEvent> rows =
          events.subList(from, Math.min(events.size(), from + ROWS_PER_INSERT));
      try (PreparedStatement insert = c.prepareStatement(insert(rows.size()))) {
        int i = 0;
        for (RecordedEvent e : rows) {
          String summary = Summaries.of(e);
          insert.setInt(++i, generation);
          insert.setLong(++i, e.globalPosition());
          insert.setString(++i, summary.length() > 500 ? summary.substring(0, 500) : summary);
          insert.setString(++i, Summaries.reasonOf(e));
          insert.setString(++i, e.hash());
        }
        insert.executeUpdate();
      }
    }
  }

  private static String insert(int rows) {
    return "INSERT IGNORE INTO audit_entries (generation, global_position, summary, reason,"
        + " event_hash) VALUES "
        + String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?, ?)"));
  }

  @Override
  public void drop(Connection c, int generation) throws SQLException {
    Sql.update(c, "DELETE FROM audit_entries WHERE generation = ?", generation);
  }
}
