package org.seatledger.audit.application;

import java.util.ArrayList;
import java.util.List;

/**
 * How the audit trail keeps the hashes it recorded: {@value #SIZE} consecutive positions of the log
 * to a row of {@code audit_hash_blocks}, block {@code b} holding positions {@code b·SIZE + 1} to
 * {@code (b + 1)·SIZE}. The row's {@code applied} says how many of them, from the first, the trail
 * has applied (it takes every position in order, nothing skipped); its {@code hashes} are their
 * recorded hashes one after the other, each in a slot of {@value #SLOT} characters: {@code h} and
 * the hash as read, padded with spaces to {@value #HASH} characters, {@code n} and spaces where the
 * event had none, or {@code m} and spaces where the log had no event at the position when the trail
 * passed it (a deleted row: the verifications name it; the trail records no hash for it). A hash as
 * read is at most {@value #HASH} characters ({@code events.hash} is {@code CHAR(64)}, which also
 * never returns trailing spaces), so every value, a rewritten one included, is kept exactly as it
 * read. Characters are counted as code points, as the database counts them (audit V8 wrote the
 * first blocks in SQL).
 *
 * <p>A row per event made the trail's rebuild mostly the database's work of inserting 1.6 million
 * narrow rows (10 s of the 16); the same hashes in blocks of {@value #SIZE} insert in well under a
 * second, and a replaced generation is deleted as quickly.
 */
final class TrailBlocks {

  /** Positions to a block. */
  static final int SIZE = 32;

  /** Characters of a recorded hash's room in a slot. */
  static final int HASH = 64;

  /** Characters of one slot: the mark and the hash's room. */
  static final int SLOT = HASH + 1;

  private static final String NO_HASH = "n" + " ".repeat(HASH);

  private static final String MISSING = "m" + " ".repeat(HASH);

  private TrailBlocks() {}

  /** The block holding {@code position}. */
  static long blockOf(long position) {
    return (position - 1) / SIZE;
  }

  /** The position of the first slot of {@code block}. */
  static long firstOf(long block) {
    return block * SIZE + 1;
  }

  /** The slot of one recorded hash (null: the event had none). */
  static String slot(String hash) {
    if (hash == null) {
      return NO_HASH;
    }
    int length = hash.codePointCount(0, hash.length());
    if (length > HASH) {
      throw new IllegalArgumentException(
          "a recorded hash has at most " + HASH + " characters, not " + length + ": " + hash);
    }
    return "h" + hash + " ".repeat(HASH - length);
  }

  /** The slot of a position the log had no event at when the trail passed it. */
  static String missing() {
    return MISSING;
  }

  /**
   * The hashes of a block's slots, in order (null where the event had none or the log had no
   * event).
   */
  static List<String> hashes(String slots) {
    int[] characters = slots.codePoints().toArray();
    if (characters.length % SLOT != 0) {
      throw new IllegalStateException(
          "an audit trail block of " + characters.length + " characters is not whole slots");
    }
    List<String> hashes = new ArrayList<>(characters.length / SLOT);
    for (int at = 0; at < characters.length; at += SLOT) {
      if (characters[at] == 'h') {
        hashes.add(new String(characters, at + 1, HASH).stripTrailing());
      } else {
        hashes.add(null);
      }
    }
    return hashes;
  }
}
