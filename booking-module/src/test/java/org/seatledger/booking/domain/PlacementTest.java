package org.seatledger.booking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seatledger.booking.api.BookingCommand.PlaceBooking;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.CommandRefused;
import org.seatledger.booking.api.ConferenceCreated;
import org.seatledger.booking.api.ConferenceEvent;
import org.seatledger.booking.api.ConferencePublished;
import org.seatledger.booking.api.SeatCapacityChanged;
import org.seatledger.booking.api.SeatTypeAdded;
import org.seatledger.booking.api.SeatsReserved;

/** Placing a booking: prices, currencies, the hold deadline and what is left, decided together. */
class PlacementTest {

  private static final Clock NOW =
      Clock.fixed(Instant.parse("2027-01-01T09:00:00.750Z"), ZoneOffset.UTC);
  private static final Duration HOLD = Duration.ofMinutes(15);
  private static final Instant DEADLINE = Instant.parse("2027-01-01T09:15:00Z");

  private static final ConferenceCreated CREATED =
      new ConferenceCreated(
          "c",
          "DevConf",
          "devconf",
          LocalDate.parse("2027-05-04"),
          LocalDate.parse("2027-05-06"),
          "Brno");
  private static final SeatTypeAdded STANDARD =
      new SeatTypeAdded("c", "standard", "Standard", 10, new BigDecimal("199.00"), "EUR");
  private static final SeatTypeAdded VIP =
      new SeatTypeAdded("c", "vip", "VIP", 2, new BigDecimal("500.00"), "EUR");
  private static final SeatTypeAdded DOLLARS =
      new SeatTypeAdded("c", "usd", "Dollar seats", 5, new BigDecimal("10.00"), "USD");

  private static Conference conference(ConferenceEvent... history) {
    return Given.given(Conference.FOLD, history).state();
  }

  private static final SeatAvailability SEATS =
      Given.given(
              SeatAvailability.FOLD,
              new SeatCapacityChanged("c", "standard", 10),
              new SeatCapacityChanged("c", "vip", 2),
              new SeatCapacityChanged("c", "usd", 5))
          .state();

  private static PlaceBooking place(Map<String, Integer> seats) {
    return new PlaceBooking("c", "Ada", "ada@example.org", seats);
  }

  private static Placement decide(Conference conference, PlaceBooking command, Booking booking) {
    return Placement.decide(command, "b", "r", conference, SEATS, booking, NOW, HOLD);
  }

  private static void refused(
      Conference conference, PlaceBooking command, CommandRefused.Kind kind, String sentence) {
    CommandRefused refused =
        assertThrows(CommandRefused.class, () -> decide(conference, command, Booking.INITIAL));
    assertEquals(sentence, refused.getMessage());
    assertEquals(kind, refused.kind());
  }

  @Test
  void placingPricesTheSeatsAndHoldsThemUntilTheHoldHasPassedToTheSecond() {
    Placement placement =
        decide(
            conference(CREATED, STANDARD, VIP, new ConferencePublished("c")),
            place(Map.of("standard", 2, "vip", 1)),
            Booking.INITIAL);
    BookingPlaced placed =
        new BookingPlaced(
            "b",
            "c",
            "r",
            "Ada",
            "ada@example.org",
            Map.of("standard", 2, "vip", 1),
            new BigDecimal("898.00"),
            "EUR",
            DEADLINE);
    assertEquals(List.of(placed), placement.booking());
    assertEquals(
        List.of(new SeatsReserved("c", "b", Map.of("standard", 2, "vip", 1), DEADLINE)),
        placement.seats());
    assertEquals(placed, placement.placed());
  }

  @Test
  void anUnpublishedConferenceTakesNoBookings() {
    refused(
        conference(CREATED, STANDARD),
        place(Map.of("standard", 1)),
        CommandRefused.Kind.CONFLICT,
        "The conference 'DevConf' is not published; it takes no bookings.");
    refused(
        conference(),
        place(Map.of("standard", 1)),
        CommandRefused.Kind.NOT_FOUND,
        "There is no such conference.");
  }

  @Test
  void seatTypesPricedInDifferentCurrenciesAreNotBookedTogether() {
    refused(
        conference(CREATED, STANDARD, DOLLARS, new ConferencePublished("c")),
        place(Map.of("standard", 1, "usd", 1)),
        CommandRefused.Kind.INVALID,
        "Seat types priced in different currencies cannot be booked together.");
  }

  @Test
  void unknownSeatTypesAreRefusedBeforeWhatIsLeftIsCounted() {
    refused(
        conference(CREATED, STANDARD, new ConferencePublished("c")),
        place(Map.of("balcony", 1)),
        CommandRefused.Kind.INVALID,
        "The conference has no seat type 'balcony'.");
  }

  @Test
  void moreThanIsLeftIsRefusedNamingWhatIsLeft() {
    refused(
        conference(CREATED, STANDARD, VIP, new ConferencePublished("c")),
        place(Map.of("vip", 3)),
        CommandRefused.Kind.CONFLICT,
        "Not enough seats left: only 2 'vip' left.");
  }

  @Test
  void aBookingThatExistsIsNotPlacedAgain() {
    Conference open = conference(CREATED, STANDARD, new ConferencePublished("c"));
    Booking existing =
        decide(open, place(Map.of("standard", 1)), Booking.INITIAL).booking().stream()
            .reduce(Booking.INITIAL, Booking.FOLD::apply, (a, b) -> b);
    CommandRefused refused =
        assertThrows(
            CommandRefused.class, () -> decide(open, place(Map.of("standard", 1)), existing));
    assertEquals("The booking b exists already.", refused.getMessage());
  }
}
