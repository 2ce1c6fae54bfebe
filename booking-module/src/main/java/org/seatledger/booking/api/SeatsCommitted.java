package org.seatledger.booking.api;

import java.util.Map;
import java.util.Objects;
import org.seatledger.eventlog.api.EventType;

/** Held seats became sold: the booking was paid. */
@EventType(name = "SeatsCommitted")
public record SeatsCommitted(String conferenceId, String bookingId, Map<String, Integer> seats)
    implements SeatAvailabilityEvent {
  public SeatsCommitted {
    Objects.requireNonNull(conferenceId, "conferenceId");
    Objects.requireNonNull(bookingId, "bookingId");
    seats = Map.copyOf(seats);
  }
}
