package org.seatledger.reporting.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.ConferenceCreated;
import org.seatledger.booking.api.ConferencePublished;
import org.seatledger.booking.api.PersonalDataErased;
import org.seatledger.booking.api.RecordedEvent;
import org.seatledger.booking.api.SeatCapacityChanged;
import org.seatledger.booking.api.SeatTypeAdded;
import org.seatledger.booking.api.SeatsCommitted;
import org.seatledger.booking.api.SeatsReleased;
import org.seatledger.booking.api.SeatsReserved;

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
      RecordedEvent recorded =
          new RecordedEvent(
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
      for (var projection :
          List.of(new AvailabilityProjection(), new BookingsProjection(), new StatsProjection())) {
        projection.apply(recorded, connection, 1);
      }
    }
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
        new BookingConfirmed("b1", "P", new BigDecimal("200"), "EUR"),
        new SeatsCommitted("c", "b1", Map.of("standard", 2)),
        new BookingCancelled("b2", "x"),
        new SeatsReleased("c", "b2", Map.of("standard", 3), "cancelled", false));
    assertEquals(
        List.of(List.of("standard", 10, 0, 2)),
        query("SELECT code, capacity, held, sold FROM reporting_seat_types"));
    assertEquals(
        List.of(List.of("b1", "CONFIRMED"), List.of("b2", "CANCELLED")),
        query("SELECT booking_id, status FROM reporting_bookings ORDER BY booking_id"));
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
        new BookingConfirmed("b1", "P", new BigDecimal("200"), "EUR"),
        new SeatsCommitted("c", "b1", Map.of("standard", 2)),
        placed("b2", 1),
        new SeatsReserved("c", "b2", Map.of("standard", 1), T),
        new BookingCancelled("b1", "x"),
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
        new BookingConfirmed("b1", "P", new BigDecimal("100"), "EUR"),
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
}
