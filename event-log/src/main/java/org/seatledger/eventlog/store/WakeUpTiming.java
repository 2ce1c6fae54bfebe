package org.seatledger.eventlog.store;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * When the read models hear that the log advanced ({@link AppendCommitted}): at once when the group
 * committer is idle, else when it ends a group with nothing queued behind it, and at the latest at
 * the end of the first group that finishes once {@code delay} has passed since the oldest commit
 * not yet announced. One announcement names the highest position committed, so it carries every
 * commit since the last one.
 *
 * <p>Why not after every commit: each announcement wakes reporting's group step and the audit
 * trail's step, each a transaction with its own commit and log flush, which ran beside the
 * committer's next group on the same cores and the same flush and made it a fifth slower (see
 * docs/performance.md, "The HTTP knee: where a booking waits"). Held back while the committer has
 * work queued, they start when it has none, and under a steady queue one pass carries the commits
 * of several groups. A reader waiting for its own write does not wait for this: it drives its
 * projection's pass itself ({@code Projectors.awaitPosition}); nor does correctness, which the
 * projections' timer keeps on its own.
 *
 * <p>Pure bookkeeping: the caller passes the time ({@link System#nanoTime()}) and fires what comes
 * back. Thread-safe: the committer and any thread whose own transaction appended call it.
 */
final class WakeUpTiming {

  private final long delayNanos;

  private boolean inGroup;

  /** The highest committed position not announced yet; empty when everything was. */
  private OptionalLong unannounced = OptionalLong.empty();

  /** When the oldest unannounced commit was seen. */
  private long unannouncedSince;

  /**
   * @param delay how long a commit may wait, at most, for the committer to run out of queued work
   *     (zero: announced at the end of every group)
   */
  WakeUpTiming(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("the wake-up delay cannot be negative: " + delay);
    }
    this.delayNanos = delay.toNanos();
  }

  /** The committer took a group from its queue and writes it. */
  synchronized void groupStarted() {
    inGroup = true;
  }

  /**
   * An append committed up to {@code position}: the position to announce now, or nothing while a
   * group is being written (its end announces).
   */
  synchronized OptionalLong committed(long position, long nanoTime) {
    if (unannounced.isEmpty()) {
      unannouncedSince = nanoTime;
      unannounced = OptionalLong.of(position);
    } else {
      unannounced = OptionalLong.of(Math.max(position, unannounced.getAsLong()));
    }
    return inGroup ? OptionalLong.empty() : take();
  }

  /**
   * The committer answered a group's callers; {@code queued}: more appends wait for it, and it
   * starts the next group at once. The position to announce now, if any.
   */
  synchronized OptionalLong groupEnded(boolean queued, long nanoTime) {
    inGroup = false;
    if (unannounced.isEmpty()) {
      return OptionalLong.empty();
    }
    if (queued && nanoTime - unannouncedSince < delayNanos) {
      return OptionalLong.empty(); // the next group's end announces both
    }
    return take();
  }

  private OptionalLong take() {
    OptionalLong position = unannounced;
    unannounced = OptionalLong.empty();
    return position;
  }
}
