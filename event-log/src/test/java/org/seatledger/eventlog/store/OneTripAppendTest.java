package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The rows of a one-trip append as JSON: read back by a JSON parser (as the database's {@code
 * JSON_TABLE} reads them) they must be exactly the values the hash chain was computed over, each at
 * the index the stored procedure reads its column from.
 */
class OneTripAppendTest {

  @Test
  void everyStringComesBackExactlyWhateverItsCharactersAndTheTextSentIsAscii() {
    StoredEvent event = event();
    event.payload = "{\"name\":\"Zoë \\\"Z\\\" O'Brien\",\"note\":\"a\\\\b\\n\\t€ 😀\"}\u0001";
    event.reason = "moved to row 7 — café";

    String json = OneTripAppend.eventsJson(List.of(event));

    assertFalse(json.chars().anyMatch(c -> c > 0x7e || c < 0x20), "sent as ASCII: " + json);
    JsonArray row = read(json).getJsonArray(0);
    assertEquals(event.payload, row.getString(eventColumn("payload")));
    assertEquals(event.reason, row.getString(eventColumn("reason")));
    assertEquals(event.hash, row.getString(eventColumn("hash")));
  }

  @Test
  void everyValueOfAnEventIsAtTheIndexOfItsColumn() {
    StoredEvent e = event();

    JsonArray row = read(OneTripAppend.eventsJson(List.of(e))).getJsonArray(0);

    assertEquals(OneTripAppend.EVENT_COLUMNS.size(), row.size());
    assertEquals(e.globalPosition, number(row, "global_position"));
    assertEquals(e.eventId, row.getString(eventColumn("event_id")));
    assertEquals(e.streamId, row.getString(eventColumn("stream_id")));
    assertEquals(e.streamType, row.getString(eventColumn("stream_type")));
    assertEquals(e.streamVersion, number(row, "stream_version"));
    assertEquals(e.eventType, row.getString(eventColumn("event_type")));
    assertEquals(e.schemaVersion, number(row, "schema_version"));
    assertEquals(e.payload, row.getString(eventColumn("payload")));
    assertEquals(e.recordedAtMicros, number(row, "recorded_at"));
    assertEquals(e.recordedBy, row.getString(eventColumn("recorded_by")));
    assertEquals(e.commandId, row.getString(eventColumn("command_id")));
    assertEquals(e.correlationId, row.getString(eventColumn("correlation_id")));
    assertEquals(e.causationId, row.getString(eventColumn("causation_id")));
    assertEquals(e.reason, row.getString(eventColumn("reason")));
    assertEquals(e.previousHash, row.getString(eventColumn("previous_hash")));
    assertEquals(e.hash, row.getString(eventColumn("hash")));
  }

  @Test
  void aNullValueIsJsonNullSoTheColumnReadsNull() {
    StoredEvent event = event();
    event.reason = null;
    ProcessedCommand done = new ProcessedCommand();
    done.commandId = "c-1";
    done.outcome = null;
    done.firstPosition = null;
    done.lastPosition = 6L;
    done.recordedAtMicros = 7;

    JsonArray row = read(OneTripAppend.eventsJson(List.of(event))).getJsonArray(0);
    assertTrue(row.isNull(eventColumn("reason")));
    assertEquals(OneTripAppend.EVENT_COLUMNS.size(), row.size());
    JsonArray command = read(OneTripAppend.commandsJson(List.of(done))).getJsonArray(0);
    List<String> columns = OneTripAppend.COMMAND_COLUMNS;
    assertEquals("c-1", command.getString(columns.indexOf("command_id")));
    assertTrue(command.isNull(columns.indexOf("outcome")));
    assertTrue(command.isNull(columns.indexOf("first_position")));
    assertEquals(6, command.getJsonNumber(columns.indexOf("last_position")).longValueExact());
    assertEquals(7, command.getJsonNumber(columns.indexOf("recorded_at")).longValueExact());
  }

  @Test
  void rowsKeepTheirOrderAndAnEmptyListIsAnEmptyArray() {
    StoredEvent a = event();
    StoredEvent b = event();
    b.globalPosition = a.globalPosition + 1;
    AppendKeys.NewKey key = new AppendKeys.NewKey("person-1", "k-1", "wrapped", 9);

    JsonArray events = read(OneTripAppend.eventsJson(List.of(a, b)));
    assertEquals(2, events.size());
    assertEquals(b.globalPosition, number(events.getJsonArray(1), "global_position"));
    assertEquals("[]", OneTripAppend.keysJson(List.of()));
    assertEquals(
        List.of("person-1", "k-1", "wrapped"),
        read(OneTripAppend.keysJson(List.of(key))).getJsonArray(0).stream()
            .limit(3)
            .map(value -> ((JsonString) value).getString())
            .toList());
    assertEquals(
        9,
        read(OneTripAppend.keysJson(List.of(key)))
            .getJsonArray(0)
            .getJsonNumber(OneTripAppend.KEY_COLUMNS.indexOf("created_at"))
            .longValueExact());
  }

  @Test
  void theProcedureReadsEachColumnAtTheIndexItIsWritten() throws IOException {
    String migration;
    try (InputStream in =
        getClass().getResourceAsStream("/db/eventlog/V7__append_group_rows.sql")) {
      migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, List<String>> tables = new LinkedHashMap<>();
    Matcher table =
        Pattern.compile(
                "JSON_TABLE\\(p_(\\w+), '\\$\\[\\*\\]' COLUMNS \\((.*?)\\)\\) AS", Pattern.DOTALL)
            .matcher(migration);
    while (table.find()) {
      List<String> columns = new ArrayList<>();
      Matcher column =
          Pattern.compile("(\\w+) \\w+ PATH '\\$\\[(\\d+)\\]'").matcher(table.group(2));
      while (column.find()) {
        assertEquals(columns.size(), Integer.parseInt(column.group(2)), column.group());
        columns.add(column.group(1));
      }
      tables.put(table.group(1), columns);
    }

    assertEquals(OneTripAppend.KEY_COLUMNS, tables.get("keys"));
    assertEquals(OneTripAppend.EVENT_COLUMNS, tables.get("events"));
    assertEquals(OneTripAppend.COMMAND_COLUMNS, tables.get("commands"));
  }

  private static int eventColumn(String name) {
    return OneTripAppend.EVENT_COLUMNS.indexOf(name);
  }

  private static long number(JsonArray row, String column) {
    return row.getJsonNumber(eventColumn(column)).longValueExact();
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
