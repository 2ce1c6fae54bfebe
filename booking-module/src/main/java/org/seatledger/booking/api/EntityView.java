package org.seatledger.booking.api;

import java.util.Optional;
import java.util.SortedMap;
import org.seatledger.eventlog.api.PersonalData;
import org.seatledger.eventlog.api.RecordedEvent;

/**
 * The state of one entity — a conference, a conference's seat availability, a booking — as an
 * auditor reads it, at one point of its stream. Folded by the aggregate's own {@code evolve}: an
 * auditor sees the state the aggregate decided on, not a second reading of the events.
 *
 * <p>Immutable: {@link #evolve} returns a new view.
 */
public interface EntityView {

  /**
   * The view after {@code event} (the event as {@link RecordedEvent#event()} gives it). An event
   * that does not belong to this entity leaves the view as it is; never throws.
   */
  EntityView evolve(Object event);

  /**
   * The state as fields: a dotted path ({@code seatTypes.standard.held}) to a {@link String},
   * {@link Integer}, {@link java.math.BigDecimal}, {@link Boolean} or null. Personal data reads as
   * the log gives it: {@link PersonalData#ERASED} once erased.
   */
  SortedMap<String, Object> fields();

  /**
   * The aggregate's own snapshot of this state, in the form its repository writes and reads, for a
   * stream kind that is snapshotted (conferences, seat availability); empty for the others. Lets an
   * auditor's fold back-fill snapshots deep in a long stream, so the next fold there is short.
   */
  default Optional<Snapshot> snapshot() {
    return Optional.empty();
  }

  /** A snapshot's shape version and its JSON. */
  record Snapshot(int snapshotVersion, String state) {}
}
