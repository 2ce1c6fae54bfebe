package org.seatledger.booking.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.seatledger.booking.api.BookingCommand.PlaceBooking;
import org.seatledger.booking.api.BookingEvent;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.SeatAvailabilityEvent;

/**
 * Placing a booking: the one decision that reads three aggregates — the conference (open for
 * bookings, prices, currencies), its seats (what is left) and the new booking — and yields the
 * events of two streams, appended together.
 *
 * <p>The rules, in the order a refusal names the first that fails: the conference is published;
 * every seat type exists and all are priced in one currency; the total stays within the limit; the
 * seats are left; the booking does not exist yet. The total is the sum of price × seats, the hold
 * deadline is the clock's now plus the hold, to the whole second below.
 *
 * @param booking the events of the booking's stream: its {@link BookingPlaced}
 * @param seats the events of the conference's seat availability: the seats reserved
 */
public record Placement(List<BookingEvent> booking, List<SeatAvailabilityEvent> seats) {

  public Placement {
    booking = List.copyOf(booking);
    seats = List.copyOf(seats);
  }

  /**
   * Decides the placing of booking {@code bookingId} for registrant {@code registrantId} (both ids
   * chosen by the caller, as the command's id derives them).
   *
   * @param hold how long a placed booking holds its seats
   */
  public static Placement decide(
      PlaceBooking command,
      String bookingId,
      String registrantId,
      Conference conference,
      SeatAvailability availability,
      Booking booking,
      Clock clock,
      Duration hold) {
    conference.requireOpenForBookings();
    Conference.Price price = conference.price(command.seats());
    Instant holdUntil = clock.instant().plus(hold).truncatedTo(ChronoUnit.SECONDS);
    List<SeatAvailabilityEvent> reserved =
        availability.decideReserve(conference.id(), bookingId, command.seats(), holdUntil);
    List<BookingEvent> placed =
        booking.decidePlace(
            new BookingPlaced(
                bookingId,
                conference.id(),
                registrantId,
                command.registrantName(),
                command.registrantEmail(),
                command.seats(),
                price.total(),
                price.currency(),
                holdUntil));
    return new Placement(placed, reserved);
  }

  /** The booking placed. */
  public BookingPlaced placed() {
    return (BookingPlaced) booking.get(0);
  }
}
