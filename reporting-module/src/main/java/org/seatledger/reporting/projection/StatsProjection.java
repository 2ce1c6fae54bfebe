package org.seatledger.reporting.projection;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.seatledger.booking.api.BookingConfirmed;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.RecordedEvent;
import org.seatledger.booking.api.SeatsReleased;
import org.seatledger.booking.api.projection.Projection;
import org.seatledger.booking.api.projection.Sql;

/**
 * Per conference and UTC day: bookings placed, confirmed, cancelled and expired, and revenue (paid
 * amounts, less the totals of confirmed bookings cancelled later).
 */
public final class StatsProjection implements Projection {

  public static final String NAME = "reporting.stats";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void apply(RecordedEvent recorded, Connection c, int generation) throws SQLException {
    Object event = recorded.event();
    long at = recorded.globalPosition();
    Date day = Date.valueOf(LocalDate.ofInstant(recorded.recordedAt(), ZoneOffset.UTC));
    if (event instanceof BookingPlaced e) {
      Sql.update(
          c,
          "INSERT IGNORE INTO reporting_stat_bookings (generation, booking_id, conference_id, total) VALUES (?, ?, ?, ?)",
          generation,
          e.bookingId(),
          e.conferenceId(),
          e.total());
      add(c, generation, e.conferenceId(), day, at, 1, 0, 0, 0, BigDecimal.ZERO);
    } else if (event instanceof BookingConfirmed e) {
      String conference = conferenceOf(c, generation, e.bookingId());
      if (conference != null) {
        add(c, generation, conference, day, at, 0, 1, 0, 0, e.amount());
      }
    } else if (event instanceof SeatsReleased e) {
      boolean expired = "expired".equals(e.reason());
      BigDecimal refund =
          e.wereSold() ? totalOf(c, generation, e.bookingId()).negate() : BigDecimal.ZERO;
      add(c, generation, e.conferenceId(), day, at, 0, 0, expired ? 0 : 1, expired ? 1 : 0, refund);
    }
  }

  /** Adds to the day's counters unless this event (position {@code at}) was counted already. */
  private static void add(
      Connection c,
      int generation,
      String conference,
      Date day,
      long at,
      int booked,
      int confirmed,
      int cancelled,
      int expired,
      BigDecimal revenue)
      throws SQLException {
    int updated =
        Sql.update(
            c,
            "UPDATE reporting_daily_stats SET bookings = bookings + ?, confirmations = confirmations + ?,"
                + " cancellations = cancellations + ?, expirations = expirations + ?, revenue = revenue + ?,"
                + " last_position = ? WHERE generation = ? AND conference_id = ? AND stat_day = ? AND last_position < ?",
            booked,
            confirmed,
            cancelled,
            expired,
            revenue,
            at,
            generation,
            conference,
            day,
            at);
    if (updated == 0) {
      Sql.update(
          c,
          "INSERT IGNORE INTO reporting_daily_stats (generation, conference_id, stat_day, bookings, confirmations,"
              + " cancellations, expirations, revenue, last_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          generation,
          conference,
          day,
          booked,
          confirmed,
          cancelled,
          expired,
          revenue,
          at);
    }
  }

  private static String conferenceOf(Connection c, int generation, String bookingId)
      throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT conference_id FROM reporting_stat_bookings WHERE generation = ? AND booking_id = ?")) {
      q.setInt(1, generation);
      q.setString(2, bookingId);
      try (ResultSet rows = q.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  private static BigDecimal totalOf(Connection c, int generation, String bookingId)
      throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT total FROM reporting_stat_bookings WHERE generation = ? AND booking_id = ?")) {
      q.setInt(1, generation);
      q.setString(2, bookingId);
      try (ResultSet rows = q.executeQuery()) {
        return rows.next() ? rows.getBigDecimal(1) : BigDecimal.ZERO;
      }
    }
  }

  @Override
  public void drop(Connection c, int generation) throws SQLException {
    Sql.update(c, "DELETE FROM reporting_daily_stats WHERE generation = ?", generation);
    Sql.update(c, "DELETE FROM reporting_stat_bookings WHERE generation = ?", generation);
  }
}
