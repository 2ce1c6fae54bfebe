package org.seatledger.booking.api;

import java.math.BigDecimal;
import java.util.Objects;
import org.seatledger.eventlog.api.DataSubject;
import org.seatledger.eventlog.api.EventType;
import org.seatledger.eventlog.api.PersonalData;

/**
 * Staff recorded the payment of a held booking: its seats are sold.
 *
 * <p>The payment reference is free text that may name a person, so it is personal data of the
 * registrant, stored encrypted with the key of {@code registrantId} (since v2). Events stored as v1
 * named no registrant: their {@code registrantId} reads null and their reference stays as stored.
 */
@EventType(name = "BookingConfirmed", version = 2)
public record BookingConfirmed(
    String bookingId,
    @DataSubject String registrantId,
    @PersonalData String paymentReference,
    BigDecimal amount,
    String currency)
    implements BookingEvent {
  public BookingConfirmed {
    Objects.requireNonNull(bookingId, "bookingId");
    Objects.requireNonNull(paymentReference, "paymentReference");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
  }
}
