package org.seatledger.booking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.seatledger.booking.api.CommandRefused.Kind.CONFLICT;
import static org.seatledger.booking.api.CommandRefused.Kind.INVALID;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seatledger.booking.api.SeatCapacityChanged;
import org.seatledger.booking.api.SeatsCommitted;
import org.seatledger.booking.api.SeatsReleased;
import org.seatledger.booking.api.SeatsReserved;

class SeatAvailabilityTest {

  private static final Instant LATER = Instant.parse("2027-01-01T10:00:00Z");

  private static Given<SeatAvailability> given(Object... history) {
    return Given.given(SeatAvailability::new, SeatAvailability::evolve, history);
  }

  private static final SeatCapacityChanged TEN_STANDARD =
      new SeatCapacityChanged("c", "standard", 10);
  private static final SeatCapacityChanged TWO_VIP = new SeatCapacityChanged("c", "vip", 2);

  @Test
  void reservingWhatIsLeftHoldsIt() {
    given(TEN_STANDARD)
        .then(
            a -> a.decideReserve("c", "b1", Map.of("standard", 10), LATER),
            new SeatsReserved("c", "b1", Map.of("standard", 10), LATER));
  }

  @Test
  void reservingMoreThanLeftIsRefusedNamingWhatIsLeft() {
    given(TEN_STANDARD, TWO_VIP, new SeatsReserved("c", "b1", Map.of("standard", 7), LATER))
        .refused(
            a -> a.decideReserve("c", "b2", Map.of("standard", 4, "vip", 1), LATER),
            CONFLICT,
            "Not enough seats left: only 3 'standard' left.");
  }

  @Test
  void aRequestIsAllOrNothingAcrossSeatTypes() {
    Given<SeatAvailability> given = given(TEN_STANDARD, TWO_VIP);
    given.refused(
        a -> a.decideReserve("c", "b1", Map.of("standard", 1, "vip", 3), LATER),
        CONFLICT,
        "only 2 'vip'");
    assertEquals(
        10, given.state().count("standard").available(), "nothing of the request was held");
  }

  @Test
  void unknownSeatTypesAreBadInput() {
    given(TEN_STANDARD)
        .refused(a -> a.decideReserve("c", "b1", Map.of("balcony", 1), LATER), INVALID, "balcony");
  }

  @Test
  void soldAndHeldSeatsCountAgainstCapacity() {
    Given<SeatAvailability> given =
        given(
            TEN_STANDARD,
            new SeatsReserved("c", "b1", Map.of("standard", 4), LATER),
            new SeatsCommitted("c", "b1", Map.of("standard", 4)),
            new SeatsReserved("c", "b2", Map.of("standard", 5), LATER));
    assertEquals(new SeatAvailability.Count(10, 5, 4), given.state().count("standard"));
    given.refused(
        a -> a.decideReserve("c", "b3", Map.of("standard", 2), LATER), CONFLICT, "only 1");
  }

  @Test
  void capacityCannotDropBelowHeldPlusSold() {
    Given<SeatAvailability> given =
        given(TEN_STANDARD, new SeatsReserved("c", "b1", Map.of("standard", 6), LATER));
    given.refused(a -> a.decideCapacity("c", "standard", 5), CONFLICT, "6 seats");
    given.then(
        a -> a.decideCapacity("c", "standard", 6), new SeatCapacityChanged("c", "standard", 6));
  }

  @Test
  void releasingAHoldOrASaleGivesTheSeatsBack() {
    Given<SeatAvailability> held =
        given(TEN_STANDARD, new SeatsReserved("c", "b1", Map.of("standard", 3), LATER));
    held.then(
        a -> a.decideRelease("b1", Map.of(), "cancelled"),
        new SeatsReleased("c", "b1", Map.of("standard", 3), "cancelled", false));

    Given<SeatAvailability> sold =
        given(
            TEN_STANDARD,
            new SeatsReserved("c", "b1", Map.of("standard", 3), LATER),
            new SeatsCommitted("c", "b1", Map.of("standard", 3)),
            new SeatsReleased("c", "b1", Map.of("standard", 3), "cancelled", true));
    assertEquals(new SeatAvailability.Count(10, 0, 0), sold.state().count("standard"));
    sold.then(a -> a.decideRelease("b1", Map.of(), "again"));

    Given<SeatAvailability> confirmed =
        given(
            TEN_STANDARD,
            new SeatsReserved("c", "b1", Map.of("standard", 3), LATER),
            new SeatsCommitted("c", "b1", Map.of("standard", 3)));
    assertEquals(new SeatAvailability.Count(10, 0, 3), confirmed.state().count("standard"));
    confirmed.then(
        a -> a.decideRelease("b1", Map.of("standard", 3), "cancelled"),
        new SeatsReleased("c", "b1", Map.of("standard", 3), "cancelled", true));
  }

  @Test
  void holdsPastTheirDeadlineAreOverdue() {
    Instant early = Instant.parse("2027-01-01T09:00:00Z");
    SeatAvailability state =
        given(
                TEN_STANDARD,
                new SeatsReserved("c", "early", Map.of("standard", 1), early),
                new SeatsReserved("c", "late", Map.of("standard", 1), LATER))
            .state();
    assertEquals(List.of("early"), state.overdue(Instant.parse("2027-01-01T09:30:00Z")));
    assertEquals(List.of("early", "late"), state.overdue(LATER));
  }

  @Test
  void aSnapshotRestoresTheSameState() {
    SeatAvailability state =
        given(
                TEN_STANDARD,
                TWO_VIP,
                new SeatsReserved("c", "b1", Map.of("standard", 2), LATER),
                new SeatsReserved("c", "b2", Map.of("vip", 1), LATER),
                new SeatsCommitted("c", "b2", Map.of("vip", 1)))
            .state();
    SeatAvailability restored = Snapshots.availability(Snapshots.availability(state));
    assertEquals(state.counts(), restored.counts());
    assertEquals(state.holds(), restored.holds());
    restored.evolve(new SeatsReleased("c", "b2", Map.of("vip", 1), "cancelled", true));
    assertEquals(
        new SeatAvailability.Count(2, 0, 0), restored.count("vip"), "sales survive the snapshot");
  }
}
