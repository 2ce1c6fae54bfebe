package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rows of a one-trip append as JSON: read back by a JSON parser (as the database's {@code
 * JSON_TABLE} reads them) they must be exactly the values the hash chain was computed over.
 */
class OneTripAppendTest {

  @Test
  void everyStringComesBackExactlyWhateverItsCharactersAndTheTextSentIsAscii() {
    StoredEvent event = event();
    event.payload = "{\"name\":\"Zoë \\\"Z\\\" O'Brien\",\"note\":\"a\\\\b\\n\\t€ 😀\"}\u0001";
    event.reason = "moved to row 7 — café";

    String json = OneTripAppend.eventsJson(List.of(event));

    assertFalse(json.chars().anyMatch(c -> c > 0x7e || c < 0x20), "sent as ASCII: " + json);
    JsonObject row = read(json).getJsonObject(0);
    assertEquals(event.payload, row.getString("payload"));
    assertEquals(event.reason, row.getString("reason"));
    assertEquals(event.globalPosition, row.getJsonNumber("global_position").longValueExact());
    assertEquals(event.recordedAtMicros, row.getJsonNumber("recorded_at").longValueExact());
    assertEquals(event.hash, row.getString("hash"));
  }

  @Test
  void aNullValueIsLeftOutSoTheColumnReadsNull() {
    StoredEvent event = event();
    event.reason = null;
    ProcessedCommand done = new ProcessedCommand();
    done.commandId = "c-1";
    done.outcome = null;
    done.firstPosition = 5L;
    done.lastPosition = 6L;
    done.recordedAtMicros = 7;

    assertFalse(
        read(OneTripAppend.eventsJson(List.of(event))).getJsonObject(0).containsKey("reason"));
    JsonObject command = read(OneTripAppend.commandsJson(List.of(done))).getJsonObject(0);
    assertFalse(command.containsKey("outcome"));
    assertEquals(6, command.getJsonNumber("last_position").longValueExact());
  }

  @Test
  void rowsKeepTheirOrderAndAnEmptyListIsAnEmptyArray() {
    StoredEvent a = event();
    StoredEvent b = event();
    b.globalPosition = a.globalPosition + 1;
    AppendKeys.NewKey key = new AppendKeys.NewKey("person-1", "k-1", "wrapped", 9);

    JsonArray events = read(OneTripAppend.eventsJson(List.of(a, b)));
    assertEquals(2, events.size());
    assertEquals(
        b.globalPosition,
        events.getJsonObject(1).getJsonNumber("global_position").longValueExact());
    assertEquals("[]", OneTripAppend.keysJson(List.of()));
    assertEquals(
        "person-1",
        read(OneTripAppend.keysJson(List.of(key))).getJsonObject(0).getString("subject_id"));
  }

  private static JsonArray read(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readArray();
    }
  }

  private static StoredEvent event() {
    StoredEvent e = new StoredEvent();
    e.globalPosition = 9_007_199_254_740_993L; // above 2^53: no detour through a double
    e.eventId = "6f0c1f8e-0000-4000-8000-000000000001";
    e.streamId = "booking-1";
    e.streamType = "Booking";
    e.streamVersion = 1;
    e.eventType = "BookingPlaced";
    e.schemaVersion = 2;
    e.payload = "{}";
    e.recordedAtMicros = 1_700_000_000_123_456L;
    e.recordedBy = "sam";
    e.commandId = "c-1";
    e.correlationId = "corr-1";
    e.causationId = "cause-1";
    e.reason = "why";
    e.previousHash = HashChain.GENESIS;
    e.hash = "ab".repeat(32);
    return e;
  }
}
