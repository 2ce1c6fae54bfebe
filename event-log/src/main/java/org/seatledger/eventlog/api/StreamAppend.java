package org.seatledger.eventlog.api;

import java.util.List;
import java.util.Objects;

/** New events for one stream, given the version the writer expects it to be at. */
public record StreamAppend(
    String streamId, String streamType, ExpectedVersion expected, List<Object> events) {

  public StreamAppend {
    Objects.requireNonNull(streamId, "streamId");
    Objects.requireNonNull(streamType, "streamType");
    Objects.requireNonNull(expected, "expected");
    events = List.copyOf(events);
    if (streamId.isBlank() || streamId.length() > 100) {
      throw new IllegalArgumentException("a stream id has 1 to 100 characters");
    }
    if (events.isEmpty()) {
      throw new IllegalArgumentException("an append has at least one event");
    }
  }
}
