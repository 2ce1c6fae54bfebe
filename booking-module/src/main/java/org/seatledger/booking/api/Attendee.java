package org.seatledger.booking.api;

import java.util.Objects;
import org.seatledger.eventlog.api.DataSubject;
import org.seatledger.eventlog.api.PersonalData;

/** A person who will sit in one seat of a booking; a data subject of their own. */
public record Attendee(
    @DataSubject String attendeeId,
    String seatType,
    @PersonalData String name,
    @PersonalData String email) {
  public Attendee {
    Objects.requireNonNull(attendeeId, "attendeeId");
    Objects.requireNonNull(seatType, "seatType");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
  }
}
