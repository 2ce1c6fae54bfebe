package org.seatledger.eventlog.api;

/**
 * Another writer changed the stream since the writer read it: the one typed failure of an append,
 * whatever the database or driver raised. Reload the stream, decide again, retry.
 */
public class ConcurrencyConflict extends RuntimeException {
  private final String streamId;

  public ConcurrencyConflict(String streamId, String message) {
    super(message, null, false, false);
    this.streamId = streamId;
  }

  public String streamId() {
    return streamId;
  }
}
