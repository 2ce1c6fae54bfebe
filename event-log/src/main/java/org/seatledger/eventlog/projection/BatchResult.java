package org.seatledger.eventlog.projection;

import org.seatledger.eventlog.api.projection.TargetUnavailable;

/** What applying one batch of events with its checkpoint move did (see {@link BatchApplier}). */
sealed interface BatchResult
    permits BatchResult.Applied,
        BatchResult.LostRace,
        BatchResult.FailedAt,
        BatchResult.TargetDown {

  /** Every event was applied and the checkpoint moved past the batch, in one commit. */
  record Applied() implements BatchResult {}

  /**
   * The checkpoint was not where the batch started (another server got there first, or an admin
   * paused the projection): nothing was applied; read the checkpoint again.
   */
  record LostRace() implements BatchResult {}

  /**
   * The event at {@code index} of the batch could not be applied: nothing of the batch was
   * committed; {@code cause} says why.
   */
  record FailedAt(int index, Exception cause) implements BatchResult {
    public FailedAt {
      if (index < 0) {
        throw new IllegalArgumentException("index must not be negative");
      }
    }
  }

  /**
   * The projection's target (another system, not the event) could not take the batch: nothing was
   * committed, the checkpoint stays, and the next pass tries the same batch again.
   */
  record TargetDown(TargetUnavailable cause) implements BatchResult {}
}
