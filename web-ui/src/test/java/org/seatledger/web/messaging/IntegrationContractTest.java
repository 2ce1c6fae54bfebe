package org.seatledger.web.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.seatledger.booking.api.AttendeesAssigned;
import org.seatledger.booking.api.BookingCancelled;
import org.seatledger.booking.api.BookingConfirmed;
import org.seatledger.booking.api.BookingExpired;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.ConferencePublished;
import org.seatledger.booking.api.PersonalDataErased;
import org.seatledger.booking.api.SeatCapacityChanged;
import org.seatledger.booking.api.SeatsCommitted;
import org.seatledger.booking.api.SeatsReleased;
import org.seatledger.booking.api.SeatsReserved;
import org.seatledger.eventlog.api.RecordedEvent;

/**
 * The public contract, held by golden files ({@code src/test/resources/integration/golden}): each
 * stored event makes exactly the message (key, CloudEvents headers, data) of its golden file, and
 * each golden file's data fits its type's JSON schema in {@code docs/integration/schemas}. A change
 * to a message's shape fails here until its schema gets a new version. {@code -Dgolden.write=true}
 * writes the files anew (then read the diff).
 */
class IntegrationContractTest {

  static final Path GOLDEN = Path.of("src/test/resources/integration/golden");
  static final Path SCHEMAS = Path.of("../docs/integration/schemas");

  private static final String CONFERENCE = "0b5c8f4e-2f43-4a57-9a0c-5a1f3c1f0e11";
  private static final String BOOKING = "7d1f0a3c-9b1e-4c55-8f0e-2a6b5d4c3e21";
  private static final String REGISTRANT = "c3a9e1f2-6d7b-4e8a-9f10-1b2c3d4e5f60";
  private static final Instant AT = Instant.parse("2026-12-02T09:30:00.123456Z");
  private static final Instant HOLD = Instant.parse("2026-12-02T09:45:00Z");

  /** Personal data in the samples: none of it may reach a message. */
  private static final List<String> PERSONAL =
      List.of("Ann Example", "ann@example.org", "IBAN DE02 Ann", "Ann fell ill");

  private final IntegrationContract contract =
      new IntegrationContract(booking -> BOOKING.equals(booking) ? CONFERENCE : null);

  /** Every golden case: file name → the stored event it is made from. */
  static Map<String, Object> cases() {
    Map<String, Object> cases = new LinkedHashMap<>();
    cases.put("ConferencePublished.v1", new ConferencePublished(CONFERENCE));
    cases.put(
        "BookingPlaced.v1",
        new BookingPlaced(
            BOOKING,
            CONFERENCE,
            REGISTRANT,
            "Ann Example",
            "ann@example.org",
            Map.of("standard", 2, "workshop", 1),
            new BigDecimal("390.00"),
            "EUR",
            HOLD));
    cases.put(
        "BookingConfirmed.v1",
        new BookingConfirmed(
            BOOKING, REGISTRANT, "IBAN DE02 Ann", new BigDecimal("390.00"), "EUR"));
    cases.put("BookingCancelled.v1", new BookingCancelled(BOOKING, REGISTRANT, "Ann fell ill"));
    cases.put("BookingExpired.v1", new BookingExpired(BOOKING, HOLD));
    cases.put(
        "SeatAvailabilityChanged.v1.held",
        new SeatsReserved(CONFERENCE, BOOKING, Map.of("standard", 2, "workshop", 1), HOLD));
    cases.put(
        "SeatAvailabilityChanged.v1.sold",
        new SeatsCommitted(CONFERENCE, BOOKING, Map.of("standard", 2, "workshop", 1)));
    cases.put(
        "SeatAvailabilityChanged.v1.released",
        new SeatsReleased(CONFERENCE, BOOKING, Map.of("standard", 2), "Ann fell ill", true));
    cases.put(
        "SeatAvailabilityChanged.v1.capacity",
        new SeatCapacityChanged(CONFERENCE, "standard", 250));
    cases.put("PersonalDataErased.v1", new PersonalDataErased(REGISTRANT));
    return cases;
  }

