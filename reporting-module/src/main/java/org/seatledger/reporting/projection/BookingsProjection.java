package org.seatledger.reporting.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.seatledger.booking.api.Attendee;
import org.seatledger.booking.api.AttendeesAssigned;
import org.seatledger.booking.api.BookingCancelled;
import org.seatledger.booking.api.BookingConfirmed;
import org.seatledger.booking.api.BookingExpired;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.PersonalData;
import org.seatledger.booking.api.PersonalDataErased;
import org.seatledger.booking.api.RecordedEvent;
import org.seatledger.booking.api.projection.Projection;
import org.seatledger.booking.api.projection.Sql;

/**
 * Bookings with their registrant, seats, total and status, and the attendees of each. Personal data
 * is kept here in clear text for staff; {@link PersonalDataErased} blanks it, so an erased person
 * disappears from the read model as from the log.
 */
public final class BookingsProjection implements Projection {

  public static final String NAME = "reporting.bookings";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void apply(RecordedEvent recorded, Connection c, int generation) throws SQLException {
    Object event = recorded.event();
    long at = Sql.micros(recorded.recordedAt());
    long position = recorded.globalPosition();
    if (event instanceof BookingPlaced e) {
      Sql.update(
          c,
          "INSERT IGNORE INTO reporting_bookings (generation, booking_id, conference_id, status, registrant_id,"
              + " registrant_name, registrant_email, seats, seat_count, total, currency, hold_until, placed_at,"
              + " updated_at, last_position) VALUES (?, ?, ?, 'HELD', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          generation,
          e.bookingId(),
          e.conferenceId(),
          e.registrantId(),
          e.registrantName(),
          e.registrantEmail(),
          seats(e.seats()),
          e.seats().values().stream().mapToInt(Integer::intValue).sum(),
          e.total(),
          e.currency(),
          Sql.micros(e.holdUntil()),
          at,
          at,
          position);
    } else if (event instanceof BookingConfirmed e) {
      status(c, generation, e.bookingId(), "CONFIRMED", at, position);
    } else if (event instanceof BookingCancelled e) {
      status(c, generation, e.bookingId(), "CANCELLED", at, position);
    } else if (event instanceof BookingExpired e) {
      status(c, generation, e.bookingId(), "EXPIRED", at, position);
    } else if (event instanceof AttendeesAssigned e) {
      if (Sql.update(
              c,
              "UPDATE reporting_bookings SET last_position = ? WHERE generation = ? AND booking_id = ? AND last_position < ?",
              position,
              generation,
              e.bookingId(),
              position)
          == 0) {
        return;
      }
      Sql.update(
          c,
          "DELETE FROM reporting_attendees WHERE generation = ? AND booking_id = ?",
          generation,
          e.bookingId());
      List<Attendee> attendees = e.attendees();
      for (int i = 0; i < attendees.size(); i++) {
        Attendee a = attendees.get(i);
        Sql.update(
            c,
            "INSERT INTO reporting_attendees (generation, booking_id, ordinal, conference_id, attendee_id, seat_type,"
                + " name, email) SELECT ?, ?, ?, conference_id, ?, ?, ?, ? FROM reporting_bookings"
                + " WHERE generation = ? AND booking_id = ?",
            generation,
            e.bookingId(),
            i,
            a.attendeeId(),
            a.seatType(),
            a.name(),
            a.email(),
            generation,
            e.bookingId());
      }
    } else if (event instanceof PersonalDataErased e) {
      Sql.update(
          c,
          "UPDATE reporting_bookings SET registrant_name = ?, registrant_email = ? WHERE generation = ? AND registrant_id = ?",
          PersonalData.ERASED,
          PersonalData.ERASED,
          generation,
          e.subjectId());
      Sql.update(
          c,
          "UPDATE reporting_attendees SET name = ?, email = ? WHERE generation = ? AND attendee_id = ?",
          PersonalData.ERASED,
          PersonalData.ERASED,
          generation,
          e.subjectId());
    }
  }

  private static void status(
      Connection c, int generation, String bookingId, String status, long at, long position)
      throws SQLException {
    Sql.update(
        c,
        "UPDATE reporting_bookings SET status = ?, updated_at = ?, last_position = ?"
            + " WHERE generation = ? AND booking_id = ? AND last_position < ?",
        status,
        at,
        position,
        generation,
        bookingId,
        position);
  }

  /** Seats as {@code standard=2, vip=1}, sorted: readable in lists and exports. */
  static String seats(Map<String, Integer> seats) {
    return new TreeMap<>(seats).toString().replaceAll("[{}]", "");
  }

  @Override
  public void drop(Connection c, int generation) throws SQLException {
    Sql.update(c, "DELETE FROM reporting_attendees WHERE generation = ?", generation);
    Sql.update(c, "DELETE FROM reporting_bookings WHERE generation = ?", generation);
  }
}
