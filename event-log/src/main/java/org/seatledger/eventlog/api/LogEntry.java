package org.seatledger.eventlog.api;

import java.time.Instant;

/**
 * One event's place and metadata as the log holds them, without its data: what a search of the log
 * answers ({@link LogSearch}), read from the metadata columns alone, so no payload is read,
 * decrypted or decoded.
 */
public record LogEntry(
    long globalPosition,
    String streamId,
    String streamType,
    long streamVersion,
    String type,
    Instant recordedAt,
    String recordedBy,
    String commandId,
    String correlationId,
    String causationId,
    String reason) {}
