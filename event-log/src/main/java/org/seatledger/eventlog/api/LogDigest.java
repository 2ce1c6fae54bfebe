package org.seatledger.eventlog.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A digest of the log up to a position.
 *
 * <p>Canonical form: {@code digest} is the lowercase hex SHA-256 of the stored hashes of the events
 * at positions 1 to {@code position}, in position order, each as its 64 lowercase hex characters
 * followed by a line feed — what {@code SELECT hash FROM events WHERE global_position <= P ORDER BY
 * global_position} prints one per line, piped into {@code sha256sum}. Each event's hash covers its
 * data, metadata, position and the previous hash of its stream (the hash chain), so the digest
 * commits to every byte of every event up to the position and to their order. A checkpoint is the
 * same hash over positions 1 to its own position: the checkpoints let a check name the range where
 * a log first differs.
 *
 * @param position the log position the digest covers (0: an empty log)
 * @param lastHash the stored hash of the event at {@code position} (null for an empty log)
 * @param digest the hex SHA-256 described above
 * @param issuedAt when the server made it (not covered by the digest)
 * @param checkpoints digests of prefixes of the log, ascending, every {@code n}-th position for a
 *     power of two {@code n} that keeps them at most 256 (a kept digest stays well under the API's
 *     64 KiB request limit)
 */
public record LogDigest(
    long position, String lastHash, String digest, Instant issuedAt, List<Checkpoint> checkpoints) {

  /** The name of the canonical form, written into a downloaded digest. */
  public static final String FORMAT = "seatledger-log-digest-v1";

  public LogDigest {
    Objects.requireNonNull(digest, "digest");
    checkpoints = List.copyOf(checkpoints);
  }

  /** The digest of the log's positions 1 to {@code position}. */
  public record Checkpoint(long position, String digest) {
    public Checkpoint {
      Objects.requireNonNull(digest, "digest");
    }
  }

  /**
   * A fingerprint a person can compare by eye or read out over the phone: the position and the
   * digest's first 128 bits in eight groups of four hex digits, such as {@code
   * 182000:3F2A-91C0-7B1E-44D2-0A9C-55E1-B7F0-2C63}.
   */
  public String fingerprint() {
    StringBuilder groups = new StringBuilder();
    for (int i = 0; i < 32 && i + 4 <= digest.length(); i += 4) {
      groups.append(i == 0 ? "" : "-").append(digest, i, i + 4);
    }
    return position + ":" + groups.toString().toUpperCase(java.util.Locale.ROOT);
  }
}
