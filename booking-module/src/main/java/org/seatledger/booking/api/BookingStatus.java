package org.seatledger.booking.api;

/** Where a booking stands. */
public enum BookingStatus {
  HELD,
  CONFIRMED,
  CANCELLED,
  EXPIRED
}
