package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * When the read models hear of commits, on a clock the test moves: at once while the committer is
 * idle, at a group's end when nothing is queued behind it, and no later than the first group end
 * after the delay while it stays busy.
 */
class WakeUpTimingTest {

  private static final long MS = 1_000_000;

  private final WakeUpTiming timing = new WakeUpTiming(Duration.ofMillis(5));

  @Test
  void aCommitWhileTheCommitterIsIdleIsAnnouncedAtOnce() {
    assertEquals(OptionalLong.of(7), timing.committed(7, 0));
    assertEquals(OptionalLong.empty(), timing.groupEnded(false, 1 * MS), "announced once only");
  }

  @Test
  void aGroupsCommitIsAnnouncedWhenTheGroupEndsWithNothingQueued() {
    timing.groupStarted();
    assertEquals(OptionalLong.empty(), timing.committed(3, 0), "not while the group is written");
    assertEquals(OptionalLong.of(3), timing.groupEnded(false, 1 * MS));
  }

  @Test
  void whileAppendsAreQueuedTheCommitsOfSeveralGroupsWaitAndAreAnnouncedTogether() {
    timing.groupStarted();
    timing.committed(3, 0);
    assertEquals(OptionalLong.empty(), timing.groupEnded(true, 1 * MS), "the next group waits");
    timing.groupStarted();
    timing.committed(5, 2 * MS);
    assertEquals(OptionalLong.empty(), timing.groupEnded(true, 3 * MS), "still within the delay");
    timing.groupStarted();
    timing.committed(9, 4 * MS);
    assertEquals(
        OptionalLong.of(9), timing.groupEnded(false, 4 * MS), "one wake-up for all three groups");
  }

  @Test
  void aCommitterThatStaysBusyStillAnnouncesAtTheFirstGroupEndAfterTheDelay() {
    timing.groupStarted();
    timing.committed(3, 0);
    timing.groupEnded(true, 2 * MS);
    timing.groupStarted();
    timing.committed(6, 4 * MS);
    assertEquals(
        OptionalLong.of(6),
        timing.groupEnded(true, 5 * MS),
        "5 ms after the oldest commit not announced, although more is queued");
    timing.groupStarted();
    timing.committed(8, 6 * MS);
    assertEquals(
        OptionalLong.empty(),
        timing.groupEnded(true, 7 * MS),
        "the delay counts from the oldest commit not yet announced");
    timing.groupStarted();
    timing.committed(9, 10 * MS);
    assertEquals(OptionalLong.of(9), timing.groupEnded(true, 11 * MS));
  }

  @Test
  void aCommitOfAnotherTransactionDuringAGroupIsAnnouncedAtTheGroupsEnd() {
    timing.groupStarted();
    assertEquals(OptionalLong.empty(), timing.committed(4, 0), "a caller's own transaction");
    timing.committed(6, 1 * MS);
    assertEquals(OptionalLong.of(6), timing.groupEnded(false, 2 * MS));
  }

  @Test
  void aCommitBetweenTwoGroupsAnnouncesWhatTheFirstLeftWaiting() {
    timing.groupStarted();
    timing.committed(3, 0);
    timing.groupEnded(true, 1 * MS);
    assertEquals(
        OptionalLong.of(5), timing.committed(5, 1 * MS), "the committer is between two groups");
  }

  @Test
  void aGroupThatCommittedNothingAnnouncesNothing() {
    timing.groupStarted();
    assertEquals(OptionalLong.empty(), timing.groupEnded(false, 1 * MS));
  }

  @Test
  void theHighestPositionIsAnnouncedWhateverOrderTheCommitsWereSeenIn() {
    timing.groupStarted();
    timing.committed(9, 0);
    timing.committed(4, 0);
    assertEquals(OptionalLong.of(9), timing.groupEnded(false, 1 * MS));
  }

  @Test
  void withNoDelayEveryGroupEndAnnounces() {
    WakeUpTiming eager = new WakeUpTiming(Duration.ZERO);
    eager.groupStarted();
    eager.committed(3, 0);
    assertEquals(OptionalLong.of(3), eager.groupEnded(true, 0));
  }

  @Test
  void aNegativeDelayIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new WakeUpTiming(Duration.ofMillis(-1)));
  }
}
