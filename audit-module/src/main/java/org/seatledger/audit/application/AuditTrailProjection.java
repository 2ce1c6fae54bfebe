package org.seatledger.audit.application;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.projection.Projection;
import org.seatledger.eventlog.api.projection.Sql;

/**
 * Of every event, what the log cannot give at all: its stored hash as read when the trail applied
 * it (what a digest check names a rewritten event by, {@link TrailHashes}). A row also says the
 * trail has applied the event. The sentence and the reason as shown are made from the event when an
 * entry is shown ({@link TrailLines}); when, who, which stream and the ids are read from the log's
 * own indexes ({@link org.seatledger.eventlog.api.LogSearch}).
 */
public final class AuditTrailProjection implements Projection {

  public static final String NAME = "audit.trail";

  @Override
  public String name() {
    return NAME;
  }

  /**
   * The trail keeps no data of an event, and the sentences made from it when shown never hold
   * personal data ({@link Summaries}): nothing is decrypted for it.
   */
  @Override
  public boolean readsPersonalData() {
    return false;
  }

  /**
   * Of an event the trail keeps its position and stored hash, never its data: the log reads the
   * trail's events without their data and decodes none (decoding every event of the log was most of
   * the trail's rebuild).
   */
  @Override
  public boolean readsEventData() {
    return false;
  }

  @Override
  public void apply(RecordedEvent event, Connection c, int generation) throws SQLException {
    applyAll(List.of(event), c, generation);
  }

  /**
   * Rows of a position and a hash on the primary key alone, written as multi-row inserts that bind
   * each value once ({@link Sql#insert}); an event the trail has applied already keeps its row.
   */
  @Override
  public void applyAll(List<RecordedEvent> events, Connection c, int generation)
      throws SQLException {
    Sql.insert(
        c,
        "INSERT IGNORE INTO audit_entries (generation, global_position, event_hash)",
        events,
        (insert, e) -> {
          insert.setInt(1, generation);
          insert.setLong(2, e.globalPosition());
          insert.setString(3, e.hash());
        });
  }

  @Override
  public void drop(Connection c, int generation) throws SQLException {
    Sql.update(c, "DELETE FROM audit_entries WHERE generation = ?", generation);
  }
}
