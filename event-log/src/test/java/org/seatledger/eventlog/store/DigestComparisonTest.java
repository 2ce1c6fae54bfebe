package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seatledger.eventlog.store.DigestAccumulatorTest.hashOf;
import static org.seatledger.eventlog.store.DigestAccumulatorTest.upTo;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.DigestCheck;
import org.seatledger.eventlog.api.HashWitness;
import org.seatledger.eventlog.api.LogDigest;

/** A kept digest against the log as it is now: unchanged, or where it differs. */
class DigestComparisonTest {

  private static final LogDigest KEPT = upTo(3_000).digest(Instant.EPOCH);

  private static DigestCheck walk(long upTo, LongFunction<String> hashAt, long skip, long broken) {
    return walk(new DigestComparison(KEPT), upTo, hashAt, skip, broken);
  }

  private static DigestCheck walk(
      DigestComparison comparison, long upTo, LongFunction<String> hashAt, long skip, long broken) {
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

  /**
   * Event 1,234 rewritten and its stream re-chained: its later events 1,236 and 1,239 change too.
   */
  private static String rechained(long p) {
    return p == 1_234 || p == 1_236 || p == 1_239 ? hashOf(-p) : hashOf(p);
  }

  /** What a witness recorded: the hashes at append time, or (tampered) the log's current ones. */
  private static HashWitness recording(LongFunction<String> hashAt, long missing) {
    return (from, to) -> {
      Map<Long, String> hashes = new HashMap<>();
      for (long p = from; p <= to; p++) {
        if (p != missing) {
          hashes.put(p, hashAt.apply(p));
        }
      }
      return hashes;
    };
  }

  /** The log with event 1,234 rewritten and its stream re-chained, checked with {@code witness}. */
  private static DigestCheck rechainedCheckedWith(HashWitness witness) {
    DigestComparison comparison =
        new DigestComparison(
            KEPT,
            DigestComparison.byWitness(witness, recording(DigestComparisonTest::rechained, -1), 5));
    return walk(comparison, 3_000, DigestComparisonTest::rechained, -1, -1);
  }

  @Test
  void aWitnessTheKeptDigestVouchesForNamesTheFirstRewrittenEventExactly() {
    DigestCheck check = rechainedCheckedWith(recording(DigestAccumulatorTest::hashOf, -1));

    assertFalse(check.ok());
    assertTrue(check.exact(), check.differsFrom() + ".." + check.differsTo());
    assertEquals(1_234, check.differsFrom(), check.detail());
    assertTrue(check.detail().contains("position 1234"), check.detail());
  }

  @Test
  void aWitnessChangedWithTheLogOrMissingTheChangedEventOnlyNarrowsToTheRange() {
    for (HashWitness untrusted :
        List.of(
            recording(DigestComparisonTest::rechained, -1),
            recording(DigestAccumulatorTest::hashOf, 1_234))) {
      DigestCheck check = rechainedCheckedWith(untrusted);

      assertFalse(check.ok());
      assertFalse(check.exact(), "a witness the digest does not vouch for names nothing");
      assertTrue(check.differsFrom() <= 1_234 && 1_234 <= check.differsTo());
    }
  }

  @Test
  void aWitnessMissingAnUnchangedEventStillNamesTheRewrittenOneExactly() {
    // the audit trail records no hash where it found no event (a row deleted, then put back)
    DigestCheck check = rechainedCheckedWith(recording(DigestAccumulatorTest::hashOf, 1_235));

    assertFalse(check.ok());
    assertTrue(check.exact(), check.differsFrom() + ".." + check.differsTo());
    assertEquals(1_234, check.differsFrom(), check.detail());
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
