package org.seatledger.booking.api;

import java.time.Instant;
import java.util.Objects;
import org.seatledger.eventlog.api.EventType;

/** Nobody paid before the hold deadline: the booking lapsed and its seats were given back. */
@EventType(name = "BookingExpired")
public record BookingExpired(String bookingId, Instant holdUntil) implements BookingEvent {
  public BookingExpired {
    Objects.requireNonNull(bookingId, "bookingId");
    Objects.requireNonNull(holdUntil, "holdUntil");
  }
}
