package org.seatledger.booking.api;

import java.util.Objects;
import org.seatledger.eventlog.api.EventType;

/** Seats of a type were added or removed: the type now has {@code quantity} seats in all. */
@EventType(name = "SeatQuantityChanged")
public record SeatQuantityChanged(
    String conferenceId, String code, int quantity, int previousQuantity)
    implements ConferenceEvent {
  public SeatQuantityChanged {
    Objects.requireNonNull(conferenceId, "conferenceId");
    Objects.requireNonNull(code, "code");
  }
}
