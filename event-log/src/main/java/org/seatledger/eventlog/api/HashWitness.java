package org.seatledger.eventlog.api;

import java.util.Map;

/**
 * A record of events' stored hashes kept outside the event table when they were appended (the audit
 * trail keeps one). A digest check uses it to name the exact position where the log first differs
 * inside a range the kept digest's checkpoints can only narrow down: it trusts the record only when
 * its hashes give the kept checkpoint at the end of that range, so whoever can change the database
 * cannot mislead a check through it — at worst the check names the range instead.
 */
@FunctionalInterface
public interface HashWitness {

  /** A witness that recorded nothing: checks name ranges. */
  HashWitness NONE = (from, to) -> Map.of();

  /**
   * The hashes recorded for the positions {@code from} to {@code to} (inclusive), by position;
   * positions it has none for are missing from the answer.
   */
  Map<Long, String> hashes(long from, long to);
}
