package org.seatledger.booking.api;

import java.util.Objects;
import org.seatledger.eventlog.api.EventType;

/**
 * A person's data key was deleted: their personal data reads as erased from now on. Recorded in the
 * log so that read models forget it too, and so that auditors see when and by whom.
 *
 * <p>Appended to the person's own stream ({@code subject-<id>}, stream type {@code DataSubject}),
 * not to any aggregate's: no aggregate decides or evolves by it.
 */
@EventType(name = "PersonalDataErased")
public record PersonalDataErased(String subjectId) {
  public PersonalDataErased {
    Objects.requireNonNull(subjectId, "subjectId");
  }
}
