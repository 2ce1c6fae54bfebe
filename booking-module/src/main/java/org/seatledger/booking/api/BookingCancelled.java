package org.seatledger.booking.api;

import java.util.Objects;

/** The booking was cancelled; its seats were given back in the same transaction. */
@EventType(name = "BookingCancelled")
public record BookingCancelled(String bookingId, String reason) {
  public BookingCancelled {
    Objects.requireNonNull(bookingId, "bookingId");
  }
}
