package org.seatledger.eventlog.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.seatledger.eventlog.api.DigestCheck;
import org.seatledger.eventlog.api.LogDigest;

/**
 * Compares the log, event by event in position order, with a kept digest: each event must still
 * match its own hash (else the exact position is named), positions must follow each other (else the
 * missing one is named), and the running digest must equal the kept one at every checkpoint and at
 * the end (else the range since the last matching checkpoint is named: an event in it was changed
 * and its stream's chain re-computed, or events were replaced). Holds no event: a check streams the
 * log through it.
 */
final class DigestComparison {

  private final LogDigest kept;
  private final Map<Long, String> checkpoints = new HashMap<>();
  private final DigestAccumulator running = new DigestAccumulator();
  private long lastMatched;

  DigestComparison(LogDigest kept) {
    this.kept = kept;
    kept.checkpoints().forEach(c -> checkpoints.put(c.position(), c.digest()));
  }

  /** True once every position of the digest has been taken. */
  boolean complete() {
    return running.position() >= kept.position();
  }

  long checked() {
    return running.position();
  }

  /**
   * Takes the next event of the log.
   *
   * @param intact whether the event still matches its own hash
   * @return the finding, when this event shows that the log differs
   */
  Optional<DigestCheck> next(long position, String hash, boolean intact) {
    long expected = running.position() + 1;
    if (position != expected) {
      return differs(
          expected, expected, "position " + expected + " is missing: an event was deleted");
    }
    if (!intact) {
      return differs(
          position, position, "the event at position " + position + " no longer matches its hash");
    }
    running.add(position, hash);
    String checkpoint = position == kept.position() ? kept.digest() : checkpoints.get(position);
    if (checkpoint == null) {
      return Optional.empty();
    }
    if (!checkpoint.equalsIgnoreCase(running.current())) {
      long from = lastMatched + 1;
      return differs(
          from,
          position,
          from == position
              ? "the event at position " + position + " differs from when the digest was made"
              : "the log differs from when the digest was made at a position from "
                  + from
                  + " to "
                  + position
                  + ": an event there was changed and its stream's hash chain re-computed,"
                  + " or events were replaced");
    }
    lastMatched = position;
    return Optional.empty();
  }

  /** The finding when the log has ended; ok when it covered every position of the digest. */
  DigestCheck end() {
    if (!complete()) {
      long missing = running.position() + 1;
      return new DigestCheck(
          false,
          checked(),
          missing,
          kept.position(),
          "the log ends at position "
              + running.position()
              + " but the digest covers "
              + kept.position()
              + ": events at the end were deleted");
    }
    return new DigestCheck(
        true,
        checked(),
        null,
        null,
        "the log up to position "
            + kept.position()
            + " is unchanged: all "
            + checked()
            + " events give the kept digest");
  }

  private Optional<DigestCheck> differs(long from, long to, String detail) {
    return Optional.of(new DigestCheck(false, checked(), from, to, detail));
  }
}
