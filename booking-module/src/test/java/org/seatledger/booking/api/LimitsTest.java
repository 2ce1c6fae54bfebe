package org.seatledger.booking.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.seatledger.booking.api.BookingCommand.AddSeatType;
import org.seatledger.booking.api.BookingCommand.AssignAttendees;
import org.seatledger.booking.api.BookingCommand.AttendeeInput;
import org.seatledger.booking.api.BookingCommand.CancelBooking;
import org.seatledger.booking.api.BookingCommand.ChangeSeatQuantity;
import org.seatledger.booking.api.BookingCommand.ConfirmBooking;
import org.seatledger.booking.api.BookingCommand.CreateConference;
import org.seatledger.booking.api.BookingCommand.PlaceBooking;

/**
 * Given a command at a limit, when it is made, then it is accepted; one step beyond, it is refused
 * as bad input with a sentence naming the limit. (The limits that depend on state — seat types of a
 * conference, a booking's total — are in the aggregates' tests.)
 */
class LimitsTest {

  private static final LocalDate DAY = LocalDate.parse("2027-05-04");

  @Test
  void aSeatCostsAtMostTheLargestPrice() {
    assertEquals(Limits.MAX_PRICE, seatType(Limits.MAX_PRICE).price());
    refused(() -> seatType(new BigDecimal("10000000.00")), "A seat costs at most 9999999.99.");
    refused(() -> seatType(new BigDecimal("1E+8")), "A seat costs at most 9999999.99.");
  }

  @Test
  void aSeatTypeHasAtMostTheLargestCapacity() {
    assertEquals(
        Limits.SEATS_PER_TYPE,
        new ChangeSeatQuantity("c", "standard", Limits.SEATS_PER_TYPE).quantity());
    refused(
        () -> new ChangeSeatQuantity("c", "standard", Limits.SEATS_PER_TYPE + 1),
        "The quantity must be between 0 and 100000.");
    refused(
        () ->
            new AddSeatType(
                "c", "standard", "Standard", Limits.SEATS_PER_TYPE + 1, BigDecimal.ONE, "EUR"),
        "The quantity must be between 0 and 100000.");
  }

  @Test
  void aBookingHasAtMostTheLargestNumberOfSeatsAllTypesTogether() {
    Map<String, Integer> most = seats(Limits.SEAT_TYPES, Limits.SEATS_PER_BOOKING / 20);
    assertEquals(most, booking("Ada", most).seats());
    Map<String, Integer> oneMore = new LinkedHashMap<>(most);
    oneMore.merge("type-0", 1, Integer::sum);
    refused(() -> booking("Ada", oneMore), "A booking has at most 100000 seats, not 100001.");
    refused(
        () -> booking("Ada", Map.of("standard", Limits.SEATS_PER_BOOKING + 1)),
        "Ask for 1 to 100000 seats of 'standard'.");
  }

  @Test
  void aBookingAsksForAtMostTheLargestNumberOfSeatTypes() {
    assertEquals(20, booking("Ada", seats(Limits.SEAT_TYPES, 1)).seats().size());
    refused(
        () -> booking("Ada", seats(Limits.SEAT_TYPES + 1, 1)),
        "A booking has at most 20 seat types.");
  }

  @Test
  void textsAreAcceptedUpToTheirColumnsAndRefusedBeyond() {
    String name = "n".repeat(Limits.NAME);
    String venue = "v".repeat(Limits.NAME);
    CreateConference created = new CreateConference(name, "devconf", DAY, DAY, venue);
    assertEquals(List.of(name, venue), List.of(created.name(), created.venue()));
    refused(
        () -> new CreateConference(name + "n", "devconf", DAY, DAY, "Brno"),
        "The name has at most 200 characters.");
    refused(
        () -> new CreateConference("DevConf", "devconf", DAY, DAY, venue + "v"),
        "The venue has at most 200 characters.");

    String seatName = "s".repeat(Limits.SEAT_TYPE_NAME);
    String code = "c".repeat(Limits.CODE);
    AddSeatType added = new AddSeatType("c", code, seatName, 1, BigDecimal.ONE, "EUR");
    assertEquals(List.of(code, seatName), List.of(added.code(), added.name()));
    refused(
        () -> new AddSeatType("c", "standard", seatName + "s", 1, BigDecimal.ONE, "EUR"),
        "The name has at most 100 characters.");
    refused(
        () -> new AddSeatType("c", code + "c", "Standard", 1, BigDecimal.ONE, "EUR"),
        "The seat type code must be 1 to 30");

    String email = "e".repeat(64) + "@" + "d".repeat(Limits.EMAIL - 64 - 1 - 4) + ".org";
    assertEquals(Limits.EMAIL, email.length());
    assertEquals(email, booking(name, email, Map.of("standard", 1)).registrantEmail());
    refused(
        () -> booking(name + "n", email, Map.of("standard", 1)),
        "The registrant's name has at most 200 characters.");
    refused(
        () -> booking(name, "e" + email, Map.of("standard", 1)),
        "The registrant's e-mail has at most 254 characters.");
    assertEquals(
        name,
        new AssignAttendees("b", List.of(new AttendeeInput("standard", name, email)))
            .attendees()
            .get(0)
            .name());
    refused(
        () -> new AttendeeInput("standard", name + "n", email),
        "The attendee's name has at most 200 characters.");

    String reason = "r".repeat(Limits.REASON);
    assertEquals(reason, new CancelBooking("b", reason).reason());
    refused(() -> new CancelBooking("b", reason + "r"), "The reason has at most 500 characters.");
    assertEquals(reason, new CommandContext(null, null, "sam", reason).reason());
    refused(
        () -> new CommandContext(null, null, "sam", reason + "r"),
        "A reason has at most 500 characters.");

    String reference = "p".repeat(Limits.PAYMENT_REFERENCE);
    assertEquals(
        reference, new ConfirmBooking("b", reference, BigDecimal.ONE, "EUR").paymentReference());
    refused(
        () -> new ConfirmBooking("b", reference + "p", BigDecimal.ONE, "EUR"),
        "The payment reference has at most 100 characters.");
  }

  private static AddSeatType seatType(BigDecimal price) {
    return new AddSeatType("c", "standard", "Standard", 10, price, "EUR");
  }

  private static PlaceBooking booking(String name, Map<String, Integer> seats) {
    return booking(name, "ada@example.org", seats);
  }

  private static PlaceBooking booking(String name, String email, Map<String, Integer> seats) {
    return new PlaceBooking("c", name, email, seats);
  }

  private static Map<String, Integer> seats(int types, int each) {
    Map<String, Integer> seats = new LinkedHashMap<>();
    for (int i = 0; i < types; i++) {
      seats.put("type-" + i, each);
    }
    return seats;
  }

  private static void refused(Supplier<?> command, String sentence) {
    CommandRefused refused = assertThrows(CommandRefused.class, command::get);
    assertEquals(CommandRefused.Kind.INVALID, refused.kind());
    assertTrue(refused.getMessage().startsWith(sentence), refused.getMessage());
  }
}
