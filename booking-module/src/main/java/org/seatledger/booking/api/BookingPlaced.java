package org.seatledger.booking.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.seatledger.eventlog.api.DataSubject;
import org.seatledger.eventlog.api.EventType;
import org.seatledger.eventlog.api.PersonalData;

/**
 * A registrant's booking was placed: its seats are held until {@code holdUntil}.
 *
 * <p>The registrant's name and e-mail are personal data, stored encrypted with the key of {@code
 * registrantId}; after that person is erased they read as {@link PersonalData#ERASED}.
 */
@EventType(name = "BookingPlaced")
public record BookingPlaced(
    String bookingId,
    String conferenceId,
    @DataSubject String registrantId,
    @PersonalData String registrantName,
    @PersonalData String registrantEmail,
    Map<String, Integer> seats,
    BigDecimal total,
    String currency,
    Instant holdUntil)
    implements BookingEvent {

  public BookingPlaced {
    Objects.requireNonNull(bookingId, "bookingId");
    Objects.requireNonNull(conferenceId, "conferenceId");
    Objects.requireNonNull(registrantId, "registrantId");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(holdUntil, "holdUntil");
    seats = Map.copyOf(seats);
  }
}
