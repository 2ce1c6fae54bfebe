package org.seatledger.eventlog.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.seatledger.eventlog.api.LogDigest;
import org.seatledger.eventlog.api.LogDigest.Checkpoint;

/**
 * The running digest of the log ({@link LogDigest}'s canonical form): SHA-256 over each event's
 * stored hash and a line feed, in position order, with a checkpoint every {@code spacing}-th
 * position. The spacing starts at 1 and doubles whenever more than {@link #MAX_CHECKPOINTS} would
 * be kept, dropping every other checkpoint, so the checkpoints of a digest depend only on its
 * position and a digest can be extended event by event without reading the log again.
 */
final class DigestAccumulator {

  static final int MAX_CHECKPOINTS = 256;

  private final MessageDigest sha;
  private final List<Checkpoint> checkpoints;
  private long position;
  private String lastHash;
  private long spacing;

  DigestAccumulator() {
    this(sha256(), new ArrayList<>(), 0, null, 1);
  }

  private DigestAccumulator(
      MessageDigest sha,
      List<Checkpoint> checkpoints,
      long position,
      String lastHash,
      long spacing) {
    this.sha = sha;
    this.checkpoints = checkpoints;
    this.position = position;
    this.lastHash = lastHash;
    this.spacing = spacing;
  }

  /** The stored hash of the event at {@link #position()}; null before the first event. */
  String lastHash() {
    return lastHash;
  }

  /** The position covered so far (0 before the first event). */
  long position() {
    return position;
  }

  /**
   * Takes the event at the next position.
   *
   * @throws IllegalArgumentException when {@code eventPosition} is not the next position
   */
  void add(long eventPosition, String hash) {
    if (eventPosition != position + 1) {
      throw new IllegalArgumentException(
          "position " + (position + 1) + " comes next, not " + eventPosition);
    }
    sha.update((hash + "\n").getBytes(StandardCharsets.US_ASCII));
    position = eventPosition;
    lastHash = hash;
    if (position % spacing == 0) {
      checkpoints.add(new Checkpoint(position, current()));
      if (checkpoints.size() > MAX_CHECKPOINTS) {
        spacing *= 2;
        checkpoints.removeIf(c -> c.position() % spacing != 0);
      }
    }
  }

  /** The digest of positions 1 to {@link #position()}, hex. */
  String current() {
    return HexFormat.of().formatHex(copyOf(sha).digest());
  }

  LogDigest digest(Instant issuedAt) {
    return new LogDigest(position, lastHash, current(), issuedAt, checkpoints);
  }

  /** An independent copy: extending it leaves this one as it is. */
  DigestAccumulator copy() {
    return new DigestAccumulator(
        copyOf(sha), new ArrayList<>(checkpoints), position, lastHash, spacing);
  }

  private static MessageDigest copyOf(MessageDigest sha) {
    try {
      return (MessageDigest) sha.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java runtime has SHA-256", impossible);
    }
  }
}
