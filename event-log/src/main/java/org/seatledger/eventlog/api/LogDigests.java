package org.seatledger.eventlog.api;

/**
 * Digests of the whole log an auditor keeps outside the system: a digest names a log position and a
 * hash committing to every event up to it, and a kept digest proves later that the log up to that
 * position is unchanged — also against someone with write access to the database who re-computed
 * the hash chains of the streams they changed (the per-stream verification cannot see that). The
 * canonical form is in {@link LogDigest}.
 */
public interface LogDigests {

  /** A digest of the log up to its newest event. */
  LogDigest digest();

  /**
   * Reads the log from its first event up to the digest's position, a page at a time, and says
   * whether it still gives the kept digest; if not, where it differs (a single position when an
   * event no longer matches its own hash or is missing, else the range between two checkpoints).
   */
  default DigestCheck check(LogDigest kept) {
    return check(kept, HashWitness.NONE);
  }

  /**
   * As {@link #check(LogDigest)}; where only a range between two checkpoints differs, the hashes
   * {@code witness} recorded for that range — once they are shown to give the kept checkpoint —
   * name the exact first position whose stored hash is no longer the one the digest was made of.
   */
  DigestCheck check(LogDigest kept, HashWitness witness);
}
