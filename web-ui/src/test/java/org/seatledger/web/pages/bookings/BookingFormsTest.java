package org.seatledger.web.pages.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the booking forms show the domain's refusals, and how a hold's time left reads. */
class BookingFormsTest {

  @Test
  void aShortageSitsNextToTheQuantityOfTheFirstSeatTypeItNames() {
    assertEquals(
        Optional.of("seats_standard"),
        BookForm.FIELDS.fieldOf("Not enough seats left: only 3 'standard' left."));
    assertEquals(
        Optional.of("seats_vip"),
        BookForm.FIELDS.fieldOf("Not enough seats left: only 0 'vip', 2 'standard' left."));
    assertEquals(
        Optional.of("seats_workshop"),
        BookForm.FIELDS.fieldOf("Ask for 1 to 100 seats of 'workshop'."));
  }

  @Test
  void theRegistrantsRefusalsSitNextToTheirFields() {
    assertEquals(
        Optional.of("email"),
        BookForm.FIELDS.fieldOf("The registrant's e-mail 'ada' is not an e-mail address."));
    assertEquals(
        Optional.of("registrantName"),
        BookForm.FIELDS.fieldOf("The registrant's name has at most 200 characters."));
    assertEquals(Optional.empty(), BookForm.FIELDS.fieldOf("The conference is not published."));
  }

  @Test
  void confirmAndCancelRefusalsSitNextToTheirFields() {
    assertEquals(
        Optional.of("amount"),
        BookingPage.CONFIRM_FIELDS.fieldOf(
            "The payment of 40.00 EUR does not match the total of 50.00 EUR."));
    assertEquals(
        Optional.of("paymentReference"),
        BookingPage.CONFIRM_FIELDS.fieldOf("The payment reference is required."));
    assertEquals(
        Optional.of("reason"),
        BookingPage.CANCEL_FIELDS.fieldOf("The reason has at most 500 characters."));
  }

  @Test
  void theTimeLeftReadsInHoursMinutesAndSecondsAndSaysWhenTheHoldIsOver() {
    assertEquals("1 h 2 min left", Countdowns.text(Duration.ofSeconds(3725)));
    assertEquals("14 min 5 s left", Countdowns.text(Duration.ofSeconds(845)));
    assertEquals("9 s left", Countdowns.text(Duration.ofSeconds(9)));
    assertEquals("Hold ended; releasing the seats", Countdowns.text(Duration.ZERO));
    assertEquals("Hold ended; releasing the seats", Countdowns.text(Duration.ofSeconds(-30)));
  }
}
