package org.seatledger.eventlog.api;

/**
 * This server does not hold the master key the database names for personal data: it refuses to wrap
 * (or cannot unwrap) data keys, so it writes nothing another server could not read. Not an {@link
 * EventDecodingException}: the events are fine, the server is misconfigured, and a reader that
 * meets this should stop for now and try again later rather than give up on the event.
 */
public class MasterKeyMismatch extends RuntimeException {

  /** A write that needs the master key was refused; nothing was stored. */
  public static MasterKeyMismatch onWrite() {
    return new MasterKeyMismatch(
        "This server's master key does not match the one the database was written with; an admin"
            + " must give it the same SEATLEDGER_MASTER_KEY as the other servers. Nothing was"
            + " stored.");
  }

  /** Personal data wrapped by a master key this server does not hold. */
  public static MasterKeyMismatch onRead(String keyId) {
    return new MasterKeyMismatch(
        "Personal data here is protected by master key "
            + keyId
            + ", which this server does not hold; an admin must give it the same"
            + " SEATLEDGER_MASTER_KEY as the other servers.");
  }

  private MasterKeyMismatch(String sentence) {
    super(sentence, null, false, false);
  }
}
