package org.seatledger.booking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.seatledger.booking.api.CommandRefused.Kind.CONFLICT;
import static org.seatledger.booking.api.CommandRefused.Kind.INVALID;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seatledger.booking.api.SeatAvailabilityEvent;
import org.seatledger.booking.api.SeatCapacityChanged;
import org.seatledger.booking.api.SeatsCommitted;
import org.seatledger.booking.api.SeatsReleased;
import org.seatledger.booking.api.SeatsReserved;

class SeatAvailabilityTest {

  private static final Instant LATER = Instant.parse("2027-01-01T10:00:00Z");

  private static Given<SeatAvailability, SeatAvailabilityEvent> given(
      SeatAvailabilityEvent... history) {
    return Given.given(SeatAvailability.FOLD, history);
  }

  private static final SeatCapacityChanged TEN_STANDARD =
      new SeatCapacityChanged("c", "standard", 10);
  private static final SeatCapacityChanged TWO_VIP = new SeatCapacityChanged("c", "vip", 2);

  private static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

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
    Given<SeatAvailability, SeatAvailabilityEvent> given = given(TEN_STANDARD, TWO_VIP);
    given.refused(
        a -> a.decideReserve("c", "b1", Map.of("vip", 3), LATER),
        CONFLICT,
        "Not enough seats left: only 2 'vip' left.");
    assertEquals(
        10, given.state().count("standard").available(), "nothing of the request was held");
  }

  @Test
  void unknownSeatTypesEmptyRequestsAndNonPositiveQuantitiesAreBadInput() {
    given(TEN_STANDARD)
        .refused(
            a -> a.decideReserve("c", "b1", Map.of("balcony", 1), LATER),
            INVALID,
            "The conference has no seat type 'balcony'.");
    given(TEN_STANDARD)
        .refused(
            a -> a.decideReserve("c", "b1", Map.of(), LATER),
            INVALID,
            "Ask for at least one seat.");
    given(TEN_STANDARD)
        .refused(
            a -> a.decideReserve("c", "b1", Map.of("standard", 0), LATER),
            INVALID,
            "Ask for a positive number of 'standard' seats.");
  }

  @Test
  void soldAndHeldSeatsCountAgainstCapacity() {
    Given<SeatAvailability, SeatAvailabilityEvent> given =
        given(
            TEN_STANDARD,
            new SeatsReserved("c", "b1", Map.of("standard", 4), LATER),
            new SeatsCommitted("c", "b1", Map.of("standard", 4)),
            new SeatsReserved("c", "b2", Map.of("standard", 5), LATER));
    assertEquals(new SeatAvailability.Count(10, 5, 4), given.state().count("standard"));
    given.refused(
        a -> a.decideReserve("c", "b3", Map.of("standard", 2), LATER),
        CONFLICT,
        "Not enough seats left: only 1 'standard' left.");
  }

  @Test
  void capacityCannotDropBelowHeldPlusSold() {
    Given<SeatAvailability, SeatAvailabilityEvent> given =
        given(TEN_STANDARD, new SeatsReserved("c", "b1", Map.of("standard", 6), LATER));
    given.refused(
        a -> a.decideCapacity("c", "standard", 5),
        CONFLICT,
        "6 seats of type 'standard' are held or sold; the quantity cannot go below 6.");
    given.then(
        a -> a.decideCapacity("c", "standard", 6), new SeatCapacityChanged("c", "standard", 6));
  }

  @Test
  void committingSellsWhatABookingHoldsAndNothingWithoutAHold() {
    Given<SeatAvailability, SeatAvailabilityEvent> held =
        given(TEN_STANDARD, new SeatsReserved("c", "b1", Map.of("standard", 3), LATER));
    held.then(a -> a.decideCommit("b1"), new SeatsCommitted("c", "b1", Map.of("standard", 3)));
    held.then(a -> a.decideCommit("b2"));
    Given<SeatAvailability, SeatAvailabilityEvent> sold =
        given(
            TEN_STANDARD,
            new SeatsReserved("c", "b1", Map.of("standard", 3), LATER),
            new SeatsCommitted("c", "b1", Map.of("standard", 3)));
    assertEquals(new SeatAvailability.Count(10, 0, 3), sold.state().count("standard"));
    sold.then(a -> a.decideCommit("b1"));
  }

  @Test
  void releasingAHoldOrASaleGivesTheSeatsBack() {
    Given<SeatAvailability, SeatAvailabilityEvent> held =
        given(TEN_STANDARD, new SeatsReserved("c", "b1", Map.of("standard", 3), LATER));
    held.then(
        a -> a.decideRelease("b1", Map.of(), "cancelled"),
        new SeatsReleased("c", "b1", Map.of("standard", 3), "cancelled", false));

    Given<SeatAvailability, SeatAvailabilityEvent> sold =
        given(
            TEN_STANDARD,
            new SeatsReserved("c", "b1", Map.of("standard", 3), LATER),
            new SeatsCommitted("c", "b1", Map.of("standard", 3)),
            new SeatsReleased("c", "b1", Map.of("standard", 3), "cancelled", true));
    assertEquals(new SeatAvailability.Count(10, 0, 0), sold.state().count("standard"));
    sold.then(a -> a.decideRelease("b1", Map.of(), "again"));

    Given<SeatAvailability, SeatAvailabilityEvent> confirmed =
        given(
            TEN_STANDARD,
            new SeatsReserved("c", "b1", Map.of("standard", 3), LATER),
            new SeatsCommitted("c", "b1", Map.of("standard", 3)));
    confirmed.then(
        a -> a.decideRelease("b1", Map.of("standard", 3), "cancelled"),
        new SeatsReleased("c", "b1", Map.of("standard", 3), "cancelled", true));
  }

  @Test
  void aReleaseOfSeatsNeitherHeldNorSoldChangesNothing() {
    SeatAvailability state = given(TEN_STANDARD).state();
    assertEquals(
        state, state.evolve(new SeatsReleased("c", "b9", Map.of("standard", 2), "x", false)));
  }

  @Test
  void holdsAreOverdueOnceTheClockReachesTheirDeadline() {
    SeatAvailability state =
        given(
                TEN_STANDARD,
                new SeatsReserved(
                    "c", "early", Map.of("standard", 1), Instant.parse("2027-01-01T09:00:00Z")),
                new SeatsReserved("c", "late", Map.of("standard", 1), LATER))
            .state();
    assertEquals(List.of(), state.overdue(at("2027-01-01T08:59:59Z")));
    assertEquals(List.of("early"), state.overdue(at("2027-01-01T09:30:00Z")));
    assertEquals(List.of("early", "late"), state.overdue(at("2027-01-01T10:00:00Z")));
  }

  @Test
  void evolvingLeavesTheStateItStartedFromAsItWas() {
    Given<SeatAvailability, SeatAvailabilityEvent> given =
        given(TEN_STANDARD, new SeatsReserved("c", "b1", Map.of("standard", 3), LATER));
    SeatAvailability shared = given.state();
    SeatAvailability committed =
        shared.evolve(new SeatsCommitted("c", "b1", Map.of("standard", 3)));
    SeatAvailability more =
        shared.evolve(new SeatsReserved("c", "b2", Map.of("standard", 2), LATER));
    assertEquals(new SeatAvailability.Count(10, 0, 3), committed.count("standard"));
    assertNull(committed.holds().get("b1"));
    assertEquals(new SeatAvailability.Count(10, 5, 0), more.count("standard"));
    assertEquals(new SeatAvailability.Count(10, 3, 0), shared.count("standard"));
    assertEquals(Map.of("standard", 3), shared.holds().get("b1").seats(), "the hold is still held");
    assertNull(shared.holds().get("b2"));
    assertEquals(
        given(TEN_STANDARD, new SeatsReserved("c", "b1", Map.of("standard", 3), LATER)).state(),
        shared);
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
    assertEquals(state, restored);
    assertEquals(
        new SeatAvailability.Count(2, 0, 0),
        restored
            .evolve(new SeatsReleased("c", "b2", Map.of("vip", 1), "cancelled", true))
            .count("vip"),
        "sales survive the snapshot");
  }

  @Test
  void oneStateGivesOneSnapshotTextWhateverOrderItsHoldsAndSeatsCameIn() {
    SeatAvailability state =
        given(
                TEN_STANDARD,
                TWO_VIP,
                new SeatsReserved("c", "b2", Map.of("vip", 1, "standard", 2), LATER),
                new SeatsReserved("c", "b1", Map.of("standard", 1), LATER))
            .state();
    assertEquals(
        "{\"conferenceId\":\"c\","
            + "\"counts\":{\"standard\":{\"capacity\":10,\"held\":3,\"sold\":0},"
            + "\"vip\":{\"capacity\":2,\"held\":1,\"sold\":0}},"
            + "\"holds\":{\"b1\":{\"seats\":{\"standard\":1},\"holdUntil\":\"2027-01-01T10:00:00Z\"},"
            + "\"b2\":{\"seats\":{\"standard\":2,\"vip\":1},\"holdUntil\":\"2027-01-01T10:00:00Z\"}}}",
        Snapshots.availability(state),
        "holds by booking id, each hold's seats by type");
  }

  @Test
  void aSnapshotOfAStateWrittenBeforeStatesWereRecordsStillLoads() {
    // the shape of snapshot version 2 as the mutable aggregate wrote it
    String stored =
        "{\"conferenceId\":\"c\",\"counts\":{\"standard\":{\"capacity\":10,\"held\":2,\"sold\":1}},"
            + "\"holds\":{\"b1\":{\"seats\":{\"standard\":2},\"holdUntil\":\"2027-01-01T10:00:00Z\"}}}";
    SeatAvailability restored = Snapshots.availability(stored);
    assertEquals(new SeatAvailability.Count(10, 2, 1), restored.count("standard"));
    assertEquals(
        Map.of("b1", new SeatAvailability.Hold(Map.of("standard", 2), LATER)),
        restored.holds().asMap());
    assertEquals(stored, Snapshots.availability(restored), "written back the same");
  }

  @Test
  void manyHoldsBehaveAsAMapAndEveryEarlierVersionStaysAsItWas() {
    Holds holds = Holds.NONE;
    Map<String, SeatAvailability.Hold> expected = new HashMap<>();
    List<Holds> versions = new java.util.ArrayList<>();
    List<Map<String, SeatAvailability.Hold>> expectedVersions = new java.util.ArrayList<>();
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 20_000; i++) {
      String booking = "b" + random.nextInt(5_000);
      if (random.nextInt(3) == 0) {
        holds = holds.without(booking);
        expected.remove(booking);
      } else {
        SeatAvailability.Hold hold =
            new SeatAvailability.Hold(Map.of("standard", 1 + i % 4), LATER);
        holds = holds.with(booking, hold);
        expected.put(booking, hold);
      }
      if (i % 1000 == 0) {
        versions.add(holds);
        expectedVersions.add(new HashMap<>(expected));
      }
    }
    assertEquals(expected, holds.asMap());
    assertEquals(expected.size(), holds.size());
    assertEquals(Holds.of(expected), holds);
    for (int v = 0; v < versions.size(); v++) {
      assertEquals(expectedVersions.get(v), versions.get(v).asMap(), "version " + v);
    }
  }
}
