package org.seatledger.eventlog.api.projection;

/**
 * Thrown by a {@link Projection} whose target is not its own tables but another system (the
 * integration relay's message broker) when that system cannot take the batch now. The event is not
 * to blame: the engine rolls the batch back (the checkpoint stays), shows the projection as
 * RETRYING with this message, and tries the same batch again on its next pass, so the projection
 * resumes by itself when the target is back. A plain failure, by contrast, stops the projection at
 * the event until an admin retries it.
 */
public class TargetUnavailable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** {@code sentence} says what is unavailable, for the admin pages. */
  public TargetUnavailable(String sentence, Throwable cause) {
    super(sentence, cause);
  }
}
