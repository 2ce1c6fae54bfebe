package org.seatledger.reporting.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seatledger.booking.api.Attendee;
import org.seatledger.booking.api.AttendeesAssigned;
import org.seatledger.booking.api.BookingCancelled;
import org.seatledger.booking.api.BookingConfirmed;
import org.seatledger.booking.api.BookingExpired;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.ConferenceCreated;
import org.seatledger.booking.api.ConferencePublished;
import org.seatledger.booking.api.ConferenceUnpublished;
import org.seatledger.booking.api.PersonalDataErased;
import org.seatledger.booking.api.SeatCapacityChanged;
import org.seatledger.booking.api.SeatTypeAdded;
import org.seatledger.booking.api.SeatsCommitted;
import org.seatledger.booking.api.SeatsReleased;
import org.seatledger.booking.api.SeatsReserved;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.projection.Projection;

/**
 * Projections without a container: the module's own migrations on an in-memory database, events fed
 * in, the read models asked.
 */
class ProjectionTest {

  private static final Instant T = Instant.parse("2027-03-01T09:00:00Z");
  private Connection connection;
  private long position;

  @BeforeEach
  void database() throws SQLException {
    String url =
        "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/reporting")
        .load()
        .migrate();
    connection = DriverManager.getConnection(url, "sa", "");
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  private void feed(Object... events) throws SQLException {
    for (Object event : events) {
      RecordedEvent recorded = recorded(event);
      for (var projection :
          List.of(new AvailabilityProjection(), new BookingsProjection(), new StatsProjection())) {
        projection.apply(recorded, connection, 1);
      }
    }
  }

  private RecordedEvent recorded(Object event) {
    return new RecordedEvent(
        ++position,
        "s",
        "t",
        1,
        UUID.randomUUID().toString(),
        event.getClass().getSimpleName(),
        1,
        T,
        "staff",
        "c",
        "c",
        "c",
        null,
        "0",
        "1",
        event,
        Json.createObjectBuilder().build());
  }

