package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seatledger.eventlog.store.DigestAccumulatorTest.hashOf;
import static org.seatledger.eventlog.store.DigestAccumulatorTest.upTo;

import java.time.Instant;
import java.util.Optional;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.DigestCheck;
import org.seatledger.eventlog.api.LogDigest;

/** A kept digest against the log as it is now: unchanged, or where it differs. */
class DigestComparisonTest {

  private static final LogDigest KEPT = upTo(3_000).digest(Instant.EPOCH);

  private static DigestCheck walk(long upTo, LongFunction<String> hashAt, long skip, long broken) {
    DigestComparison comparison = new DigestComparison(KEPT);
    for (long p = 1; p <= upTo && !comparison.complete(); p++) {
      if (p == skip) {
        continue;
      }
      Optional<DigestCheck> differs = comparison.next(p, hashAt.apply(p), p != broken);
      if (differs.isPresent()) {
        return differs.get();
      }
    }
    return comparison.end();
  }

  @Test
  void theSameLogGivesTheKeptDigest() {
    DigestCheck check = walk(3_000, DigestAccumulatorTest::hashOf, -1, -1);
    assertTrue(check.ok(), check.detail());
    assertEquals(3_000, check.checkedEvents());
  }

  @Test
  void eventsAppendedSinceDoNotMatter() {
    assertTrue(walk(4_000, DigestAccumulatorTest::hashOf, -1, -1).ok());
  }

  @Test
  void anEventWhoseHashWasRecomputedIsFoundBetweenTwoCheckpoints() {
    DigestCheck check = walk(3_000, p -> p == 1_234 ? hashOf(-p) : hashOf(p), -1, -1);

    assertFalse(check.ok());
    assertTrue(
        check.differsFrom() <= 1_234 && 1_234 <= check.differsTo(),
        check.differsFrom() + ".." + check.differsTo());
    assertTrue(check.differsTo() - check.differsFrom() < 16, "within one checkpoint's spacing");
    assertTrue(check.detail().contains("re-computed"), check.detail());
  }

  @Test
  void anEventThatNoLongerMatchesItsOwnHashIsNamedExactly() {
    DigestCheck check = walk(3_000, DigestAccumulatorTest::hashOf, -1, 777);
    assertFalse(check.ok());
    assertTrue(check.exact());
    assertEquals(777, check.differsFrom());
  }

  @Test
  void aDeletedEventIsNamed() {
    DigestCheck check = walk(3_000, DigestAccumulatorTest::hashOf, 10, -1);
    assertEquals(10, check.differsFrom());
    assertTrue(check.detail().contains("missing"), check.detail());
  }

  @Test
  void aLogCutShortIsFound() {
    DigestCheck check = walk(2_990, DigestAccumulatorTest::hashOf, -1, -1);
    assertFalse(check.ok());
    assertEquals(2_991, check.differsFrom());
    assertTrue(check.detail().contains("deleted"), check.detail());
  }

  @Test
  void theLastEventChangedAfterTheLastCheckpointIsFoundAtTheEnd() {
    DigestCheck check = walk(3_000, p -> p == 2_999 ? hashOf(-p) : hashOf(p), -1, -1);
    assertFalse(check.ok());
    assertEquals(3_000, check.differsTo());
    assertTrue(check.differsFrom() <= 2_999);
  }
}
