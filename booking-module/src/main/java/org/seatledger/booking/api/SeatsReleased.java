package org.seatledger.booking.api;

import java.util.Map;
import java.util.Objects;
import org.seatledger.eventlog.api.EventType;

/**
 * Seats held or sold for a booking were given back (the booking was cancelled or its hold expired):
 * the compensating event of {@link SeatsReserved} and {@link SeatsCommitted}.
 *
 * @param wereSold true when the seats had been sold (a confirmed booking was cancelled), false when
 *     they were only held
 */
@EventType(name = "SeatsReleased")
public record SeatsReleased(
    String conferenceId,
    String bookingId,
    Map<String, Integer> seats,
    String reason,
    boolean wereSold)
    implements SeatAvailabilityEvent {
  public SeatsReleased {
    Objects.requireNonNull(conferenceId, "conferenceId");
    Objects.requireNonNull(bookingId, "bookingId");
    seats = Map.copyOf(seats);
  }
}