  private List<List<Object>> query(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (PreparedStatement q = connection.prepareStatement(sql);
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          Object value = rs.getObject(i);
          row.add(value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private Object[] conference() {
    return new Object[] {
      new ConferenceCreated(
          "c",
          "DevConf",
          "devconf",
          LocalDate.parse("2027-05-04"),
          LocalDate.parse("2027-05-06"),
          "Brno"),
      new SeatTypeAdded("c", "standard", "Standard", 10, new BigDecimal("100.00"), "EUR"),
      new SeatCapacityChanged("c", "standard", 10),
      new ConferencePublished("c")
    };
  }

  private static BookingPlaced placed(String booking, int seats) {
    return new BookingPlaced(
        booking,
        "c",
        "r-" + booking,
        "Ada " + booking,
        booking + "@example.org",
        Map.of("standard", seats),
        new BigDecimal(100 * seats),
        "EUR",
        T.plusSeconds(900));
  }

  @Test
  void availabilityFollowsHoldsSalesAndReleases() throws SQLException {
    feed(conference());
    feed(
        placed("b1", 2),
        new SeatsReserved("c", "b1", Map.of("standard", 2), T),
        placed("b2", 3),
        new SeatsReserved("c", "b2", Map.of("standard", 3), T),
        new BookingConfirmed("b1", "r-b1", "P", new BigDecimal("200"), "EUR"),
        new SeatsCommitted("c", "b1", Map.of("standard", 2)),
        new BookingCancelled("b2", "r-b2", "x"),
        new SeatsReleased("c", "b2", Map.of("standard", 3), "cancelled", false));
    assertEquals(
        List.of(List.of("standard", 10, 0, 2)),
        query("SELECT code, capacity, held, sold FROM reporting_seat_types"));
    assertEquals(
        List.of(List.of("b1", "CONFIRMED"), List.of("b2", "CANCELLED")),
        query("SELECT booking_id, status FROM reporting_bookings ORDER BY booking_id"));
  }

  /**
   * The bookings list's rows are keyed by where each booking was placed in the log (reporting V5),
   * whatever its id: the list's tie-break between bookings placed at the same time is the order of
   * placing, and a rebuild adds its rows at the end of the table.
   */
  @Test
  void bookingRowsAreKeyedByThePositionOfTheirPlacing() throws SQLException {
    feed(conference());
    feed(placed("zz", 1), placed("aa", 1));
    feed(new BookingConfirmed("zz", "r-zz", "P", new BigDecimal("100"), "EUR"), placed("mm", 2));
    List<List<Object>> rows =
        query(
            "SELECT booking_id, placed_position, last_position FROM reporting_bookings"
                + " ORDER BY placed_position");
    assertEquals(List.of("zz", "aa", "mm"), rows.stream().map(r -> r.get(0)).toList());
    long zz = ((Number) rows.get(0).get(1)).longValue();
    assertEquals(
        List.of(zz + 1, zz + 3),
        rows.subList(1, 3).stream().map(r -> ((Number) r.get(1)).longValue()).toList());
    assertEquals(zz + 2, ((Number) rows.get(0).get(2)).longValue(), "confirmed after");
  }

  /**
   * What a rebuild does: the same events applied as folded batches (generation 2) leave exactly the
   * rows that applying them one at a time leaves (generation 1) — across batch boundaries, with
   * bookings confirmed, cancelled and given attendees in the batch that placed them or in a later
   * one, capacity changes between holds, erasures, and a batch applied a second time. Fed only the
   * event classes it names (generation 3), each projection leaves the same rows too.
   */
  @Test
  void foldedBatchesLeaveTheRowsOfOneEventAtATime() throws SQLException {
    List<Object> events = new ArrayList<>(List.of(conference()));
    events.addAll(
        List.of(
            placed("b1", 2),
            new SeatsReserved("c", "b1", Map.of("standard", 2), T),
            placed("b2", 3),
            new SeatsReserved("c", "b2", Map.of("standard", 3), T),
            new BookingConfirmed("b1", "r-b1", "P1", new BigDecimal("200"), "EUR"),
            new SeatsCommitted("c", "b1", Map.of("standard", 2)),
            new SeatCapacityChanged("c", "standard", 12),
            placed("b3", 1),
            new SeatsReserved("c", "b3", Map.of("standard", 1), T),
            new BookingCancelled("b1", "r-b1", "changed plans"),
            new SeatsReleased("c", "b1", Map.of("standard", 2), "cancelled", true),
            new BookingExpired("b2", T.plusSeconds(900)),
            new SeatsReleased("c", "b2", Map.of("standard", 3), "expired", false),
            new BookingConfirmed("b3", "r-b3", "P3", new BigDecimal("100"), "EUR"),
            new SeatsCommitted("c", "b3", Map.of("standard", 1)),
            new AttendeesAssigned(
                "b3", List.of(new Attendee("a3", "standard", "Grace", "grace@example.org"))),
            new SeatTypeAdded("c", "vip", "VIP", 2, new BigDecimal("300.00"), "EUR"),
            placed("b4", 1),
            new SeatsReserved("c", "b4", Map.of("standard", 1), T),
            new PersonalDataErased("r-b4"),
            new SeatCapacityChanged("c", "standard", 9),
            new BookingConfirmed("b4", "r-b4", "P4", new BigDecimal("100"), "EUR"),
            new SeatsCommitted("c", "b4", Map.of("standard", 1))));
    List<RecordedEvent> log = new ArrayList<>();
    for (Object event : events) {
      log.add(recorded(event));
    }
    List<Projection> projections =
        List.of(new AvailabilityProjection(), new BookingsProjection(), new StatsProjection());
    for (Projection projection : projections) {
      for (RecordedEvent event : log) {
        projection.apply(event, connection, 1);
      }
      for (int from = 0; from < log.size(); from += 7) {
        List<RecordedEvent> batch = log.subList(from, Math.min(log.size(), from + 7));
        projection.applyAll(batch, connection, 2);
        if (from == 14) {
          projection.applyAll(batch, connection, 2); // applied again: changes nothing
        }
      }
      // only the classes it names, as the runner hands them over: the same rows again
      List<RecordedEvent> named =
          log.stream()
              .filter(
                  e ->
                      projection.eventClasses().isEmpty()
                          || projection.eventClasses().contains(e.event().getClass()))
              .toList();
      projection.applyAll(named, connection, 3);
    }
    for (String table :
        List.of(
            "reporting_conferences",
            "reporting_seat_types",
            "reporting_bookings",
            "reporting_attendees",
            "reporting_daily_stats",
            "reporting_stat_bookings")) {
      List<List<Object>> oneByOne = rowsOf(table, 1);
      assertFalse(oneByOne.isEmpty(), table + " has rows");
      assertEquals(oneByOne, rowsOf(table, 2), table);
      assertEquals(oneByOne, rowsOf(table, 3), table + ", from the event classes named");
    }
    assertEquals(
        List.of(List.of("standard", 9, 0, 2), List.of("vip", 2, 0, 0)),
        query(
            "SELECT code, capacity, held, sold FROM reporting_seat_types WHERE generation = 2"
                + " ORDER BY code"));
  }

  /**
   * A batch that sets up several conferences, publishes and unpublishes them, and moves their seats
   * — with seat events for a conference the model never saw in between — leaves the rows of one
   * event at a time, and no row for the unknown conference.
   */
  @Test
  void oneBatchOverManyConferencesLeavesTheRowsOfOneEventAtATime() throws SQLException {
    List<Object> events = new ArrayList<>();
    for (String id : List.of("c1", "c2", "c3")) {
      events.add(
          new ConferenceCreated(
              id,
              "Conf " + id,
              id,
              LocalDate.parse("2027-05-04"),
              LocalDate.parse("2027-05-06"),
              "Brno"));
      events.add(new SeatsReserved(id, "early", Map.of("standard", 1), T)); // before its seat type
      events.add(
          new SeatTypeAdded(id, "standard", "Standard", 10, new BigDecimal("100.00"), "EUR"));
      events.add(new SeatTypeAdded(id, "vip", "VIP", 2, new BigDecimal("300.00"), "EUR"));
      events.add(new SeatCapacityChanged("ghost", "standard", 50));
      events.add(new SeatsReserved("ghost", "g", Map.of("standard", 5), T));
      events.add(new ConferencePublished(id));
      events.add(new SeatsReserved(id, "b-" + id, Map.of("standard", 3, "vip", 1), T));
    }
    events.add(new ConferenceUnpublished("c2"));
    events.add(new SeatsCommitted("c1", "b-c1", Map.of("standard", 3, "vip", 1)));
    events.add(new SeatCapacityChanged("c3", "standard", 4));
    events.add(new SeatsReleased("c3", "b-c3", Map.of("standard", 3), "cancelled", false));
    List<RecordedEvent> log = new ArrayList<>();
    for (Object event : events) {
      log.add(recorded(event));
    }
    AvailabilityProjection availability = new AvailabilityProjection();
    for (RecordedEvent event : log) {
      availability.apply(event, connection, 1);
    }
    availability.applyAll(log.subList(0, 5), connection, 2);
    availability.applyAll(log, connection, 2); // the first five again: they count once
    for (String table : List.of("reporting_conferences", "reporting_seat_types")) {
      assertEquals(rowsOf(table, 1), rowsOf(table, 2), table);
    }
    assertEquals(
        List.of(
            List.of("c1", "standard", 0, 10, 0, 3),
            List.of("c1", "vip", 1, 2, 0, 1),
            List.of("c2", "standard", 0, 10, 3, 0),
            List.of("c2", "vip", 1, 2, 1, 0),
            List.of("c3", "standard", 0, 4, 0, 0),
            List.of("c3", "vip", 1, 2, 1, 0)),
        query(
            "SELECT conference_id, code, ordinal, capacity, held, sold FROM reporting_seat_types"
                + " WHERE generation = 2 ORDER BY conference_id, code"));
    assertEquals(
        List.of(List.of("c1", true), List.of("c2", false), List.of("c3", true)),
        query(
            "SELECT conference_id, published FROM reporting_conferences WHERE generation = 2"
                + " ORDER BY conference_id"));
  }

  /**
   * A live batch of bookings only moves seats, and seat availability then looks nothing up: holds,
   * sales and releases over two conferences and two seat types each, a seat type that has no row, a
   * batch applied a second time, and a batch that repeats the events of the one before and goes on
   * leave the rows of one event at a time.
   */
  @Test
  void batchesThatOnlyMoveSeatsLeaveTheRowsOfOneEventAtATime() throws SQLException {
    List<Object> setUp = new ArrayList<>();
    for (String id : List.of("c1", "c2")) {
      setUp.add(
          new ConferenceCreated(
              id,
              "Conf " + id,
              id,
              LocalDate.parse("2027-05-04"),
              LocalDate.parse("2027-05-06"),
              "Brno"));
      setUp.add(new SeatTypeAdded(id, "standard", "Standard", 10, new BigDecimal("100"), "EUR"));
      setUp.add(new SeatTypeAdded(id, "vip", "VIP", 4, new BigDecimal("300"), "EUR"));
    }
    List<Object> moves =
        List.of(
            new SeatsReserved("c1", "b1", Map.of("standard", 2, "vip", 1), T),
            new SeatsReserved("c2", "b2", Map.of("standard", 3), T),
            new SeatsReserved("c1", "b3", Map.of("gold", 1), T), // no such seat type
            new SeatsCommitted("c1", "b1", Map.of("standard", 2, "vip", 1)),
            new SeatsReserved("c2", "b4", Map.of("vip", 2), T),
            new SeatsReleased("c2", "b2", Map.of("standard", 3), "cancelled", false),
            new SeatsReleased("c1", "b1", Map.of("vip", 1), "cancelled", true),
            new SeatsReserved("c1", "b5", Map.of("standard", 1), T));
    List<RecordedEvent> log = new ArrayList<>();
    for (Object event : setUp) {
      log.add(recorded(event));
    }
    for (Object event : moves) {
      log.add(recorded(event));
    }
    AvailabilityProjection availability = new AvailabilityProjection();
    for (RecordedEvent event : log) {
      availability.apply(event, connection, 1);
    }
    int firstMove = setUp.size();
    availability.applyAll(log.subList(0, firstMove), connection, 2);
    availability.applyAll(log.subList(firstMove, firstMove + 2), connection, 2);
    availability.applyAll(log.subList(firstMove, firstMove + 2), connection, 2); // again
    availability.applyAll(log.subList(firstMove + 2, firstMove + 4), connection, 2);
    availability.applyAll(log.subList(firstMove + 2, log.size()), connection, 2); // overlaps

    assertEquals(rowsOf("reporting_seat_types", 1), rowsOf("reporting_seat_types", 2));
    assertEquals(
        List.of(
            List.of("c1", "standard", 1, 2),
            List.of("c1", "vip", 0, 0),
            List.of("c2", "standard", 0, 0),
            List.of("c2", "vip", 2, 0)),
        query(
            "SELECT conference_id, code, held, sold FROM reporting_seat_types"
                + " WHERE generation = 2 ORDER BY conference_id, code"));
  }

  /**
   * A rebuild's batch places more bookings than one insert statement carries: the rows are those of
   * one event at a time, and the seats read as staff see them in lists and exports.
   */
  @Test
  void aBatchOfMoreBookingsThanOneStatementCarriesLeavesTheRowsOfOneEventAtATime()
      throws SQLException {
    List<RecordedEvent> log = new ArrayList<>();
    for (Object event : conference()) {
      log.add(recorded(event));
    }
    for (int i = 1; i <= 300; i++) {
      String booking = "b" + i;
      log.add(
          recorded(
              new BookingPlaced(
                  booking,
                  "c",
                  "r-" + booking,
                  i % 10 == 0 ? "O'Brien \\ " + i : "Ada " + i,
                  booking + "@example.org",
                  i % 3 == 0 ? Map.of("vip", 1, "standard", i % 4 + 1) : Map.of("standard", 1),
                  new BigDecimal(100 * i),
                  "EUR",
                  T.plusSeconds(900))));
      if (i % 2 == 0) {
        log.add(
            recorded(new BookingConfirmed(booking, "r-" + booking, "P", BigDecimal.TEN, "EUR")));
      }
    }
    for (Projection projection : List.of(new BookingsProjection(), new StatsProjection())) {
      for (RecordedEvent event : log) {
        projection.apply(event, connection, 1);
      }
      projection.applyAll(log, connection, 2);
    }
    for (String table :
        List.of("reporting_bookings", "reporting_stat_bookings", "reporting_daily_stats")) {
      List<List<Object>> oneByOne = rowsOf(table, 1);
      assertFalse(oneByOne.isEmpty(), table + " has rows");
      assertEquals(oneByOne, rowsOf(table, 2), table);
    }
    assertEquals(
        List.of(List.of(300L, 150L)),
        query(
            "SELECT COUNT(*), SUM(CASE WHEN status = 'CONFIRMED' THEN 1 ELSE 0 END)"
                + " FROM reporting_bookings WHERE generation = 2"));
    assertEquals(
        List.of(List.of("b3", "standard=4, vip=1", 5), List.of("b4", "standard=1", 1)),
        query(
            "SELECT booking_id, seats, seat_count FROM reporting_bookings"
                + " WHERE generation = 2 AND booking_id IN ('b3', 'b4') ORDER BY booking_id"));
  }

  @Test
  void seatsReadSortedByCodeWithTheirCounts() {
    assertEquals(
        "gold=1, standard=2, vip=10",
        BookingsProjection.seats(Map.of("vip", 10, "standard", 2, "gold", 1)));
    assertEquals("standard=1", BookingsProjection.seats(Map.of("standard", 1)));
  }

  private List<List<Object>> rowsOf(String table, int generation) throws SQLException {
    List<List<Object>> rows = query("SELECT * FROM " + table + " WHERE generation = " + generation);
    rows.forEach(row -> row.remove(0)); // the generation column comes first
    rows.sort(Comparator.comparing(Object::toString));
    return rows;
  }

  @Test
  void anEventAppliedTwiceCountsOnce() throws SQLException {
    feed(conference());
    BookingPlaced b1 = placed("b1", 2);
    SeatsReserved held = new SeatsReserved("c", "b1", Map.of("standard", 2), T);
    feed(b1, held);
    position -= 2;
    feed(b1, held);
    assertEquals(List.of(List.of(2)), query("SELECT held FROM reporting_seat_types"));
    assertEquals(List.of(List.of(1)), query("SELECT bookings FROM reporting_daily_stats"));
  }

  @Test
  void dailyStatsCountBookingsConfirmationsAndRevenue() throws SQLException {
    feed(conference());
    feed(
        placed("b1", 2),
        new SeatsReserved("c", "b1", Map.of("standard", 2), T),
        new BookingConfirmed("b1", "r-b1", "P", new BigDecimal("200"), "EUR"),
        new SeatsCommitted("c", "b1", Map.of("standard", 2)),
        placed("b2", 1),
        new SeatsReserved("c", "b2", Map.of("standard", 1), T),
        new BookingCancelled("b1", "r-b1", "x"),
        new SeatsReleased("c", "b1", Map.of("standard", 2), "cancelled", true),
        new SeatsReleased("c", "b2", Map.of("standard", 1), "expired", false));
    assertEquals(
        List.of(List.of(2, 1, 1, 1, "0")),
        query(
            "SELECT bookings, confirmations, cancellations, expirations, revenue FROM reporting_daily_stats"));
  }

  @Test
  void erasingAPersonBlanksThemInTheReadModel() throws SQLException {
    feed(conference());
    feed(
        placed("b1", 1),
        new BookingConfirmed("b1", "r-b1", "P", new BigDecimal("100"), "EUR"),
        new AttendeesAssigned(
            "b1", List.of(new Attendee("a1", "standard", "Grace", "grace@example.org"))),
        new PersonalDataErased("r-b1"),
        new PersonalDataErased("a1"));
    assertEquals(
        List.of(List.of("[erased]", "[erased]")),
        query("SELECT registrant_name, registrant_email FROM reporting_bookings"));
    assertEquals(
        List.of(List.of("[erased]", "[erased]")),
        query("SELECT name, email FROM reporting_attendees"));
  }

  @Test
  void aDaysRevenueBeyondOneBookingsLargestTotalIsStoredExactly() throws SQLException {
    BigDecimal largest = new BigDecimal("999999999000.00"); // 9,999,999.99 x 100,000 seats
    feed(
        new ConferenceCreated(
            "c",
            "DevConf",
            "devconf",
            LocalDate.parse("2027-05-04"),
            LocalDate.parse("2027-05-06"),
            "Brno"));
    for (String booking : List.of("b1", "b2", "b3")) {
      feed(
          new BookingPlaced(
              booking,
              "c",
              "r-" + booking,
              "Ada",
              "ada@example.org",
              Map.of("gold", 100_000),
              largest,
              "EUR",
              T.plusSeconds(900)),
          new BookingConfirmed(booking, "r-" + booking, "PAY-" + booking, largest, "EUR"));
    }
    assertEquals(
        List.of(List.of(3, 3, "2999999997000")),
        query("SELECT bookings, confirmations, revenue FROM reporting_daily_stats"));
    assertEquals(
        List.of(List.of("999999999000")), query("SELECT DISTINCT total FROM reporting_bookings"));
  }
}
