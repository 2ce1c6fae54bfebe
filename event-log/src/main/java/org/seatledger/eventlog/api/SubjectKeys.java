package org.seatledger.eventlog.api;

/** The data keys of data subjects, as erasure needs them. */
public interface SubjectKeys {

  /** Whether a subject has a key, was erased, or never had personal data. */
  enum KeyState {
    NONE,
    PRESENT,
    ERASED
  }

  /** Fails with {@link MasterKeyMismatch} unless this server holds the database's master key. */
  void requireMatchingKey();

  KeyState state(String subjectId);

  /**
   * Replaces the subject's key by a tombstone, so the subject's personal data reads as erased for
   * good and no new key is made for them.
   *
   * @return whether a key was there to erase
   */
  boolean erase(String subjectId);
}
