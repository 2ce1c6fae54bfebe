package org.seatledger.audit.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seatledger.audit.api.AuditQueries.Entry;
import org.seatledger.booking.api.BookingCancelled;
import org.seatledger.booking.api.SeatQuantityChanged;
import org.seatledger.booking.api.SeatsReleased;
import org.seatledger.eventlog.api.LogEntry;
import org.seatledger.eventlog.api.RecordedEvent;

/**
 * The entries an auditor sees for events found in the log: sentences and reasons made from the
 * events as the trail applied them, only for events the trail has applied, narrowed by free text.
 */
class TrailLinesTest {

  private final Streams log =
      new Streams()
          .add("conference-c-1", "alice", "contract amended", changed(120))
          .add("conference-c-1", "alice", changed(90))
          .add("booking-b-1", "bob", "Ada broke her leg", new BookingCancelled("b-1", "r-1", "x"))
          .add(
              "seats-c-1",
              "bob",
              "Ada broke her leg",
              new SeatsReleased("c-1", "b-1", Map.of("std", 2), "cancelled", false))
          .add("conference-c-1", "alice", changed(80));

  private DataSource dataSource;
  private Connection connection;

  @BeforeEach
  void database() throws SQLException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(
        "jdbc:h2:mem:"
            + UUID.randomUUID()
            + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    Flyway.configure().dataSource(h2).locations("classpath:db/audit").load().migrate();
    dataSource = h2;
    connection = DriverManager.getConnection(h2.getURL(), "sa", "");
    // the trail has applied the first four events in generation 3, the fifth not yet
    new AuditTrailProjection().applyAll(log.readAt(List.of(1L, 2L, 3L, 4L), false), connection, 3);
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void anEntryShowsTheSentenceAndReasonTheEventGivesAndOnlyForEventsTheTrailApplied() {
    List<Entry> entries = new TrailLines(dataSource, log).entries(found(1, 2, 3, 4, 5), 3, null);

    assertEquals(List.of(1L, 2L, 3L, 4L), entries.stream().map(Entry::globalPosition).toList());
    for (Entry entry : entries) {
      RecordedEvent event = log.readAt(List.of(entry.globalPosition()), false).get(0);
      assertEquals(Summaries.of(event), entry.summary());
      assertEquals(event.streamId(), entry.streamId());
    }
    assertEquals("contract amended", entries.get(0).reason());
    assertNull(entries.get(2).reason(), "a cancellation's free text is not shown");
    assertNull(entries.get(3).reason(), "nor on the release of its seats");
  }

  @Test
  void freeTextNarrowsTheEntriesIgnoringCase() {
    List<Entry> entries =
        new TrailLines(dataSource, log)
            .entries(found(1, 2, 3, 4, 5), 3, TrailSearch.needle("TO 90"));

    assertEquals(List.of(2L), entries.stream().map(Entry::globalPosition).toList());
  }

  @Test
  void anotherGenerationHasNoEntries() {
    assertEquals(List.of(), new TrailLines(dataSource, log).entries(found(1, 2), 4, null));
  }

  /** The log's entries of the events at these positions, as a search of the log finds them. */
  private List<LogEntry> found(long... positions) {
    return log.readAt(java.util.Arrays.stream(positions).boxed().toList(), false).stream()
        .map(
            e ->
                new LogEntry(
                    e.globalPosition(),
                    e.streamId(),
                    e.streamType(),
                    e.streamVersion(),
                    e.type(),
                    e.recordedAt(),
                    e.recordedBy(),
                    e.commandId(),
                    e.correlationId(),
                    e.causationId(),
                    e.reason()))
        .toList();
  }

  private static SeatQuantityChanged changed(int quantity) {
    return new SeatQuantityChanged("c-1", "std", quantity, quantity + 10);
  }
}
