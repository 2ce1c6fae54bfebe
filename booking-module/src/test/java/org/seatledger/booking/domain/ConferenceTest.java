package org.seatledger.booking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seatledger.booking.api.CommandRefused.Kind.CONFLICT;
import static org.seatledger.booking.api.CommandRefused.Kind.INVALID;
import static org.seatledger.booking.api.CommandRefused.Kind.NOT_FOUND;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seatledger.booking.api.ConferenceCreated;
import org.seatledger.booking.api.ConferenceEvent;
import org.seatledger.booking.api.ConferencePublished;
import org.seatledger.booking.api.ConferenceUnpublished;
import org.seatledger.booking.api.Limits;
import org.seatledger.booking.api.SeatQuantityChanged;
import org.seatledger.booking.api.SeatTypeAdded;

class ConferenceTest {

  private static final LocalDate MAY_4 = LocalDate.parse("2027-05-04");
  private static final LocalDate MAY_6 = LocalDate.parse("2027-05-06");
  private static final ConferenceCreated CREATED =
      new ConferenceCreated("c", "DevConf", "devconf", MAY_4, MAY_6, "Brno");
  private static final SeatTypeAdded STANDARD =
      new SeatTypeAdded("c", "standard", "Standard", 100, new BigDecimal("199.00"), "EUR");
  private static final ConferencePublished PUBLISHED = new ConferencePublished("c");

  private static Given<Conference, ConferenceEvent> given(ConferenceEvent... history) {
    return Given.given(Conference.FOLD, history);
  }

  @Test
  void aConferenceIsCreatedOnce() {
    given().then(c -> c.decideCreate("c", "DevConf", "devconf", MAY_4, MAY_6, "Brno"), CREATED);
    given(CREATED)
        .refused(
            c -> c.decideCreate("c", "DevConf", "devconf", MAY_4, MAY_6, "Brno"),
            CONFLICT,
            "The conference c exists already.");
  }

  @Test
  void aConferenceCannotEndBeforeItStarts() {
    given()
        .refused(
            c -> c.decideCreate("c", "X", "x", MAY_4, LocalDate.parse("2027-05-03"), "V"),
            INVALID,
            "A conference cannot end (2027-05-03) before it starts (2027-05-04).");
  }

  @Test
  void nothingCanBeDoneToAConferenceThatDoesNotExist() {
    given()
        .refused(
            c -> c.decideAddSeatType("standard", "Standard", 5, BigDecimal.TEN, "EUR"),
            NOT_FOUND,
            "There is no such conference.");
    given().refused(Conference::decidePublish, NOT_FOUND, "There is no such conference.");
    given().refused(Conference::decideUnpublish, NOT_FOUND, "There is no such conference.");
  }

  @Test
  void aConferenceWithoutSeatsCannotBePublished() {
    given(CREATED)
        .refused(
            Conference::decidePublish,
            CONFLICT,
            "Add at least one seat type before publishing the conference.");
    given(CREATED, STANDARD).then(Conference::decidePublish, PUBLISHED);
    given(CREATED, STANDARD, PUBLISHED).then(Conference::decidePublish);
  }

  @Test
  void onlyAPublishedConferenceIsUnpublished() {
    given(CREATED, STANDARD, PUBLISHED)
        .then(Conference::decideUnpublish, new ConferenceUnpublished("c"));
    given(CREATED, STANDARD).then(Conference::decideUnpublish);
    given(CREATED, STANDARD, PUBLISHED, new ConferenceUnpublished("c"))
        .then(Conference::decidePublish, PUBLISHED);
  }

  @Test
  void seatTypeCodesAreUnique() {
    given(CREATED)
        .then(
            c -> c.decideAddSeatType("standard", "Standard", 100, new BigDecimal("199.00"), "EUR"),
            STANDARD);
    given(CREATED, STANDARD)
        .refused(
            c -> c.decideAddSeatType("standard", "Again", 5, BigDecimal.TEN, "EUR"),
            CONFLICT,
            "The conference already has a seat type 'standard'.");
  }

  @Test
  void aQuantityChangeNamesThePreviousQuantityAndSameQuantityChangesNothing() {
    given(CREATED, STANDARD)
        .then(
            c -> c.decideChangeQuantity("standard", 120),
            new SeatQuantityChanged("c", "standard", 120, 100));
    given(CREATED, STANDARD).then(c -> c.decideChangeQuantity("standard", 100));
    given(CREATED, STANDARD)
        .refused(
            c -> c.decideChangeQuantity("vip", 5),
            NOT_FOUND,
            "The conference has no seat type 'vip'.");
    assertEquals(
        120,
        given(CREATED, STANDARD, new SeatQuantityChanged("c", "standard", 120, 100))
            .state()
            .seatType("standard")
            .quantity());
  }

