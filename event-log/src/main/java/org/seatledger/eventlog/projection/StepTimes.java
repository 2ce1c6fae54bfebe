package org.seatledger.eventlog.projection;

import java.time.Instant;
import java.util.List;
import org.seatledger.eventlog.api.RecordedEvent;

/**
 * Told of every live step that moved a read model on this server, once it has committed: the events
 * it applied, how long the step took and when it committed. The engine keeps them as metrics
 * ({@link MeteredStepTimes}); how soon after its own commit an event shows in a read model is what
 * staff notice (a booking missing from the list they were just sent to) and what the lag target of
 * the benchmark is about. A rebuild's steps are not told: they fill a generation nobody reads yet.
 */
@FunctionalInterface
interface StepTimes {

  /** Tells nothing to anyone: tests, and runners made outside the engine. */
  StepTimes NONE = (projection, applied, stepNanos, committedAt) -> {};

  /**
   * @param projection the read model moved
   * @param applied the events of the step it reads (an event of another class moved its checkpoint
   *     as well, but it waited for nothing there)
   * @param stepNanos from the step's start (before its checkpoint lock) to its commit
   * @param committedAt just after the commit
   */
  void moved(String projection, List<RecordedEvent> applied, long stepNanos, Instant committedAt);
}
