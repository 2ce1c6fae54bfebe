package org.seatledger.reporting.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.seatledger.booking.api.Attendee;
import org.seatledger.booking.api.AttendeesAssigned;
import org.seatledger.booking.api.BookingCancelled;
import org.seatledger.booking.api.BookingConfirmed;
import org.seatledger.booking.api.BookingExpired;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.PersonalDataErased;
import org.seatledger.eventlog.api.PersonalData;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.projection.Projection;
import org.seatledger.eventlog.api.projection.Sql;

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
  public Set<Class<?>> eventClasses() {
    return EVENTS;
  }

  private static final Set<Class<?>> EVENTS =
      Set.of(
          BookingPlaced.class,
          BookingConfirmed.class,
          BookingCancelled.class,
          BookingExpired.class,
          AttendeesAssigned.class,
          PersonalDataErased.class);

  @Override
  public void apply(RecordedEvent event, Connection c, int generation) throws SQLException {
    applyAll(List.of(event), c, generation);
  }

  /**
   * New bookings of a batch are inserted together, with the status the batch leaves them in; status
   * changes of older bookings are written together, the last one per booking. Attendees and
   * erasures are written in their place in the order of the log, after everything before them.
   */
  @Override
  public void applyAll(List<RecordedEvent> events, Connection c, int generation)
      throws SQLException {
    Map<String, NewBooking> placed = new LinkedHashMap<>();
    Map<String, StatusChange> changed = new LinkedHashMap<>();
    for (RecordedEvent recorded : events) {
      Object event = recorded.event();
      long at = Sql.micros(recorded.recordedAt());
      long position = recorded.globalPosition();
      NewStatus status = newStatus(event);
      if (event instanceof BookingPlaced e) {
        placed.putIfAbsent(e.bookingId(), new NewBooking(e, at, position));
      } else if (status != null) {
        NewBooking booking = placed.get(status.bookingId());
        if (booking != null) {
          booking.status = status.status();
          booking.updatedAt = at;
          booking.lastPosition = position;
        } else {
          changed
              .computeIfAbsent(status.bookingId(), id -> new StatusChange(position))
              .to(status.status(), at, position);
        }
      } else if (event instanceof AttendeesAssigned || event instanceof PersonalDataErased) {
        write(placed, changed, c, generation);
        applyInPlace(event, position, c, generation);
      }
    }
    write(placed, changed, c, generation);
  }

  /** The status an event gives a booking. */
  private record NewStatus(String bookingId, String status) {}

  private static NewStatus newStatus(Object event) {
    if (event instanceof BookingConfirmed e) {
      return new NewStatus(e.bookingId(), "CONFIRMED");
    } else if (event instanceof BookingCancelled e) {
      return new NewStatus(e.bookingId(), "CANCELLED");
    } else if (event instanceof BookingExpired e) {
      return new NewStatus(e.bookingId(), "EXPIRED");
    }
    return null;
  }

  /**
   * A booking placed in this batch, with what the rest of the batch did to it. Its row is keyed by
   * the position of its {@code BookingPlaced} (reporting V5): rows go in at the end of the table,
   * in the order of the log.
   */
  private static final class NewBooking {
    final BookingPlaced placed;
    final long placedAt;
    final long placedPosition;
    String status = "HELD";
    long updatedAt;
    long lastPosition;

    NewBooking(BookingPlaced placed, long at, long position) {
      this.placed = placed;
      this.placedAt = at;
      this.placedPosition = position;
      this.updatedAt = at;
      this.lastPosition = position;
    }
  }

  /** The last status a batch gave an older booking, by events {@code first..last}. */
  private static final class StatusChange {
    final long first;
    String status;
    long updatedAt;
    long last;

    StatusChange(long first) {
      this.first = first;
    }

    void to(String status, long at, long position) {
      this.status = status;
      this.updatedAt = at;
      this.last = position;
    }
  }

  private static void write(
      Map<String, NewBooking> placed,
      Map<String, StatusChange> changed,
      Connection c,
      int generation)
      throws SQLException {
    Sql.insert(
        c,
        "INSERT IGNORE INTO reporting_bookings (generation, booking_id, conference_id, status, registrant_id,"
            + " registrant_name, registrant_email, seats, seat_count, total, currency, hold_until, placed_at,"
            + " updated_at, last_position, placed_position)",
        placed.values(),
        (insert, booking) -> {
          BookingPlaced e = booking.placed;
          insert.setInt(1, generation);
          insert.setString(2, e.bookingId());
          insert.setString(3, e.conferenceId());
          insert.setString(4, booking.status);
          insert.setString(5, e.registrantId());
          insert.setString(6, e.registrantName());
          insert.setString(7, e.registrantEmail());
          insert.setString(8, seats(e.seats()));
          insert.setInt(9, e.seats().values().stream().mapToInt(Integer::intValue).sum());
          insert.setBigDecimal(10, e.total());
          insert.setString(11, e.currency());
          insert.setLong(12, Sql.micros(e.holdUntil()));
          insert.setLong(13, booking.placedAt);
          insert.setLong(14, booking.updatedAt);
          insert.setLong(15, booking.lastPosition);
          insert.setLong(16, booking.placedPosition);
        });
    placed.clear();
    Sql.updateEach(
        c,
        STATUS_CHANGES,
        List.of(generation),
        changed.entrySet(),
        entry -> {
          StatusChange change = entry.getValue();
          return new Sql.Each(
              List.of(entry.getKey()),
              List.of(change.first),
              List.of(change.status, change.updatedAt, change.last));
        });
    changed.clear();
  }

  /** The last status a batch gave older bookings, each only if it has not seen these events. */
  private static final Sql.Updates STATUS_CHANGES =
      new Sql.Updates(
          "reporting_bookings",
          "generation = ?",
          List.of("booking_id"),
          "last_position < ?",
          List.of("status = ?", "updated_at = ?", "last_position = ?"));

  private static void applyInPlace(Object event, long position, Connection c, int generation)
      throws SQLException {
    if (event instanceof AttendeesAssigned e) {
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
      // both scan the generation's rows: erasures are rare, and an index on the person's id would
      // cost every booking written an entry at a random place (reporting V7)
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

  /** Seats as {@code standard=2, vip=1}, sorted: readable in lists and exports. */
  static String seats(Map<String, Integer> seats) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, Integer> seat : new TreeMap<>(seats).entrySet()) {
      if (!text.isEmpty()) {
        text.append(", ");
      }
      text.append(seat.getKey()).append('=').append(seat.getValue());
    }
    return text.toString();
  }

  @Override
  public void drop(Connection c, int generation) throws SQLException {
    Sql.update(c, "DELETE FROM reporting_attendees WHERE generation = ?", generation);
    Sql.update(c, "DELETE FROM reporting_bookings WHERE generation = ?", generation);
  }
}
