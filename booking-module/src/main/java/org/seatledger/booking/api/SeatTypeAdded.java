package org.seatledger.booking.api;

import java.math.BigDecimal;
import java.util.Objects;
import org.seatledger.eventlog.api.EventType;

/** A conference offers a new type of seat: so many of them, at this price. */
@EventType(name = "SeatTypeAdded")
public record SeatTypeAdded(
    String conferenceId, String code, String name, int quantity, BigDecimal price, String currency)
    implements ConferenceEvent {

  public SeatTypeAdded {
    Objects.requireNonNull(conferenceId, "conferenceId");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(currency, "currency");
    if (quantity < 0) {
      throw new IllegalArgumentException("quantity is never negative");
    }
  }
}
