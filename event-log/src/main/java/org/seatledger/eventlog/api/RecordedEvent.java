package org.seatledger.eventlog.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Objects;

/**
 * One event as the log holds it: its place in the log, its metadata, the hash chain, and its data
 * upcast to the current shape, with erased personal data marked {@link PersonalData#ERASED}.
 *
 * @param event the data as the current record of its type; {@link #NOT_READ} when the reader asked
 *     for none ({@link Decoding#METADATA_ONLY})
 * @param data the same data as JSON, for display and export; empty when the data was not read
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

  /**
   * The {@link #event()} of an event read without its data ({@link Decoding#METADATA_ONLY}): it
   * stands for no type, so no reader mistakes it for one.
   */
  public static final Object NOT_READ =
      new Object() {
        @Override
        public String toString() {
          return "(data not read)";
        }
      };

  /** Whether the event's data was read: false for a reader of {@link Decoding#METADATA_ONLY}. */
  public boolean dataRead() {
    return event != NOT_READ;
  }

  /** This event as a reader of {@link Decoding#METADATA_ONLY} gets it: without its data. */
  public RecordedEvent withoutData() {
    return new RecordedEvent(
        globalPosition,
        streamId,
        streamType,
        streamVersion,
        eventId,
        type,
        schemaVersion,
        recordedAt,
        recordedBy,
        commandId,
        correlationId,
        causationId,
        reason,
        previousHash,
        hash,
        NOT_READ,
        JsonValue.EMPTY_JSON_OBJECT);
  }
}
