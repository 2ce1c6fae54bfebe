package org.seatledger.eventlog.api;

/**
 * What a walk along the hash chain found.
 *
 * @param ok true when every checked event still matches its hash and its place in the chain
 * @param checkedEvents how many events were checked
 * @param firstBadPosition the global position of the first event that no longer matches (or where
 *     one is missing); {@code null} when ok
 * @param streamId the stream checked, or {@code null} for the whole log
 * @param detail a sentence saying what was found
 */
public record VerificationReport(
    boolean ok, long checkedEvents, Long firstBadPosition, String streamId, String detail) {}
