package org.seatledger.booking.api;

import java.util.Optional;
import org.seatledger.eventlog.api.PersonalData;

/** Erasing a person: their data key is deleted, their personal data reads as erased for good. */
public interface PersonalDataErasure {

  /**
   * What an erasure did. Repeating the erasure answers the same.
   *
   * @param subjectId the person
   * @param position the global position of the {@link PersonalDataErased} event: a read model that
   *     has reached it holds none of the person's data
   * @param events how many events of the log name the person (their data in them now reads as
   *     {@link PersonalData#ERASED}), counted when the person was first erased
   */
  record Erasure(String subjectId, long position, long events) {}

  /**
   * Erases a data subject and records that {@code principal} did ({@link PersonalDataErased}).
   * Idempotent: a repeat, or a retry after a crash half-way, ends in the same state and answers the
   * same.
   *
   * @return what was erased, or empty when the subject never had personal data
   */
  Optional<Erasure> erase(String subjectId, String principal);
}
