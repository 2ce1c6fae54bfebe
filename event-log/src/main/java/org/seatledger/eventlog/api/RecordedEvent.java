package org.seatledger.eventlog.api;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * One event as the log holds it: its place in the log, its metadata, the hash chain, and its data
 * upcast to the current shape, with erased personal data marked {@link PersonalData#ERASED}.
 *
 * @param event the data as the current record of its type
 * @param data the same data as JSON, for display and export
 */
public record RecordedEvent(
    long globalPosition,
    String streamId,
    String streamType,
    long streamVersion,
    String eventId,
    String type,
    int schemaVersion,
    Instant recordedAt,
    String recordedBy,
    String commandId,
    String correlationId,
    String causationId,
    String reason,
    String previousHash,
    String hash,
    Object event,
    JsonObject data) {

  public RecordedEvent {
    Objects.requireNonNull(streamId, "streamId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(data, "data");
  }
}
