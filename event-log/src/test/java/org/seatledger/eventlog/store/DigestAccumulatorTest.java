package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.LogDigest;

/** The digest's canonical form, as an auditor recomputes it with sha256sum. */
class DigestAccumulatorTest {

  static String hashOf(long position) {
    return HexFormat.of().formatHex(sha(("event " + position).getBytes(StandardCharsets.UTF_8)));
  }

  static DigestAccumulator upTo(long position) {
    DigestAccumulator digest = new DigestAccumulator();
    for (long p = 1; p <= position; p++) {
      digest.add(p, hashOf(p));
    }
    return digest;
  }

  @Test
  void theDigestIsSha256OfTheHashesOnePerLine() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (long p = 1; p <= 3; p++) {
      lines.append(hashOf(p)).append('\n');
    }
    LogDigest digest = upTo(3).digest(Instant.EPOCH);

    assertEquals(
        HexFormat.of().formatHex(sha(lines.toString().getBytes(StandardCharsets.US_ASCII))),
        digest.digest());
    assertEquals(3, digest.position());
    assertEquals(hashOf(3), digest.lastHash());
  }

  @Test
  void anEmptyLogHasTheDigestOfNothing() {
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        new DigestAccumulator().digest(Instant.EPOCH).digest());
  }

  @Test
  void checkpointsAreDigestsOfPrefixesAndStayFewOnALongLog() {
    LogDigest digest = upTo(5_000).digest(Instant.EPOCH);

    assertTrue(digest.checkpoints().size() <= DigestAccumulator.MAX_CHECKPOINTS);
    assertTrue(digest.checkpoints().size() > DigestAccumulator.MAX_CHECKPOINTS / 2);
    LogDigest.Checkpoint some = digest.checkpoints().get(100);
    assertEquals(upTo(some.position()).current(), some.digest());
    assertEquals(
        List.of(32L, 64L, 96L),
        digest.checkpoints().subList(0, 3).stream().map(LogDigest.Checkpoint::position).toList(),
        "evenly spaced by a power of two");
  }

  @Test
  void extendingACopyGivesTheSameDigestAsReadingEverythingAgain() {
    DigestAccumulator early = upTo(1_500);
    DigestAccumulator extended = early.copy();
    for (long p = 1_501; p <= 3_000; p++) {
      extended.add(p, hashOf(p));
    }

    assertEquals(upTo(3_000).digest(Instant.EPOCH), extended.digest(Instant.EPOCH));
    assertEquals(1_500, early.position(), "the copy left the original as it was");
    assertEquals(upTo(1_500).current(), early.current());
  }

  @Test
  void positionsMustFollowEachOther() {
    DigestAccumulator digest = upTo(2);
    assertThrows(IllegalArgumentException.class, () -> digest.add(4, hashOf(4)));
  }

  @Test
  void theFingerprintNamesThePositionAndTheFirst128Bits() {
    LogDigest digest =
        new LogDigest(
            42,
            null,
            "3f2a91c07b1e44d20a9c55e1b7f02c63aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            Instant.EPOCH,
            List.of());
    assertEquals("42:3F2A-91C0-7B1E-44D2-0A9C-55E1-B7F0-2C63", digest.fingerprint());
  }

  private static byte[] sha(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
