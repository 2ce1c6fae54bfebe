package org.seatledger.reporting.projection;

import java.sql.Connection;
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

/** Conferences and, per seat type, capacity, held and sold seats. */
public final class AvailabilityProjection implements Projection {

  public static final String NAME = "reporting.availability";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void apply(RecordedEvent recorded, Connection c, int generation) throws SQLException {
    Object event = recorded.event();
    if (event instanceof ConferenceCreated e) {
      Sql.update(
          c,
          "INSERT INTO reporting_conferences (generation, conference_id, name, slug, starts_on, ends_on, venue, published)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, FALSE)",
          generation,
          e.conferenceId(),
          e.name(),
          e.slug(),
          java.sql.Date.valueOf(e.startsOn()),
          java.sql.Date.valueOf(e.endsOn()),
          e.venue());
    } else if (event instanceof ConferencePublished e) {
      published(c, generation, e.conferenceId(), true);
    } else if (event instanceof ConferenceUnpublished e) {
      published(c, generation, e.conferenceId(), false);
    } else if (event instanceof SeatTypeAdded e) {
      Sql.update(
          c,
          "INSERT INTO reporting_seat_types (generation, conference_id, code, name, ordinal, capacity, held, sold, price, currency)"
              + " SELECT ?, ?, ?, ?, COUNT(*), ?, 0, 0, ?, ? FROM reporting_seat_types WHERE generation = ? AND conference_id = ?",
          generation,
          e.conferenceId(),
          e.code(),
          e.name(),
          e.quantity(),
          e.price(),
          e.currency(),
          generation,
          e.conferenceId());
    } else if (event instanceof SeatCapacityChanged e) {
      Sql.update(
          c,
          "UPDATE reporting_seat_types SET capacity = ? WHERE generation = ? AND conference_id = ? AND code = ?",
          e.capacity(),
          generation,
          e.conferenceId(),
          e.seatType());
    } else if (event instanceof SeatsReserved e) {
      adjust(c, generation, e.conferenceId(), e.seats(), 1, 0);
    } else if (event instanceof SeatsCommitted e) {
      adjust(c, generation, e.conferenceId(), e.seats(), -1, 1);
    } else if (event instanceof SeatsReleased e) {
      adjust(
          c, generation, e.conferenceId(), e.seats(), e.wereSold() ? 0 : -1, e.wereSold() ? -1 : 0);
    }
  }

  private static void published(
      Connection c, int generation, String conferenceId, boolean published) throws SQLException {
    Sql.update(
        c,
        "UPDATE reporting_conferences SET published = ? WHERE generation = ? AND conference_id = ?",
        published,
        generation,
        conferenceId);
  }

  private static void adjust(
      Connection c,
      int generation,
      String conferenceId,
      Map<String, Integer> seats,
      int heldSign,
      int soldSign)
      throws SQLException {
    for (Map.Entry<String, Integer> seat : seats.entrySet()) {
      Sql.update(
          c,
          "UPDATE reporting_seat_types SET held = held + ?, sold = sold + ?"
              + " WHERE generation = ? AND conference_id = ? AND code = ?",
          heldSign * seat.getValue(),
          soldSign * seat.getValue(),
          generation,
          conferenceId,
          seat.getKey());
    }
  }

  @Override
  public void drop(Connection c, int generation) throws SQLException {
    Sql.update(c, "DELETE FROM reporting_seat_types WHERE generation = ?", generation);
    Sql.update(c, "DELETE FROM reporting_conferences WHERE generation = ?", generation);
  }
}
