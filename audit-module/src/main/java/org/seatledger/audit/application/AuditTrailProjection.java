package org.seatledger.audit.application;

import java.sql.Connection;
import java.sql.SQLException;
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

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void apply(RecordedEvent event, Connection c, int generation) throws SQLException {
    applyAll(List.of(event), c, generation);
  }

  /**
   * One multi-row insert for the batch (with the driver's batch rewriting) of narrow rows on the
   * primary key alone: what an event is (stream, type, user, time, ids) is searched in the log.
   */
  @Override
  public void applyAll(List<RecordedEvent> events, Connection c, int generation)
      throws SQLException {
    Sql.batch(
        c,
        "INSERT IGNORE INTO audit_entries (generation, global_position, summary, reason, event_hash)"
            + " VALUES (?, ?, ?, ?, ?)",
        events,
        (insert, e) -> {
          String summary = Summaries.of(e);
          insert.setInt(1, generation);
          insert.setLong(2, e.globalPosition());
          insert.setString(3, summary.length() > 500 ? summary.substring(0, 500) : summary);
          insert.setString(4, Summaries.reasonOf(e));
          insert.setString(5, e.hash());
        });
  }

  @Override
  public void drop(Connection c, int generation) throws SQLException {
    Sql.update(c, "DELETE FROM audit_entries WHERE generation = ?", generation);
  }
}
