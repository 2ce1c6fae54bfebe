package org.seatledger.booking.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.seatledger.eventlog.api.EventType;

/**
 * Seats of a conference were held for a booking until its hold deadline.
 *
 * <p>Schema version 2. Version 1 predates seat types: it held a {@code quantity} of the one general
 * kind of seat; its upcaster reads that as {@code seats = {"general": quantity}}.
 *
 * @param seats seats held per seat type code; every quantity is positive
 */
@EventType(name = "SeatsReserved", version = 2)
public record SeatsReserved(
    String conferenceId, String bookingId, Map<String, Integer> seats, Instant holdUntil)
    implements SeatAvailabilityEvent {

  /** The seat type of events written before seat types existed. */
  public static final String GENERAL_SEAT_TYPE = "general";

  public SeatsReserved {
    Objects.requireNonNull(conferenceId, "conferenceId");
    Objects.requireNonNull(bookingId, "bookingId");
    Objects.requireNonNull(holdUntil, "holdUntil");
    seats = Map.copyOf(seats);
    if (seats.isEmpty() || seats.values().stream().anyMatch(q -> q == null || q <= 0)) {
      throw new IllegalArgumentException("seats are held in positive quantities");
    }
  }
}
