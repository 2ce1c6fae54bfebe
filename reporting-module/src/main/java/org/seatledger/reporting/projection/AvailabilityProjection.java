package org.seatledger.reporting.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.seatledger.booking.api.ConferenceCreated;
import org.seatledger.booking.api.ConferencePublished;
import org.seatledger.booking.api.ConferenceUnpublished;
import org.seatledger.booking.api.SeatCapacityChanged;
import org.seatledger.booking.api.SeatTypeAdded;
import org.seatledger.booking.api.SeatsCommitted;
import org.seatledger.booking.api.SeatsReleased;
import org.seatledger.booking.api.SeatsReserved;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.projection.Projection;
import org.seatledger.eventlog.api.projection.Sql;

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

  /** Seats and conferences: nothing personal (declared, so it stays so if an event gains some). */
  @Override
  public boolean readsPersonalData() {
    return false;
  }

  @Override
  public void apply(RecordedEvent event, Connection c, int generation) throws SQLException {
    applyAll(List.of(event), c, generation);
  }

  /**
   * The batch folded in memory: the rows of the conferences it touches are looked up once, every
   * event is applied to them in the order of the log, and what changed is written back in one
   * batched statement per kind of change — a few round trips per batch however many conferences it
   * touches. A batch that only moves seats (a live batch of bookings) looks nothing up: its seats
   * are summed per seat type and added in one guarded update, and only when a row did not take them
   * (missing, or it has seen part of the batch) is the batch folded the looked-up way after it.
   * Events for seat types or conferences that have no row change nothing, as an update of a missing
   * row would.
   */
  @Override
  public void applyAll(List<RecordedEvent> events, Connection c, int generation)
      throws SQLException {
    AvailabilityFold fold = new AvailabilityFold(generation);
    for (RecordedEvent recorded : events) {
      Object event = recorded.event();
      String conferenceId = conferenceOf(event);
      if (conferenceId != null) {
        fold.touched.add(conferenceId);
        fold.setsUpConferences |=
            event instanceof ConferenceCreated
                || event instanceof ConferencePublished
                || event instanceof ConferenceUnpublished;
        fold.onlyMovesSeats &=
            event instanceof SeatsReserved
                || event instanceof SeatsCommitted
                || event instanceof SeatsReleased;
      }
    }
    if (fold.touched.isEmpty()) {
      return;
    }
    if (fold.onlyMovesSeats) {
      for (RecordedEvent recorded : events) {
        fold.moveOnly(recorded.event(), recorded.globalPosition());
      }
      if (fold.writeMoves(c)) {
        return;
      }
    }
    fold.load(c);
    for (RecordedEvent recorded : events) {
      fold.apply(recorded.event(), recorded.globalPosition());
    }
    fold.write(c);
  }

  private static String conferenceOf(Object event) {
    if (event instanceof SeatsReserved e) {
      return e.conferenceId();
    } else if (event instanceof SeatsCommitted e) {
      return e.conferenceId();
    } else if (event instanceof SeatsReleased e) {
      return e.conferenceId();
    } else if (event instanceof SeatCapacityChanged e) {
      return e.conferenceId();
    } else if (event instanceof SeatTypeAdded e) {
      return e.conferenceId();
    } else if (event instanceof ConferenceCreated e) {
      return e.conferenceId();
    } else if (event instanceof ConferencePublished e) {
      return e.conferenceId();
    } else if (event instanceof ConferenceUnpublished e) {
      return e.conferenceId();
    }
    return null;
  }

  @Override
  public void drop(Connection c, int generation) throws SQLException {
    Sql.update(c, "DELETE FROM reporting_seat_types WHERE generation = ?", generation);
    Sql.update(c, "DELETE FROM reporting_conferences WHERE generation = ?", generation);
  }
}
