package org.seatledger.eventlog.api;

/**
 * Fired asynchronously after an append has committed: the log now reaches {@code position}. Only a
 * wake-up call for projectors; they read the log themselves, so a lost or late notice costs time,
 * never correctness.
 */
public record LogAdvanced(long position) {}
