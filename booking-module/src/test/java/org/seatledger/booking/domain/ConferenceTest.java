package org.seatledger.booking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.seatledger.booking.api.CommandRefused.Kind.CONFLICT;
import static org.seatledger.booking.api.CommandRefused.Kind.INVALID;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seatledger.booking.api.ConferenceCreated;
import org.seatledger.booking.api.ConferencePublished;
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
  void aSnapshotRestoresTheSameConference() {
    Conference state = given(CREATED, STANDARD, new ConferencePublished("c")).state();
    Conference restored = Snapshots.conference(Snapshots.conference(state));
    assertEquals(state.seatTypes(), restored.seatTypes());
    assertEquals(state.published(), restored.published());
    assertEquals(state.slug(), restored.slug());
  }
}
