package org.seatledger.eventlog.api;

/**
 * Fired asynchronously after appends have committed: the log now reaches {@code position}. One
 * notice may stand for several commits: it waits until the group committer has nothing more queued,
 * at most {@code seatledger.projection-wake-up-delay-ms} (so read models do not run beside its next
 * group). Only a wake-up call for projectors; they read the log themselves, so a lost or late
 * notice costs time, never correctness.
 */
public record LogAdvanced(long position) {}
