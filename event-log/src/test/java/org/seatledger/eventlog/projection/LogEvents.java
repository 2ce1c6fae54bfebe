package org.seatledger.eventlog.projection;

import jakarta.json.JsonValue;
import java.time.Instant;
import org.seatledger.eventlog.api.RecordedEvent;

/** Events of the log as the projection tests need them: one conference stream, nothing personal. */
final class LogEvents {

  private LogEvents() {}

  /** The event at {@code position} (and at that version of its stream), of {@code type}. */
  static RecordedEvent at(long position, String type, Object payload) {
    return new RecordedEvent(
        position,
        "conference-1",
        "Conference",
        position,
        "event-" + position,
        type,
        1,
        Instant.parse("2026-01-01T00:00:00Z"),
        "tester",
        null,
        null,
        null,
        null,
        null,
        null,
        payload,
        JsonValue.EMPTY_JSON_OBJECT);
  }
}
