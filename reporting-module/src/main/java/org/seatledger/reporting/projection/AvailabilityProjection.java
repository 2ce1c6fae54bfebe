package org.seatledger.reporting.projection;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  public Set<Class<?>> eventClasses() {
    return EVENTS;
  }

  private static final Set<Class<?>> EVENTS =
      Set.of(
          ConferenceCreated.class,
          ConferencePublished.class,
          ConferenceUnpublished.class,
          SeatTypeAdded.class,
          SeatCapacityChanged.class,
          SeatsReserved.class,
          SeatsCommitted.class,
          SeatsReleased.class);

  @Override
  public void apply(RecordedEvent event, Connection c, int generation) throws SQLException {
    applyAll(List.of(event), c, generation);
  }

  /**
   * Seat movements (holds, sales, releases) and capacity changes of a batch are summed per seat
   * type and written as one update per seat type; anything else is written in its place in the
   * order of the log, after the movements before it.
   */
  @Override
  public void applyAll(List<RecordedEvent> events, Connection c, int generation)
      throws SQLException {
    Map<List<String>, Movement> movements = new LinkedHashMap<>();
    for (RecordedEvent recorded : events) {
      Object event = recorded.event();
      long at = recorded.globalPosition();
      if (event instanceof SeatsReserved e) {
        move(movements, e.conferenceId(), e.seats(), 1, 0, at);
      } else if (event instanceof SeatsCommitted e) {
        move(movements, e.conferenceId(), e.seats(), -1, 1, at);
      } else if (event instanceof SeatsReleased e) {
        move(
            movements,
            e.conferenceId(),
            e.seats(),
            e.wereSold() ? 0 : -1,
            e.wereSold() ? -1 : 0,
            at);
      } else if (event instanceof SeatCapacityChanged e) {
        movement(movements, e.conferenceId(), e.seatType(), at).capacity = e.capacity();
      } else if (EVENTS.contains(event.getClass())) {
        // the rest of what this model reads sets up conferences and seat types: in its place
        write(movements, c, generation);
        applySetUp(event, at, c, generation);
      }
    }
    write(movements, c, generation);
  }

  private static void applySetUp(Object event, long at, Connection c, int generation)
      throws SQLException {
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
    }
  }

  /**
   * Held and sold seats of one seat type moved by events {@code first..last} of a batch, and its
   * capacity when one of them set it (the last one counts).
   */
  private static final class Movement {
    Integer capacity;
    int held;
    int sold;
    long first = Long.MAX_VALUE;
    long last;
  }

  private static void move(
      Map<List<String>, Movement> movements,
      String conferenceId,
      Map<String, Integer> seats,
      int heldSign,
      int soldSign,
      long at) {
    for (Map.Entry<String, Integer> seat : seats.entrySet()) {
      Movement movement = movement(movements, conferenceId, seat.getKey(), at);
      movement.held += heldSign * seat.getValue();
      movement.sold += soldSign * seat.getValue();
    }
  }

  private static Movement movement(
      Map<List<String>, Movement> movements, String conferenceId, String code, long at) {
    Movement movement = movements.computeIfAbsent(List.of(conferenceId, code), k -> new Movement());
    movement.first = Math.min(movement.first, at);
    movement.last = Math.max(movement.last, at);
    return movement;
  }

  /**
   * One update per seat type, skipped where the row has seen these events already (it remembers the
   * last position applied to it).
   */
  private static void write(Map<List<String>, Movement> movements, Connection c, int generation)
      throws SQLException {
    if (movements.isEmpty()) {
      return;
    }
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE reporting_seat_types SET capacity = COALESCE(?, capacity), held = held + ?,"
                + " sold = sold + ?, last_position = ?"
                + " WHERE generation = ? AND conference_id = ? AND code = ? AND last_position < ?")) {
      for (Map.Entry<List<String>, Movement> entry : movements.entrySet()) {
        Movement movement = entry.getValue();
        if (movement.capacity == null) {
          update.setNull(1, Types.INTEGER);
        } else {
          update.setInt(1, movement.capacity);
        }
        update.setInt(2, movement.held);
        update.setInt(3, movement.sold);
        update.setLong(4, movement.last);
        update.setInt(5, generation);
        update.setString(6, entry.getKey().get(0));
        update.setString(7, entry.getKey().get(1));
        update.setLong(8, movement.first);
        update.addBatch();
      }
      update.executeBatch();
    }
    movements.clear();
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

  @Override
  public void drop(Connection c, int generation) throws SQLException {
    Sql.update(c, "DELETE FROM reporting_seat_types WHERE generation = ?", generation);
    Sql.update(c, "DELETE FROM reporting_conferences WHERE generation = ?", generation);
  }
}
