package org.seatledger.booking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.seatledger.booking.api.CommandRefused.Kind.CONFLICT;
import static org.seatledger.booking.api.CommandRefused.Kind.INVALID;
import static org.seatledger.booking.api.CommandRefused.Kind.NOT_FOUND;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seatledger.booking.api.Attendee;
import org.seatledger.booking.api.AttendeesAssigned;
import org.seatledger.booking.api.BookingCancelled;
import org.seatledger.booking.api.BookingConfirmed;
import org.seatledger.booking.api.BookingEvent;
import org.seatledger.booking.api.BookingExpired;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.BookingStatus;

class BookingTest {

  private static final Instant DEADLINE = Instant.parse("2027-01-01T10:00:00Z");
  private static final BookingPlaced PLACED =
      new BookingPlaced(
          "b",
          "c",
          "r",
          "Ada",
          "ada@example.org",
          Map.of("standard", 2),
          new BigDecimal("398.00"),
          "EUR",
          DEADLINE);
  private static final BookingConfirmed CONFIRMED =
      new BookingConfirmed("b", "r", "PAY-1", new BigDecimal("398.00"), "EUR");
  private static final Attendee GRACE = new Attendee("a1", "standard", "Grace", "g@example.org");

  private static Given<Booking, BookingEvent> given(BookingEvent... history) {
    return Given.given(Booking.FOLD, history);
  }

  private static Clock at(Instant now) {
    return Clock.fixed(now, ZoneOffset.UTC);
  }

  @Test
  void aBookingIsPlacedOnce() {
    given().then(b -> b.decidePlace(PLACED), PLACED);
    given(PLACED).refused(b -> b.decidePlace(PLACED), CONFLICT, "The booking b exists already.");
  }

  @Test
  void payingTheTotalConfirmsAHeldBooking() {
    given(PLACED)
        .then(
            b -> b.decideConfirm("PAY-1", new BigDecimal("398"), "EUR"),
            new BookingConfirmed("b", "r", "PAY-1", new BigDecimal("398"), "EUR"));
  }

  @Test
  void aPaymentThatIsNotTheTotalIsRefused() {
    given(PLACED)
        .refused(
            b -> b.decideConfirm("PAY-1", new BigDecimal("300.00"), "EUR"),
            INVALID,
            "The payment of 300.00 EUR does not match the total of 398.00 EUR.");
    given(PLACED)
        .refused(
            b -> b.decideConfirm("PAY-1", new BigDecimal("398.00"), "USD"),
            INVALID,
            "The payment of 398.00 USD does not match the total of 398.00 EUR.");
  }

  @Test
  void anExpiredBookingCannotBeConfirmedOrCancelled() {
    Given<Booking, BookingEvent> expired = given(PLACED, new BookingExpired("b", DEADLINE));
    expired.refused(
        b -> b.decideConfirm("PAY-1", new BigDecimal("398.00"), "EUR"),
        CONFLICT,
        "The booking is expired; only a held booking can be confirmed.");
    expired.refused(
        b -> b.decideCancel("late"),
        CONFLICT,
        "The booking has expired already; its seats were given back.");
  }

  @Test
  void aCancelledBookingCannotBeConfirmed() {
    given(PLACED, new BookingCancelled("b", "r", "x"))
        .refused(
            b -> b.decideConfirm("PAY-1", new BigDecimal("398.00"), "EUR"),
            CONFLICT,
            "The booking is cancelled; only a held booking can be confirmed.");
  }

  @Test
  void aHeldOrAConfirmedBookingCanBeCancelled() {
    given(PLACED)
        .then(
            b -> b.decideCancel("changed plans"), new BookingCancelled("b", "r", "changed plans"));
    given(PLACED, CONFIRMED)
        .then(b -> b.decideCancel("ill"), new BookingCancelled("b", "r", "ill"));
  }

  @Test
  void confirmingTwiceOrCancellingTwiceChangesNothing() {
    given(PLACED, CONFIRMED).then(b -> b.decideConfirm("PAY-2", new BigDecimal("398.00"), "EUR"));
    given(PLACED, new BookingCancelled("b", "r", "x")).then(b -> b.decideCancel("again"));
  }

  @Test
  void aHoldExpiresOnlyOnceTheClockReachesItsDeadlineAndOnlyWhileHeld() {
    given(PLACED).then(b -> b.decideExpire(at(DEADLINE.minusSeconds(1))));
    given(PLACED).then(b -> b.decideExpire(at(DEADLINE)), new BookingExpired("b", DEADLINE));
    given(PLACED, CONFIRMED).then(b -> b.decideExpire(at(DEADLINE.plusSeconds(60))));
    given(PLACED, new BookingExpired("b", DEADLINE))
        .then(b -> b.decideExpire(at(DEADLINE.plusSeconds(60))));
    given().then(b -> b.decideExpire(at(DEADLINE)));
  }

  @Test
  void attendeesAreNamedOnlyForConfirmedBookings() {
    given(PLACED)
        .refused(
            b -> b.decideAssign(List.of(GRACE)),
            CONFLICT,
            "Attendees can be named only for a confirmed booking; this one is held.");
    given(PLACED, CONFIRMED)
        .then(b -> b.decideAssign(List.of(GRACE)), new AttendeesAssigned("b", List.of(GRACE)));
  }

  @Test
  void attendeesAreNamedOnlyForTheBookingsSeats() {
    Given<Booking, BookingEvent> confirmed = given(PLACED, CONFIRMED);
    confirmed.refused(
        b -> b.decideAssign(List.of(GRACE, GRACE, GRACE)),
        INVALID,
        "The booking has 2 'standard' seats, not 3.");
    confirmed.refused(
        b -> b.decideAssign(List.of(new Attendee("a2", "vip", "Linus", "l@example.org"))),
        INVALID,
        "The booking has no 'vip' seats.");
  }

  @Test
  void nothingCanBeDoneToABookingThatDoesNotExist() {
    given().refused(b -> b.decideCancel("x"), NOT_FOUND, "There is no such booking.");
    given()
        .refused(
            b -> b.decideConfirm("PAY", BigDecimal.ONE, "EUR"),
            NOT_FOUND,
            "There is no such booking.");
    given().refused(b -> b.decideAssign(List.of(GRACE)), NOT_FOUND, "There is no such booking.");
  }

  @Test
  void evolvingLeavesTheStateItStartedFromAsItWas() {
    Booking shared = given(PLACED).state();
    Booking confirmed = shared.evolve(CONFIRMED);
    Booking cancelled = shared.evolve(new BookingCancelled("b", "r", "x"));
    assertEquals(BookingStatus.CONFIRMED, confirmed.status());
    assertEquals(BookingStatus.CANCELLED, cancelled.status());
    assertEquals(BookingStatus.HELD, shared.status());
    assertEquals(given(PLACED).state(), shared);
  }

  @Test
  void theParticularsOfABookingAreFoldedApartFromItsState() {
    BookingParticulars particulars = BookingParticulars.INITIAL;
    for (BookingEvent e :
        List.of(
            PLACED,
            CONFIRMED,
            new AttendeesAssigned("b", List.of(GRACE)),
            new BookingCancelled("b", "r", "ill"))) {
      particulars = BookingParticulars.FOLD.apply(particulars, e);
    }
    assertEquals(
        new BookingParticulars(
            "Ada", "ada@example.org", "PAY-1", new BigDecimal("398.00"), "ill", List.of(GRACE)),
        particulars);
  }
}
