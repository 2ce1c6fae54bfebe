package org.seatledger.booking.api;

import java.util.List;
import java.util.Objects;
import org.seatledger.eventlog.api.EventType;

/** Names were put on the seats of a confirmed booking; replaces any earlier assignment. */
@EventType(name = "AttendeesAssigned")
public record AttendeesAssigned(String bookingId, List<Attendee> attendees)
    implements BookingEvent {
  public AttendeesAssigned {
    Objects.requireNonNull(bookingId, "bookingId");
    attendees = List.copyOf(attendees);
  }
}
