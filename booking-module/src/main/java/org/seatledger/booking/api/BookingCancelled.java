package org.seatledger.booking.api;

import java.util.Objects;
import org.seatledger.eventlog.api.DataSubject;
import org.seatledger.eventlog.api.EventType;
import org.seatledger.eventlog.api.PersonalData;

/**
 * The booking was cancelled; its seats were given back in the same transaction.
 *
 * <p>The reason is free text that may name a person, so it is personal data of the registrant,
 * stored encrypted with the key of {@code registrantId} (since v2). Events stored as v1 named no
 * registrant: their {@code registrantId} reads null and their reason stays as stored.
 */
@EventType(name = "BookingCancelled", version = 2)
public record BookingCancelled(
    String bookingId, @DataSubject String registrantId, @PersonalData String reason)
    implements BookingEvent {
  public BookingCancelled {
    Objects.requireNonNull(bookingId, "bookingId");
  }
}
