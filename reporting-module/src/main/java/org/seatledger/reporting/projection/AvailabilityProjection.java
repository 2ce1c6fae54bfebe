package org.seatledger.reporting.projection;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.util.Map;
import org.seatledger.booking.api.ConferenceCreated;
import org.seatledger.booking.api.ConferencePublished;
import org.seatledger.booking.api.ConferenceUnpublished;
import org.seatledger.booking.api.RecordedEvent;
import org.seatledger.booking.api.SeatCapacityChanged;
import org.seatledger.booking.api.SeatTypeAdded;
import org.seatledger.booking.api.SeatsCommitted;
import org.seatledger.booking.api.SeatsReleased;
import org.seatledger.booking.api.SeatsReserved;
import org.seatledger.booking.api.projection.Projection;
import org.seatledger.booking.api.projection.Sql;

/**
 * Conferences and, per seat type, capacity, held and sold seats. Idempotent: rows remember the last
 * position applied to them, so an event applied a second time changes nothing.
 */
public final class AvailabilityProjection implements Projection {

  public static final String NAME = "reporting.availability";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void apply(RecordedEvent recorded, Connection c, int generation) throws SQLException {
    Object event = recorded.event();
    long at = recorded.globalPosition();
    if (event instanceof ConferenceCreated e) {
      Sql.update(
          c,
          "INSERT IGNORE INTO reporting_conferences (generation, conference_id, name, slug, starts_on, ends_on,"
              + " venue, published, last_position) VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, ?)",
          generation,
          e.conferenceId(),
          e.name(),
          e.slug(),
          Date.valueOf(e.startsOn()),
          Date.valueOf(e.endsOn()),
          e.venue(),
          at);
    } else if (event instanceof ConferencePublished e) {
      published(c, generation, e.conferenceId(), true, at);
    } else if (event instanceof ConferenceUnpublished e) {
      published(c, generation, e.conferenceId(), false, at);
    } else if (event instanceof SeatTypeAdded e) {
      Sql.update(
          c,
          "INSERT IGNORE INTO reporting_seat_types (generation, conference_id, code, name, ordinal, capacity, held,"
              + " sold, price, currency, last_position) SELECT ?, ?, ?, ?, COUNT(*), ?, 0, 0, ?, ?, ?"
              + " FROM reporting_seat_types WHERE generation = ? AND conference_id = ?",
          generation,
          e.conferenceId(),
          e.code(),
          e.name(),
          e.quantity(),
          e.price(),
          e.currency(),
          at,
          generation,
          e.conferenceId());
    } else if (event instanceof SeatCapacityChanged e) {
      Sql.update(
          c,
          "UPDATE reporting_seat_types SET capacity = ?, last_position = ?"
              + " WHERE generation = ? AND conference_id = ? AND code = ? AND last_position < ?",
          e.capacity(),
          at,
          generation,
          e.conferenceId(),
          e.seatType(),
          at);
    } else if (event instanceof SeatsReserved e) {
      adjust(c, generation, e.conferenceId(), e.seats(), 1, 0, at);
    } else if (event instanceof SeatsCommitted e) {
      adjust(c, generation, e.conferenceId(), e.seats(), -1, 1, at);
    } else if (event instanceof SeatsReleased e) {
      adjust(
          c,
          generation,
          e.conferenceId(),
          e.seats(),
          e.wereSold() ? 0 : -1,
          e.wereSold() ? -1 : 0,
          at);
    }
  }

  private static void published(
      Connection c, int generation, String conferenceId, boolean published, long at)
      throws SQLException {
    Sql.update(
        c,
        "UPDATE reporting_conferences SET published = ?, last_position = ?"
            + " WHERE generation = ? AND conference_id = ? AND last_position < ?",
        published,
        at,
        generation,
        conferenceId,
        at);
  }

  private static void adjust(
      Connection c,
      int generation,
      String conferenceId,
      Map<String, Integer> seats,
      int heldSign,
      int soldSign,
      long at)
      throws SQLException {
    for (Map.Entry<String, Integer> seat : seats.entrySet()) {
      Sql.update(
          c,
          "UPDATE reporting_seat_types SET held = held + ?, sold = sold + ?, last_position = ?"
              + " WHERE generation = ? AND conference_id = ? AND code = ? AND last_position < ?",
          heldSign * seat.getValue(),
          soldSign * seat.getValue(),
          at,
          generation,
          conferenceId,
          seat.getKey(),
          at);
    }
  }

  @Override
  public void drop(Connection c, int generation) throws SQLException {
    Sql.update(c, "DELETE FROM reporting_seat_types WHERE generation = ?", generation);
    Sql.update(c, "DELETE FROM reporting_conferences WHERE generation = ?", generation);
  }
}
