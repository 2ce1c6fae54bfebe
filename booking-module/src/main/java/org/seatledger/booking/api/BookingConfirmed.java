package org.seatledger.booking.api;

import java.math.BigDecimal;
import java.util.Objects;

/** Staff recorded the payment of a held booking: its seats are sold. */
@EventType(name = "BookingConfirmed")
public record BookingConfirmed(
    String bookingId, String paymentReference, BigDecimal amount, String currency) {
  public BookingConfirmed {
    Objects.requireNonNull(bookingId, "bookingId");
    Objects.requireNonNull(paymentReference, "paymentReference");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
  }
}
