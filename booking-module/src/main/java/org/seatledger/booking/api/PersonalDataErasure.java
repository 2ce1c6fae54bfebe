package org.seatledger.booking.api;

/** Erasing a person: their data key is deleted, their personal data reads as erased for good. */
public interface PersonalDataErasure {

  /**
   * Erases a data subject, and records that {@code principal} did ({@link PersonalDataErased}).
   *
   * @return true when the subject had personal data in the log, false when there was nothing to
   *     erase (unknown or already erased)
   */
  boolean erase(String subjectId, String principal);
}
