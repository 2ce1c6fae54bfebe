package org.seatledger.eventlog.api;

/**
 * How much of each event a reader of the log has decoded for it. Each step leaves out work the one
 * before does: decrypting personal data, then reading and decoding the data at all.
 */
public enum Decoding {

  /** The data as the current record of its type, personal data decrypted. */
  FULL,

  /**
   * The data without decrypting: every encrypted {@link PersonalData} text reads as {@link
   * PersonalData#ERASED}, exactly as an erased subject's do, and no data key is looked up.
   */
  WITHOUT_PERSONAL_DATA,

  /**
   * None of the data: each event's place, metadata and hashes only, its data {@link
   * RecordedEvent#NOT_READ} (an empty JSON object as {@link RecordedEvent#data()}). The log does
   * not even read the stored data: for a reader that keeps what the log says about its events, not
   * what they say (the audit trail keeps each one's stored hash).
   */
  METADATA_ONLY;

  /** The decoding that serves a reader of this and one of {@code other}: the fuller of the two. */
  public Decoding with(Decoding other) {
    return compareTo(other) <= 0 ? this : other;
  }
}
