package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The log writer's rows on the log's own migrations (H2 in MySQL mode, as the embedded server
 * runs): a commit's events, command ids and data keys are written as given, and a row whose key is
 * taken — in any statement of a commit's inserts — is refused as a constraint violation, which the
 * writer answers as a collision (the group commit then writes its batches one by one).
 */
class LogWriterRowsTest {

  private Connection connection;

  @BeforeEach
  void database() throws SQLException {
    connection = MigratedLog.open();
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  private static StoredEvent event(long position, String stream, long version) {
    StoredEvent e = new StoredEvent();
    e.globalPosition = position;
    e.eventId = UUID.nameUUIDFromBytes(("e" + position).getBytes()).toString();
    e.streamId = stream;
    e.streamType = "booking";
    e.streamVersion = version;
    e.eventType = "SeatsReserved";
    e.schemaVersion = 1;
    e.payload = "{\"note\":\"O'Brien \\\\ " + position + "\"}";
    e.recordedAtMicros = 1_800_000_000_000_000L + position;
    e.recordedBy = "staff";
    e.commandId = "cmd-" + position;
    e.correlationId = "corr";
    e.causationId = "cause";
    e.reason = position % 2 == 0 ? null : "reason " + position;
    e.previousHash = "0".repeat(64);
    e.hash = String.format("%064d", position);
    return e;
  }

  /** A commit's worth of events, more than one statement carries. */
  private static List<StoredEvent> events(int count) {
    List<StoredEvent> events = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      events.add(event(i, "booking-" + (i % 7), i));
    }
    return events;
  }

  private static ProcessedCommand processed(String id, Long first, Long last) {
    ProcessedCommand p = new ProcessedCommand();
    p.commandId = id;
    p.outcome = first == null ? "{\"refused\":true}" : null;
    p.firstPosition = first;
    p.lastPosition = last;
    p.recordedAtMicros = 42;
    return p;
  }

  @Test
  void aCommitsRowsAreWrittenAsGiven() throws SQLException {
    List<StoredEvent> events = events(300); // the events go in three statements

    LogWriter.insertEvents(connection, events);
    LogWriter.insertProcessed(
        connection, List.of(processed("c1", 1L, 299L), processed("c2", null, null)));
    LogWriter.insertKeys(
        connection,
        List.of(
            new AppendKeys.NewKey("s1", "k1", "wrapped-1", 7),
            new AppendKeys.NewKey("s2", "k1", "wrapped-2", 8)));

    List<List<Object>> stored =
        query(
            "SELECT global_position, event_id, stream_id, stream_version, payload, recorded_at,"
                + " command_id, reason, hash FROM events ORDER BY global_position");
    assertEquals(300, stored.size());
    for (StoredEvent e : events) {
      assertEquals(
          Arrays.asList(
              e.globalPosition,
              e.eventId,
              e.streamId,
              e.streamVersion,
              e.payload,
              e.recordedAtMicros,
              e.commandId,
              e.reason,
              e.hash),
          stored.get((int) e.globalPosition - 1));
    }
    assertEquals(
        List.of(
            Arrays.asList("c1", null, 1L, 299L, 42L),
            Arrays.asList("c2", "{\"refused\":true}", null, null, 42L)),
        query(
            "SELECT command_id, outcome, first_position, last_position, recorded_at"
                + " FROM processed_commands ORDER BY command_id"));
    assertEquals(
        List.of(List.of("s1", "k1", "wrapped-1", 7L), List.of("s2", "k1", "wrapped-2", 8L)),
        query(
            "SELECT subject_id, TRIM(key_id), wrapped_key, created_at FROM subject_keys"
                + " ORDER BY subject_id"));
  }

  @Test
  void aStreamVersionTakenInALaterStatementIsACollision() throws SQLException {
    List<StoredEvent> events = events(300);
    StoredEvent first = events.get(0);
    events.add(event(301, first.streamId, first.streamVersion)); // in the commit's last statement

    SQLException refused =
        assertThrows(SQLException.class, () -> LogWriter.insertEvents(connection, events));

    assertTrue(LogWriter.isConstraintViolation(refused), refused.toString());
  }

  @Test
  void aStoredCommandIdOrDataKeyIsACollision() throws SQLException {
    LogWriter.insertProcessed(connection, List.of(processed("c1", 1L, 1L)));
    LogWriter.insertKeys(connection, List.of(new AppendKeys.NewKey("s1", "k1", "w", 1)));

    SQLException command =
        assertThrows(
            SQLException.class,
            () ->
                LogWriter.insertProcessed(
                    connection, List.of(processed("c0", 2L, 2L), processed("c1", 3L, 3L))));
    SQLException key =
        assertThrows(
            SQLException.class,
            () ->
                LogWriter.insertKeys(
                    connection,
                    List.of(
                        new AppendKeys.NewKey("s0", "k1", "w", 2),
                        new AppendKeys.NewKey("s1", "k1", "w", 2))));

    assertTrue(LogWriter.isConstraintViolation(command), command.toString());
    assertTrue(LogWriter.isConstraintViolation(key), key.toString());
  }

  private List<List<Object>> query(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (PreparedStatement q = connection.prepareStatement(sql);
        ResultSet rs = q.executeQuery()) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
