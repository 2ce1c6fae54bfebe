package org.seatledger.audit.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seatledger.booking.api.ConferenceCreated;
import org.seatledger.booking.api.SeatQuantityChanged;
import org.seatledger.eventlog.api.Decoding;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.projection.Projection;

/** The trail's rows on the module's own schema (H2 in MySQL mode, as the embedded server runs). */
class AuditTrailProjectionTest {

  private static final String HASH =
      "3f2a91c07b1e44d20a9c55e1b7f02c633f2a91c07b1e44d20a9c55e1b7f02c63";

  private final AuditTrailProjection trail = new AuditTrailProjection();
  private Connection connection;
  private String url;

  @BeforeEach
  void database() throws SQLException {
    url =
        "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/audit").load().migrate();
    connection = DriverManager.getConnection(url, "sa", "");
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void aBatchWritesWhatOneEventAtATimeWritesAndAHashThatLooksLikeSqlStaysText() throws Exception {
    List<RecordedEvent> events =
        List.of(
            event(1, null, HASH, conference("O'Brien's \\ \"conf\"', 'x'); --")),
            event(2, "contract amended: 'final'", HASH, changed()),
            // a row of the log rewritten by hand is recorded exactly as it reads
            event(3, null, "x', 'y'); DELETE FROM audit_hash_blocks; --", changed()),
            event(4, "it's", null, changed()));

    trail.applyAll(events, connection, 1);
    for (RecordedEvent e : events) {
      trail.apply(e, connection, 2);
    }

    List<List<String>> batch = rows(1);
    assertEquals(rows(2), batch, "the same rows either way");
    assertEquals(
        List.of(
            List.of("1", HASH),
            List.of("2", HASH),
            List.of("3", "x', 'y'); DELETE FROM audit_hash_blocks; --"),
            List.of("4", "null")),
        batch);
  }

  @Test
  void aDroppedGenerationLeavesTheOtherOne() throws Exception {
    trail.applyAll(List.of(event(1, null, HASH, changed())), connection, 1);
    trail.applyAll(List.of(event(1, null, HASH, changed())), connection, 2);

    trail.drop(connection, 1);

    assertEquals(List.of(), rows(1));
    assertEquals(List.of(List.of("1", HASH)), rows(2));
  }

  @Test
  void aRebuildsBatchGoesInAsManyStatementsAsItNeedsAndAnEventAppliedAgainKeepsItsRow()
      throws Exception {
    List<RecordedEvent> events = new ArrayList<>();
    List<List<String>> expected = new ArrayList<>();
    for (long position = 1; position <= 16_203; position++) { // 507 blocks: two statements
      String hash = String.format("%064d", position);
      events.add(event(position, null, hash, changed()));
      expected.add(List.of(String.valueOf(position), hash));
    }
    trail.applyAll(events.subList(0, 10), connection, 1);
    List<RecordedEvent> again = new ArrayList<>(events);
    again.set(4, event(5, null, HASH, changed())); // applied already: its first row stays

    trail.applyAll(again, connection, 1);

    assertEquals(expected, rows(1));
  }

  @Test
  void eventsAppliedOneAtATimeLeaveTheSameBlocksAsOneBatch() throws Exception {
    List<RecordedEvent> events = new ArrayList<>();
    for (long position = 1; position <= 100; position++) {
      events.add(event(position, null, position % 7 == 0 ? null : "h" + position, changed()));
    }
    for (RecordedEvent e : events) {
      trail.apply(e, connection, 1);
    }
    trail.applyAll(events.subList(0, 33), connection, 2);
    trail.applyAll(events.subList(20, 100), connection, 2);

    assertEquals(blocks(1), blocks(2), "a rebuild's blocks equal the live ones, to the character");
    assertEquals(4, blocks(1).size());
    assertEquals(List.of("7", "null"), rows(1).get(6), "an event without a hash has none");
  }

