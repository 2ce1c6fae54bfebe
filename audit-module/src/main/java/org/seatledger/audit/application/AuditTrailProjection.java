package org.seatledger.audit.application;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.projection.Projection;
import org.seatledger.eventlog.api.projection.Sql;

/**
 * Every event as an audit entry: when, who, what (with a sentence), why, its ids, and its stored
 * hash as read when it was appended (what a digest check names a rewritten event by, {@link
 * TrailHashes}).
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

  /** One multi-row insert for the batch (with the driver's batch rewriting). */
  @Override
  public void applyAll(List<RecordedEvent> events, Connection c, int generation)
      throws SQLException {
    Sql.batch(
        c,
        "INSERT IGNORE INTO audit_entries (generation, global_position, stream_id, stream_type, stream_version,"
            + " event_type, recorded_at, recorded_by, summary, reason, command_id, correlation_id, causation_id,"
            + " event_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        events,
        (insert, e) -> {
          String summary = Summaries.of(e);
          insert.setInt(1, generation);
          insert.setLong(2, e.globalPosition());
          insert.setString(3, e.streamId());
          insert.setString(4, e.streamType());
          insert.setLong(5, e.streamVersion());
          insert.setString(6, e.type());
          insert.setLong(7, Sql.micros(e.recordedAt()));
          insert.setString(8, e.recordedBy());
          insert.setString(9, summary.length() > 500 ? summary.substring(0, 500) : summary);
          insert.setString(10, Summaries.reasonOf(e));
          insert.setString(11, e.commandId());
          insert.setString(12, e.correlationId());
          insert.setString(13, e.causationId());
          insert.setString(14, e.hash());
        });
  }

  @Override
  public void drop(Connection c, int generation) throws SQLException {
    Sql.update(c, "DELETE FROM audit_entries WHERE generation = ?", generation);
  }
}
