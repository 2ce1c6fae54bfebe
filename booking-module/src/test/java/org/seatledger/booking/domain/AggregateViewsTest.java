package org.seatledger.booking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seatledger.booking.api.ConferenceCreated;
import org.seatledger.booking.api.ConferencePublished;
import org.seatledger.booking.api.EntityView;
import org.seatledger.booking.api.SeatCapacityChanged;
import org.seatledger.booking.api.SeatTypeAdded;
import org.seatledger.booking.api.SeatsCommitted;
import org.seatledger.booking.api.SeatsReserved;

/**
 * An auditor's view folded from a stored snapshot plus the events after it is the view folded from
 * the first event: time travel may start at the snapshot below the point it shows.
 */
class AggregateViewsTest {

  private static final Instant HOLD = Instant.parse("2027-03-01T09:15:00Z");
  private final AggregateViews views = new AggregateViews();

  @Test
  void aSeatAvailabilityFromItsSnapshotPlusTheTailIsTheFullReplay() {
    List<Object> events = new ArrayList<>();
    events.add(new SeatCapacityChanged("c1", "std", 100));
    for (int i = 1; i <= 30; i++) {
      events.add(new SeatsReserved("c1", "b" + i, Map.of("std", 1), HOLD));
      if (i % 3 == 0) {
        events.add(new SeatsCommitted("c1", "b" + i, Map.of("std", 1)));
      }
    }
    SeatAvailability atTwenty = SeatAvailability.INITIAL;
    for (Object e : events.subList(0, 20)) {
      atTwenty = SeatAvailability.FOLD.apply(atTwenty, e);
    }

    EntityView fromSnapshot =
        views
            .fromSnapshot(
                SeatAvailability.STREAM_TYPE,
                Snapshots.AVAILABILITY_VERSION,
                Snapshots.availability(atTwenty))
            .orElseThrow();
    for (Object e : events.subList(20, events.size())) {
      fromSnapshot = fromSnapshot.evolve(e);
    }

    assertEquals(replay(SeatAvailability.STREAM_TYPE, events).fields(), fromSnapshot.fields());
  }

  @Test
  void aViewsOwnSnapshotIsTheAggregatesAndFoldsOnAsTheReplay() {
    List<Object> events = new ArrayList<>();
    events.add(new SeatCapacityChanged("c1", "std", 50));
    for (int i = 1; i <= 12; i++) {
      events.add(new SeatsReserved("c1", "b" + i, Map.of("std", 2), HOLD));
    }
    EntityView atTen = replay(SeatAvailability.STREAM_TYPE, events.subList(0, 10));
    SeatAvailability aggregate = SeatAvailability.INITIAL;
    for (Object e : events.subList(0, 10)) {
      aggregate = SeatAvailability.FOLD.apply(aggregate, e);
    }

    EntityView.Snapshot taken = atTen.snapshot().orElseThrow();
    assertEquals(Snapshots.AVAILABILITY_VERSION, taken.snapshotVersion());
    assertEquals(Snapshots.availability(aggregate), taken.state(), "the repository's own form");
    EntityView resumed =
        views
            .fromSnapshot(SeatAvailability.STREAM_TYPE, taken.snapshotVersion(), taken.state())
            .orElseThrow();
    for (Object e : events.subList(10, events.size())) {
      resumed = resumed.evolve(e);
    }
    assertEquals(replay(SeatAvailability.STREAM_TYPE, events).fields(), resumed.fields());
    assertTrue(views.initial(Booking.STREAM_TYPE).snapshot().isEmpty(), "bookings: none");
  }

  @Test
  void aConferenceFromItsSnapshotIsTheReplay() {
    List<Object> events =
        List.of(
            new ConferenceCreated(
                "c1",
                "DevConf",
                "devconf",
                LocalDate.parse("2027-05-04"),
                LocalDate.parse("2027-05-06"),
                "Brno"),
            new SeatTypeAdded("c1", "std", "Standard", 100, new BigDecimal("250.00"), "EUR"),
            new ConferencePublished("c1"));
    Conference conference = Conference.INITIAL;
    for (Object e : events) {
      conference = Conference.FOLD.apply(conference, e);
    }

    EntityView view =
        views
            .fromSnapshot(
                Conference.STREAM_TYPE,
                Snapshots.CONFERENCE_VERSION,
                Snapshots.conference(conference))
            .orElseThrow();

    assertEquals(replay(Conference.STREAM_TYPE, events).fields(), view.fields());
  }

  @Test
  void aSnapshotOfAnotherShapeOrUnreadableIsNotUsed() {
    assertTrue(views.fromSnapshot(SeatAvailability.STREAM_TYPE, 1, "{}").isEmpty());
    assertTrue(
        views
            .fromSnapshot(SeatAvailability.STREAM_TYPE, Snapshots.AVAILABILITY_VERSION, "not json")
            .isEmpty());
    assertTrue(views.fromSnapshot(Booking.STREAM_TYPE, 1, "{}").isEmpty(), "never snapshotted");
  }

  private EntityView replay(String streamType, List<Object> events) {
    EntityView view = views.initial(streamType);
    for (Object e : events) {
      view = view.evolve(e);
    }
    return view;
  }
}