  @Test
  void positionsTheLogSkipsAreRecordedAsMissingAndTheTrailGoesOn() throws Exception {
    // a row deleted from the log by hand: the trail must not stop on the hole it leaves
    List<RecordedEvent> events = new ArrayList<>();
    for (long position : new long[] {1, 2, 5, 6, 40, 41}) {
      events.add(event(position, null, "h" + position, changed()));
    }
    trail.applyAll(events.subList(0, 2), connection, 1);
    trail.applyAll(events.subList(2, 6), connection, 1);
    for (RecordedEvent e : events) {
      trail.apply(e, connection, 2);
    }

    assertEquals(blocks(1), blocks(2), "the same blocks one event at a time as in batches");
    List<List<String>> recorded = rows(1);
    assertEquals(List.of("2", "h2"), recorded.get(1));
    assertEquals(List.of("3", "null"), recorded.get(2), "no hash where the log had no event");
    assertEquals(List.of("4", "null"), recorded.get(3));
    assertEquals(List.of("5", "h5"), recorded.get(4));
    assertEquals(List.of("40", "h40"), recorded.get(recorded.size() - 2));
    assertEquals(List.of("41", "h41"), recorded.get(recorded.size() - 1));
    assertEquals(
        Map.of(1L, "h1", 2L, "h2", 5L, "h5", 6L, "h6", 40L, "h40"),
        witness().hashes(1, 40),
        "the digest check is offered only the hashes the trail read");
  }

  @Test
  void theTrailAsksForNoDataAndKeepsTheSameRowsFromEventsReadWithout() throws Exception {
    assertEquals(Decoding.METADATA_ONLY, Projection.decodingFor(trail));
    List<RecordedEvent> events =
        List.of(event(1, null, HASH, conference("Devoxx")), event(2, "late", HASH, changed()));

    trail.applyAll(events, connection, 1);
    trail.applyAll(events.stream().map(RecordedEvent::withoutData).toList(), connection, 2);

    assertEquals(rows(1), rows(2));
  }

  /** The trail's recorded hashes of generation 1 as the digest check reads them. */
  private TrailHashes witness() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(url);
    h2.setUser("sa");
    h2.setPassword("");
    return new TrailHashes(h2, 1);
  }

  /** A generation's blocks as stored: block, applied, slots. */
  private List<List<String>> blocks(int generation) throws SQLException {
    List<List<String>> blocks = new ArrayList<>();
    try (Statement q = connection.createStatement();
        ResultSet r =
            q.executeQuery(
                "SELECT block, applied, hashes FROM audit_hash_blocks WHERE generation = "
                    + generation
                    + " ORDER BY block")) {
      while (r.next()) {
        blocks.add(List.of(r.getString(1), r.getString(2), r.getString(3)));
      }
    }
    return blocks;
  }

  /** The recorded hashes of a generation as position and hash, read from its blocks. */
  private List<List<String>> rows(int generation) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    for (List<String> block : blocks(generation)) {
      List<String> hashes = TrailBlocks.hashes(block.get(2));
      assertEquals(block.get(1), String.valueOf(hashes.size()), "applied as far as its slots go");
      long first = TrailBlocks.firstOf(Long.parseLong(block.get(0)));
      for (int i = 0; i < hashes.size(); i++) {
        rows.add(List.of(String.valueOf(first + i), String.valueOf(hashes.get(i))));
      }
    }
    return rows;
  }

  private static ConferenceCreated conference(String name) {
    return new ConferenceCreated(
        "c-1", name, "slug", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2), "Hall");
  }

  private static SeatQuantityChanged changed() {
    return new SeatQuantityChanged("c-1", "std", 120, 100);
  }

  private static RecordedEvent event(long position, String reason, String hash, Object event) {
    return new RecordedEvent(
        position,
        "conference-c-1",
        "conference",
        position,
        "event-" + position,
        event.getClass().getSimpleName(),
        1,
        Instant.parse("2026-03-01T10:15:00Z"),
        "alice",
        "command-" + position,
        "correlation-" + position,
        "command-" + position,
        reason,
        null,
        hash,
        event,
        JsonValue.EMPTY_JSON_OBJECT);
  }
}
