package org.seatledger.eventlog.api;

/**
 * A stored event that cannot be read: unknown type, missing upcaster, payload that does not fit the
 * record. Never skipped silently; the message names the position.
 */
public class EventDecodingException extends RuntimeException {
  public EventDecodingException(String message) {
    super(message);
  }

  public EventDecodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
