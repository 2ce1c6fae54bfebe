package org.seatledger.eventlog.store;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.seatledger.eventlog.api.DigestCheck;
import org.seatledger.eventlog.api.HashWitness;
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

  /** Looks inside a range the checkpoints could not narrow down further. */
  @FunctionalInterface
  interface Narrowing {
    Narrowing NONE = (from, to, before, expected) -> Optional.empty();

    /**
     * The first position from {@code from} to {@code to} whose stored hash is not the one the
     * digest was made of, when that can be told.
     *
     * @param before the running digest up to {@code from - 1}, which gave the kept one there
     * @param expected the kept digest of positions 1 to {@code to}
     */
    Optional<Long> firstDiffering(long from, long to, DigestAccumulator before, String expected);
  }

  /**
   * Replays the witness's hashes of a range onto the running digest before it: when they give the
   * kept checkpoint they are the hashes the digest was made of, and the first position whose stored
   * hash is another one is where the log was changed. A position the witness has no hash for is
   * replayed with the stored one: the kept checkpoint then vouches for that one too. Otherwise the
   * witness is no proof (it was changed too, or missed the changed position) and nothing is named.
   * Reads {@code page} positions at a time, from the witness and from the log ({@code stored}).
   */
  static Narrowing byWitness(HashWitness witness, HashWitness stored, int page) {
    return (from, to, before, expected) -> {
      Long first = null;
      for (long low = from; low <= to; low += page) {
        long high = Math.min(to, low + page - 1);
        Map<Long, String> witnessed = witness.hashes(low, high);
        Map<Long, String> now = stored.hashes(low, high);
        for (long position = low; position <= high; position++) {
          String hash = witnessed.get(position);
          String storedHash = now.get(position);
          if (hash == null && storedHash == null) {
            return Optional.empty();
          }
          if (hash == null) {
            hash = storedHash;
          } else if (first == null && !hash.equalsIgnoreCase(storedHash)) {
            first = position;
          }
          before.add(position, hash.toLowerCase(Locale.ROOT));
        }
      }
      return before.current().equalsIgnoreCase(expected)
          ? Optional.ofNullable(first)
          : Optional.empty();
    };
  }

  private final LogDigest kept;
  private final Narrowing narrowing;
  private final Map<Long, String> checkpoints = new HashMap<>();
  private final DigestAccumulator running = new DigestAccumulator();
  private long lastMatched;
  private DigestAccumulator atLastMatched = new DigestAccumulator();

  DigestComparison(LogDigest kept) {
    this(kept, Narrowing.NONE);
  }

  DigestComparison(LogDigest kept, Narrowing narrowing) {
    this.kept = kept;
    this.narrowing = narrowing;
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
      Optional<Long> exact =
          from == position
              ? Optional.of(position)
              : narrowing.firstDiffering(from, position, atLastMatched.copy(), checkpoint);
      if (exact.isPresent()) {
        long at = exact.get();
        return differs(
            at,
            at,
            "the event at position "
                + at
                + " differs from when the digest was made"
                + (from == position
                    ? ""
                    : ": its stored hash is not the one recorded when it was appended (a record"
                        + " the kept digest vouches for), so it was changed and its stream's hash"
                        + " chain re-computed, or it was replaced"));
      }
      return differs(
          from,
          position,
          "the log differs from when the digest was made at a position from "
              + from
              + " to "
              + position
              + ": an event there was changed and its stream's hash chain re-computed,"
              + " or events were replaced (no record of their hashes that the kept digest"
              + " vouches for names which one)");
    }
    lastMatched = position;
    atLastMatched = running.copy();
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
