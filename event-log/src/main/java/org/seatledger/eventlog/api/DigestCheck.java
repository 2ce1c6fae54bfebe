package org.seatledger.eventlog.api;

/**
 * What checking a kept digest against the log found.
 *
 * @param ok true when the log up to the digest's position still gives the digest
 * @param checkedEvents how many events were read
 * @param differsFrom the first position that may differ: the exact position when a single event no
 *     longer matches its own hash or is missing, else the start of the range between two
 *     checkpoints; null when ok
 * @param differsTo the last position of that range (equal to {@code differsFrom} when exact); null
 *     when ok
 * @param detail a sentence saying what was found
 */
public record DigestCheck(
    boolean ok, long checkedEvents, Long differsFrom, Long differsTo, String detail) {

  /** True when the position where the log differs is known exactly. */
  public boolean exact() {
    return differsFrom != null && differsFrom.equals(differsTo);
  }
}
