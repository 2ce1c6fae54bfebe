package org.seatledger.booking.api;

import java.util.Objects;
import org.seatledger.eventlog.api.EventType;

/**
 * A person's data key was deleted: their personal data reads as erased from now on. Recorded in the
 * log so that read models forget it too, and so that auditors see when and by whom.
 */
@EventType(name = "PersonalDataErased")
public record PersonalDataErased(String subjectId) {
  public PersonalDataErased {
    Objects.requireNonNull(subjectId, "subjectId");
  }
}