  @Test
  void everyStoredEventOfTheContractMakesTheMessageOfItsGoldenFile() throws IOException {
    long position = 40;
    for (Map.Entry<String, Object> c : cases().entrySet()) {
      IntegrationEvent message =
          contract.toIntegration(recorded(++position, c.getValue())).orElseThrow();
      JsonObject actual = message(message);
      Path file = GOLDEN.resolve(c.getKey() + ".json");
      if (Boolean.getBoolean("golden.write")) {
        Files.createDirectories(GOLDEN);
        Files.writeString(file, pretty(actual));
      }
      assertEquals(read(file), actual, c.getKey());
    }
  }

  @Test
  void everyGoldenMessageFitsTheSchemaOfItsTypeAndVersion() throws IOException {
    for (Path file : goldenFiles()) {
      JsonObject golden = read(file);
      JsonObject headers = golden.getJsonObject("headers");
      String type =
          headers.getString(CloudEvents.TYPE).substring(IntegrationContract.TYPE_PREFIX.length());
      String version = headers.getString(CloudEvents.SCHEMA_VERSION);
      JsonObject schema = read(SCHEMAS.resolve(type + ".v" + version + ".json"));
      List<String> problems = SchemaCheck.problems(schema, golden.getJsonObject("data"));
      assertEquals(List.of(), problems, file.toString());
    }
  }

  @Test
  void everyTypeOfTheContractHasASchemaOfItsCurrentVersionAndAGoldenMessage() throws IOException {
    Set<String> golden = new TreeSet<>();
    for (Path file : goldenFiles()) {
      golden.add(file.getFileName().toString().replaceAll("\\.v\\d+.*", ""));
    }
    for (Map.Entry<String, Integer> type : IntegrationContract.TYPES.entrySet()) {
      Path schema = SCHEMAS.resolve(type.getKey() + ".v" + type.getValue() + ".json");
      assertTrue(Files.exists(schema), "no schema " + schema);
      assertTrue(golden.contains(type.getKey()), "no golden message of " + type.getKey());
    }
    assertEquals(new TreeSet<>(IntegrationContract.TYPES.keySet()), golden);
  }

  @Test
  void noMessageCarriesPersonalData() {
    long position = 1;
    for (Object event : cases().values()) {
      String text =
          message(contract.toIntegration(recorded(++position, event)).orElseThrow()).toString();
      for (String personal : PERSONAL) {
        assertFalse(text.contains(personal), personal + " in " + text);
      }
    }
  }

  @Test
  void eventsOutsideTheContractMakeNoMessage() {
    assertTrue(
        contract.toIntegration(recorded(7, new AttendeesAssigned(BOOKING, List.of()))).isEmpty());
  }

  /** The message as a consumer sees it: key, headers and data, as one JSON object. */
  static JsonObject message(IntegrationEvent event) {
    JsonObjectBuilder headers = Json.createObjectBuilder();
    CloudEvents.headers(event).forEach(headers::add);
    return Json.createObjectBuilder()
        .add("key", event.key())
        .add("headers", headers)
        .add("data", event.data())
        .build();
  }

  static RecordedEvent recorded(long position, Object event) {
    return new RecordedEvent(
        position,
        "stream-1",
        "Booking",
        3,
        "00000000-0000-4000-8000-0000000000" + position,
        event.getClass().getSimpleName(),
        1,
        AT,
        "staff",
        "c:staff:key-1",
        "corr-1",
        "cause-1",
        null,
        "prev",
        "hash",
        event,
        JsonValue.EMPTY_JSON_OBJECT);
  }

  static List<Path> goldenFiles() throws IOException {
    try (Stream<Path> files = Files.list(GOLDEN)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  static JsonObject read(Path file) throws IOException {
    try (JsonReader reader =
        Json.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
      return reader.readObject();
    }
  }

  static String pretty(JsonObject json) {
    java.io.StringWriter out = new java.io.StringWriter();
    Json.createWriterFactory(Map.of(jakarta.json.stream.JsonGenerator.PRETTY_PRINTING, true))
        .createWriter(out)
        .write(json);
    return out.toString().strip() + "\n";
  }
}
