package org.seatledger.booking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.seatledger.booking.api.CommandRefused.Kind.CONFLICT;
import static org.seatledger.booking.api.CommandRefused.Kind.INVALID;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seatledger.booking.api.ConferenceCreated;
import org.seatledger.booking.api.ConferencePublished;
import org.seatledger.booking.api.Limits;
import org.seatledger.booking.api.SeatQuantityChanged;
import org.seatledger.booking.api.SeatTypeAdded;

class ConferenceTest {

  private static final ConferenceCreated CREATED =
      new ConferenceCreated(
          "c",
          "DevConf",
          "devconf",
          LocalDate.parse("2027-05-04"),
          LocalDate.parse("2027-05-06"),
          "Brno");
  private static final SeatTypeAdded STANDARD =
      new SeatTypeAdded("c", "standard", "Standard", 100, new BigDecimal("199.00"), "EUR");

  private static Given<Conference> given(Object... history) {
    return Given.given(Conference::new, Conference::evolve, history);
  }

  @Test
  void aConferenceCannotEndBeforeItStarts() {
    given()
        .refused(
            c ->
                c.decideCreate(
                    "c",
                    "X",
                    "x",
                    LocalDate.parse("2027-05-04"),
                    LocalDate.parse("2027-05-03"),
                    "V"),
            INVALID,
            "before it starts");
  }

  @Test
  void aConferenceWithoutSeatsCannotBePublished() {
    given(CREATED).refused(Conference::decidePublish, CONFLICT, "seat type");
    given(CREATED, STANDARD).then(Conference::decidePublish, new ConferencePublished("c"));
    given(CREATED, STANDARD, new ConferencePublished("c")).then(Conference::decidePublish);
  }

  @Test
  void bookingsNeedAPublishedConference() {
    given(CREATED, STANDARD)
        .refused(
            c -> {
              c.requireOpenForBookings();
              return List.of();
            },
            CONFLICT,
            "not published");
  }

  @Test
  void seatTypeCodesAreUniqueAndQuantitiesChange() {
    given(CREATED, STANDARD)
        .refused(
            c -> c.decideAddSeatType("standard", "Again", 5, BigDecimal.TEN, "EUR"),
            CONFLICT,
            "already");
    given(CREATED, STANDARD)
        .then(
            c -> c.decideChangeQuantity("standard", 120),
            new SeatQuantityChanged("c", "standard", 120, 100));
    given(CREATED, STANDARD).then(c -> c.decideChangeQuantity("standard", 100));
  }

  @Test
  void aConferenceOffersAtMostTwentySeatTypes() {
    List<Object> nineteen = new ArrayList<>(List.of(CREATED));
    for (int i = 1; i < Limits.SEAT_TYPES; i++) {
      nineteen.add(seatType("type-" + i, Limits.MAX_PRICE));
    }
    given(nineteen.toArray())
        .then(
            c -> c.decideAddSeatType("type-20", "Last", 5, BigDecimal.TEN, "EUR"),
            new SeatTypeAdded("c", "type-20", "Last", 5, BigDecimal.TEN, "EUR"));
    List<Object> twenty = new ArrayList<>(nineteen);
    twenty.add(seatType("type-20", BigDecimal.TEN));
    given(twenty.toArray())
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
            c -> List.of(c.price(Map.of("legacy", 10_001))),
            INVALID,
            "A booking's total is at most 999999999999.99; this one would be 1000099999899.99.");
  }

  private static SeatTypeAdded seatType(String code, BigDecimal price) {
    return new SeatTypeAdded("c", code, code, Limits.SEATS_PER_TYPE, price, "EUR");
  }

  @Test
  void aSnapshotRestoresTheSameConference() {
    Conference state = given(CREATED, STANDARD, new ConferencePublished("c")).state();
    Conference restored = Snapshots.conference(Snapshots.conference(state));
    assertEquals(state.seatTypes(), restored.seatTypes());
    assertEquals(state.published(), restored.published());
    assertEquals(state.slug(), restored.slug());
  }
}
