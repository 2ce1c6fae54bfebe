package org.seatledger.booking.api;

import java.util.Objects;
import org.seatledger.eventlog.api.EventType;

/**
 * The seat availability of a conference learned the capacity of a seat type (when the type was
 * added or its quantity changed). Written together with the conference's own event, in one
 * transaction.
 */
@EventType(name = "SeatCapacityChanged")
public record SeatCapacityChanged(String conferenceId, String seatType, int capacity)
    implements SeatAvailabilityEvent {
  public SeatCapacityChanged {
    Objects.requireNonNull(conferenceId, "conferenceId");
    Objects.requireNonNull(seatType, "seatType");
  }
}
