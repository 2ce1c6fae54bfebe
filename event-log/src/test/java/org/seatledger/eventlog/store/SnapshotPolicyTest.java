package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * When a stream's snapshot is due: at a multiple of {@code snapshotEvery}, spaced out in time, and
 * for a large state only once enough events followed its last snapshot to be worth writing it again
 * — so a conference holding tens of thousands of open holds does not write megabytes a second.
 */
class SnapshotPolicyTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private final SnapshotPolicy policy = new SnapshotPolicy(100, SECOND);

  @Test
  void aStreamThisServerHasNotSnapshottedGetsOneAtItsFirstCrossing() {
    assertFalse(policy.due("seats-a", 10, 99, 0), "no multiple of 100 crossed");
    assertTrue(policy.due("seats-a", 90, 110, 0));
    assertTrue(policy.due("seats-a", 99, 100, 0), "reaching the multiple is crossing it");
  }

  @Test
  void aSmallStateIsSnapshottedAtEachCrossingOnceTheSpacingHasPassed() {
    policy.written("booking-1", 100, 400, 0);

    assertFalse(policy.due("booking-1", 150, 200, SECOND / 2), "within the spacing");
    assertTrue(policy.due("booking-1", 150, 200, SECOND));
    assertFalse(policy.due("booking-1", 201, 250, 5 * SECOND), "no multiple crossed");
  }

  @Test
  void aLargeStateWaitsForAsManyEventsAsItsTextIsWorth() {
    // 1,000,000 characters of snapshot are worth replaying 10,000 events
    policy.written("seats-hot", 5_000, 1_000_000, 0);

    assertFalse(policy.due("seats-hot", 5_090, 5_100, 10 * SECOND));
    assertFalse(policy.due("seats-hot", 14_850, 14_900, 10 * SECOND));
    assertTrue(policy.due("seats-hot", 14_990, 15_000, 10 * SECOND));
  }

  @Test
  void howeverLargeTheStateAColdLoadReplaysAtMostABoundedTail() {
    policy.written("seats-huge", 1_000, 50_000_000, 0);

    long bound = SnapshotPolicy.MOST_EVENTS_BETWEEN;
    assertFalse(policy.due("seats-huge", 1_000 + bound - 150, 1_000 + bound - 100, 60 * SECOND));
    assertTrue(policy.due("seats-huge", 1_000 + bound - 50, 1_000 + bound, 60 * SECOND));
  }

  @Test
  void aSnapshotThatFailedIsNotTriedAgainWithinTheSpacing() {
    policy.written("seats-b", 200, 0, 0);

    assertFalse(policy.due("seats-b", 250, 300, SECOND / 10));
    assertTrue(policy.due("seats-b", 250, 300, SECOND));
  }

  @Test
  void withoutSpacingOnlyTheCrossingAndTheSizeDecide() {
    SnapshotPolicy unspaced = new SnapshotPolicy(10, 0);
    unspaced.written("s", 10, 50, 0);

    assertTrue(unspaced.due("s", 19, 20, 0));
    unspaced.written("s", 20, 3_000, 0);
    assertFalse(unspaced.due("s", 29, 30, 0), "3,000 characters wait for 30 events");
    assertTrue(unspaced.due("s", 49, 50, 0));
  }
}
