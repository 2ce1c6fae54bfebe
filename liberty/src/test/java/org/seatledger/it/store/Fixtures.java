package org.seatledger.it.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.seatledger.booking.api.SeatsReserved;
import org.seatledger.eventlog.api.CommandMetadata;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.eventlog.api.StreamAppend;

/** Small builders for the event store tests. */
final class Fixtures {
  private Fixtures() {}

  static String newStream(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  static CommandMetadata command() {
    return command(UUID.randomUUID().toString());
  }

  static CommandMetadata command(String commandId) {
    return new CommandMetadata(commandId, "corr-" + commandId, commandId, "it-tester", "testing");
  }

  static SeatsReserved reserved(String stream, int seats) {
    return new SeatsReserved(
        stream,
        "b-" + UUID.randomUUID(),
        Map.of("standard", seats),
        Instant.parse("2026-06-01T12:00:00Z"));
  }

  static StreamAppend append(String stream, ExpectedVersion expected, Object... events) {
    return new StreamAppend(stream, "SeatAvailability", expected, List.of(events));
  }
}