  @Test
  void aConferenceOffersAtMostTwentySeatTypes() {
    List<ConferenceEvent> nineteen = new ArrayList<>(List.of(CREATED));
    for (int i = 1; i < Limits.SEAT_TYPES; i++) {
      nineteen.add(seatType("type-" + i, Limits.MAX_PRICE));
    }
    given(nineteen.toArray(ConferenceEvent[]::new))
        .then(
            c -> c.decideAddSeatType("type-20", "Last", 5, BigDecimal.TEN, "EUR"),
            new SeatTypeAdded("c", "type-20", "Last", 5, BigDecimal.TEN, "EUR"));
    List<ConferenceEvent> twenty = new ArrayList<>(nineteen);
    twenty.add(seatType("type-20", BigDecimal.TEN));
    given(twenty.toArray(ConferenceEvent[]::new))
        .refused(
            c -> c.decideAddSeatType("type-21", "One more", 5, BigDecimal.TEN, "EUR"),
            CONFLICT,
            "A conference has at most 20 seat types.");
  }

  @Test
  void theLargestPriceTimesTheMostSeatsIsABookingsLargestTotal() {
    Conference conference = given(CREATED, seatType("gold", Limits.MAX_PRICE)).state();
    assertEquals(
        new Conference.Price(new BigDecimal("999999999000.00"), "EUR"),
        conference.price(Map.of("gold", Limits.SEATS_PER_BOOKING)));
    assertEquals(-1, new BigDecimal("999999999000.00").compareTo(Limits.MAX_TOTAL));
  }

  @Test
  void aTotalBeyondTheLargestIsRefusedAlsoForAPriceFromBeforeTheLimit() {
    // prices up to 99,999,999.99 were accepted before the limit on prices; they stay in the log
    SeatTypeAdded old = seatType("legacy", new BigDecimal("99999999.99"));
    Conference conference = given(CREATED, old).state();
    assertEquals(
        new BigDecimal("999999999900.00"), conference.price(Map.of("legacy", 10_000)).total());
    given(CREATED, old)
        .refused(
            c -> c.price(Map.of("legacy", 10_001)),
            INVALID,
            "A booking's total is at most 999999999999.99; this one would be 1000099999899.99.");
  }

  @Test
  void aBookingIsPricedInOneCurrencyFromKnownSeatTypes() {
    SeatTypeAdded vipInDollars =
        new SeatTypeAdded("c", "vip", "VIP", 10, new BigDecimal("500.00"), "USD");
    given(CREATED, STANDARD, vipInDollars)
        .refused(
            c -> c.price(Map.of("standard", 1, "vip", 1)),
            INVALID,
            "Seat types priced in different currencies cannot be booked together.");
    given(CREATED, STANDARD)
        .refused(
            c -> c.price(Map.of("balcony", 1)),
            INVALID,
            "The conference has no seat type 'balcony'.");
    assertEquals(
        new Conference.Price(new BigDecimal("597.00"), "EUR"),
        given(CREATED, STANDARD).state().price(Map.of("standard", 3)));
  }

  @Test
  void evolvingLeavesTheStateItStartedFromAsItWas() {
    Conference shared = given(CREATED, STANDARD).state();
    Conference published = shared.evolve(PUBLISHED);
    Conference more = shared.evolve(seatType("vip", BigDecimal.ONE));
    assertTrue(published.published());
    assertEquals(2, more.seatTypes().size());
    assertFalse(shared.published(), "the shared state is not published by another's evolve");
    assertEquals(given(CREATED, STANDARD).state(), shared);
  }

  @Test
  void seatTypesKeepTheOrderTheyWereAddedIn() {
    Conference conference =
        given(CREATED, seatType("b", BigDecimal.ONE), seatType("a", BigDecimal.ONE)).state();
    assertEquals(List.of("b", "a"), conference.seatTypes().stream().map(t -> t.code()).toList());
  }

  private static SeatTypeAdded seatType(String code, BigDecimal price) {
    return new SeatTypeAdded("c", code, code, Limits.SEATS_PER_TYPE, price, "EUR");
  }

  @Test
  void aSnapshotRestoresTheSameConference() {
    Conference state = given(CREATED, STANDARD, seatType("vip", BigDecimal.TEN), PUBLISHED).state();
    assertEquals(state, Snapshots.conference(Snapshots.conference(state)));
  }
}
