package org.seatledger.booking.api;

import java.util.Objects;

/**
 * What a command did.
 *
 * @param position the global position of its last event (0 when nothing changed): a query with
 *     {@code atLeast=position} sees the change
 * @param repeated true when the command id had been carried out before and this is its first
 *     outcome again
 * @param outcome what was decided, e.g. a booking held with its total and hold deadline
 */
public record CommandResult(long position, boolean repeated, CommandOutcome outcome) {
  public CommandResult {
    Objects.requireNonNull(outcome, "outcome");
  }

  /** The conference or booking the command created or acted on. */
  public String id() {
    return outcome.id();
  }
}
