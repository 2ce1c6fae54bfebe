package org.seatledger.booking.domain;

import static org.seatledger.booking.api.CommandRefused.Kind.CONFLICT;
import static org.seatledger.booking.api.CommandRefused.Kind.INVALID;
import static org.seatledger.booking.api.CommandRefused.Kind.NOT_FOUND;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seatledger.booking.api.Attendee;
import org.seatledger.booking.api.AttendeesAssigned;
import org.seatledger.booking.api.BookingCancelled;
import org.seatledger.booking.api.BookingConfirmed;
import org.seatledger.booking.api.BookingExpired;
import org.seatledger.booking.api.BookingPlaced;

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

  private static Given<Booking> given(Object... history) {
    return Given.given(Booking::new, Booking::evolve, history);
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
            "does not match");
    given(PLACED)
        .refused(
            b -> b.decideConfirm("PAY-1", new BigDecimal("398.00"), "USD"),
            INVALID,
            "does not match");
  }

  @Test
  void anExpiredBookingCannotBeConfirmedOrCancelled() {
    Given<Booking> expired = given(PLACED, new BookingExpired("b", DEADLINE));
    expired.refused(
        b -> b.decideConfirm("PAY-1", new BigDecimal("398.00"), "EUR"), CONFLICT, "expired");
    expired.refused(b -> b.decideCancel("late"), CONFLICT, "expired");
  }

  @Test
  void confirmingTwiceOrCancellingTwiceChangesNothing() {
    given(PLACED, new BookingConfirmed("b", "r", "PAY-1", new BigDecimal("398.00"), "EUR"))
        .then(b -> b.decideConfirm("PAY-2", new BigDecimal("398.00"), "EUR"));
    given(PLACED, new BookingCancelled("b", "r", "x")).then(b -> b.decideCancel("again"));
  }

  @Test
  void aHoldExpiresOnlyOnceItsDeadlineHasPassedAndOnlyWhileHeld() {
    given(PLACED).then(b -> b.decideExpire(DEADLINE.minusSeconds(1)));
    given(PLACED).then(b -> b.decideExpire(DEADLINE), new BookingExpired("b", DEADLINE));
    given(PLACED, new BookingConfirmed("b", "r", "PAY", new BigDecimal("398.00"), "EUR"))
        .then(b -> b.decideExpire(DEADLINE.plusSeconds(60)));
  }

  @Test
  void attendeesAreNamedOnlyForConfirmedBookingsAndOnlyForItsSeats() {
    Attendee grace = new Attendee("a1", "standard", "Grace", "grace@example.org");
    given(PLACED).refused(b -> b.decideAssign(List.of(grace)), CONFLICT, "confirmed");
    Given<Booking> confirmed =
        given(PLACED, new BookingConfirmed("b", "r", "PAY", new BigDecimal("398.00"), "EUR"));
    confirmed.then(b -> b.decideAssign(List.of(grace)), new AttendeesAssigned("b", List.of(grace)));
    confirmed.refused(
        b -> b.decideAssign(List.of(grace, grace, grace)), INVALID, "2 'standard' seats");
    confirmed.refused(
        b -> b.decideAssign(List.of(new Attendee("a2", "vip", "Linus", "l@example.org"))),
        INVALID,
        "'vip'");
  }

  @Test
  void nothingCanBeDoneToABookingThatDoesNotExist() {
    given().refused(b -> b.decideCancel("x"), NOT_FOUND, "no such booking");
  }
}
