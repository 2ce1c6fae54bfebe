package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.seatledger.booking.api.BookingCancelled;
import org.seatledger.booking.api.BookingConfirmed;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.SeatsReserved;
import org.seatledger.booking.application.BookingCatalogue;
import org.seatledger.eventlog.api.EventDecodingException;
import org.seatledger.eventlog.api.EventType;
import org.seatledger.eventlog.api.PersonalData;

/**
 * Stored JSON of every event type and version, kept as golden fixtures for good: what was stored
 * once must read the same for ever.
 */
class EventSerializerTest {

  private final InMemoryDataKeys keys = new InMemoryDataKeys();
  private final EventSerializer serializer =
      new EventSerializer(
          new EventTypes(List.of(new BookingCatalogue())), new PersonalDataCipher(keys));

  private static final SeatsReserved SEATS_RESERVED =
      new SeatsReserved(
          "c-1", "b-1", Map.of("standard", 2, "vip", 1), Instant.parse("2026-03-01T10:15:00Z"));

  private static final BookingPlaced BOOKING_PLACED =
      new BookingPlaced(
          "b-1",
          "c-1",
          "r-1",
          "Ada Lovelace",
          "ada@example.org",
          Map.of("standard", 2),
          new BigDecimal("398.00"),
          "EUR",
          Instant.parse("2026-03-01T10:15:00Z"));

  @Test
  void everyEventTypeReadsItsGoldenFixtureAndWritesTheSameShape() {
    for (Object event : GoldenEvents.all()) {
      EventSerializer.Serialized stored = serializer.serialize(event, keys);
      String name = stored.type() + ".v" + stored.schemaVersion() + ".json";
      String golden = fixtureText(name);
      assertEquals(
          event,
          serializer.deserialize(stored.type(), stored.schemaVersion(), golden).event(),
          name);
      assertEquals(
          ciphertextsMasked(fixture(name)),
          ciphertextsMasked(EventSerializer.parse(stored.payload())),
          name + " is written in the stored shape");
    }
  }

  @Test
  void everyEventRecordIsRegisteredAndHasAGoldenSample() throws Exception {
    Path api =
        Path.of(BookingCatalogue.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve("org/seatledger/booking/api");
    EventTypes types = new EventTypes(List.of(new BookingCatalogue()));
    Set<Class<?>> sampled = new HashSet<>();
    GoldenEvents.all().forEach(event -> sampled.add(event.getClass()));
    try (Stream<Path> files = Files.list(api)) {
      List<Class<?>> eventTypes =
          files
              .map(file -> file.getFileName().toString())
              .filter(file -> file.endsWith(".class") && !file.contains("$"))
              .<Class<?>>map(
                  file -> load("org.seatledger.booking.api." + file.replace(".class", "")))
              .filter(type -> type.isAnnotationPresent(EventType.class))
              .toList();
      assertTrue(eventTypes.size() >= 15, "found the event records: " + eventTypes);
      for (Class<?> type : eventTypes) {
        assertEquals(type, types.of(type).type(), type + " is registered");
        assertTrue(sampled.contains(type), type + " has a golden sample");
      }
    }
  }

  @Test
  void everyStoredShapeBindsWithoutJsonbToTheRecordJsonbReads() {
    Jsonb jsonb = JsonbBuilder.create();
    for (Object event : GoldenEvents.all()) {
      assertTrue(RecordBinder.binds(event.getClass()), event.getClass() + " skips JSON-B");
      // the current record's JSON as JSON-B writes it (personal data in clear, nulls left out)
      String json = jsonb.toJson(event);
      assertEquals(
          jsonb.fromJson(json, event.getClass()),
          RecordBinder.bind(EventSerializer.parse(json), event.getClass()).orElseThrow(),
          event.getClass().getSimpleName());
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Ciphertexts differ on every write (random nonce); everything else must be identical. */
  private static JsonValue ciphertextsMasked(JsonValue json) {
    if (json instanceof JsonObject object) {
      JsonObjectBuilder copy = Json.createObjectBuilder();
      object.forEach((key, value) -> copy.add(key, ciphertextsMasked(value)));
      return copy.build();
    }
    if (json instanceof JsonArray array) {
      JsonArrayBuilder copy = Json.createArrayBuilder();
      array.forEach(value -> copy.add(ciphertextsMasked(value)));
      return copy.build();
    }
    if (json instanceof JsonString text && text.getString().startsWith("pd1:")) {
      return Json.createValue("pd1:…");
    }
    return json;
  }

  @Test
  void seatsReservedV2IsStoredAsTheGoldenFixtureAndReadBack() {
    EventSerializer.Serialized stored = serializer.serialize(SEATS_RESERVED, keys);
    assertEquals("SeatsReserved", stored.type(), "the stored name, never the class name");
    assertEquals(2, stored.schemaVersion());
    assertEquals(fixture("SeatsReserved.v2.json"), EventSerializer.parse(stored.payload()));
    assertEquals(
        SEATS_RESERVED,
        serializer.deserialize("SeatsReserved", 2, fixtureText("SeatsReserved.v2.json")).event());
  }

  @Test
  void aStoredSeatsReservedV1ReadsAsTheCurrentRecord() {
    EventSerializer.Decoded decoded =
        serializer.deserialize("SeatsReserved", 1, fixtureText("SeatsReserved.v1.json"));
    assertEquals(
        new SeatsReserved(
            "c-1",
            "b-1",
            Map.of(SeatsReserved.GENERAL_SEAT_TYPE, 3),
            Instant.parse("2024-05-02T09:00:00Z")),
        decoded.event());
    assertFalse(decoded.data().containsKey("quantity"), "the JSON shows the current shape too");
  }

  @Test
  void bookingPlacedKeepsPersonalDataEncryptedAndReadsTheGoldenFixture() {
    EventSerializer.Serialized stored = serializer.serialize(BOOKING_PLACED, keys);
    JsonObject json = EventSerializer.parse(stored.payload());
    assertTrue(json.getString("registrantName").startsWith("pd1:"), "stored encrypted");
    assertFalse(stored.payload().contains("Ada"), "no plaintext name anywhere in the payload");
    assertFalse(stored.payload().contains("ada@example.org"));
    assertEquals(
        BOOKING_PLACED, serializer.deserialize("BookingPlaced", 1, stored.payload()).event());

    JsonObject golden = fixture("BookingPlaced.v1.json");
    assertEquals(
        withoutPersonal(golden),
        withoutPersonal(json),
        "everything but the ciphertexts is as stored before");
    assertEquals(
        BOOKING_PLACED, serializer.deserialize("BookingPlaced", 1, golden.toString()).event());
  }

  @Test
  void anErasedSubjectReadsAsErasedAndOthersStayReadable() {
    String payload = serializer.serialize(BOOKING_PLACED, keys).payload();
    BookingPlaced other =
        new BookingPlaced(
            "b-2",
            "c-1",
            "r-2",
            "Grace Hopper",
            "grace@example.org",
            Map.of("standard", 1),
            new BigDecimal("199.00"),
            "EUR",
            Instant.parse("2026-03-01T10:15:00Z"));
    String otherPayload = serializer.serialize(other, keys).payload();

    keys.erase("r-1");

    BookingPlaced erased =
        (BookingPlaced) serializer.deserialize("BookingPlaced", 1, payload).event();
    assertEquals(PersonalData.ERASED, erased.registrantName());
    assertEquals(PersonalData.ERASED, erased.registrantEmail());
    assertEquals(BOOKING_PLACED.total(), erased.total(), "the rest of the event is intact");
    assertEquals(other, serializer.deserialize("BookingPlaced", 1, otherPayload).event());
  }

  @Test
  void paymentReferencesAndCancellationReasonsAreStoredEncryptedAndReadErasedAfterErasure() {
    BookingConfirmed confirmed =
        new BookingConfirmed("b-1", "r-1", "PAY Ada Lovelace", new BigDecimal("398.00"), "EUR");
    BookingCancelled cancelled = new BookingCancelled("b-2", "r-1", "Ada Lovelace moved away");
    String confirmedPayload = serializer.serialize(confirmed, keys).payload();
    String cancelledPayload = serializer.serialize(cancelled, keys).payload();
    assertFalse(confirmedPayload.contains("Ada"), confirmedPayload);
    assertFalse(cancelledPayload.contains("Ada"), cancelledPayload);
    assertEquals(
        confirmed, serializer.deserialize("BookingConfirmed", 2, confirmedPayload).event());

    keys.erase("r-1");

    assertEquals(
        PersonalData.ERASED,
        ((BookingConfirmed) serializer.deserialize("BookingConfirmed", 2, confirmedPayload).event())
            .paymentReference());
    assertEquals(
        PersonalData.ERASED,
        ((BookingCancelled) serializer.deserialize("BookingCancelled", 2, cancelledPayload).event())
            .reason());
  }

  @Test
  void aReaderWithoutTheKeysGetsEveryEventAsItReadsOnceItsPeopleAreErasedAndUsesNoKey() {
    DataKeys noKeys =
        new DataKeys() {
          @Override
          public java.util.Optional<javax.crypto.SecretKey> find(String subjectId) {
            throw new AssertionError("looked up the key of " + subjectId);
          }

          @Override
          public Map<String, java.util.Optional<javax.crypto.SecretKey>> findAll(
              java.util.Collection<String> subjectIds) {
            throw new AssertionError("looked up the keys of " + subjectIds);
          }

          @Override
          public boolean erase(String subjectId) {
            throw new AssertionError("erased " + subjectId);
          }
        };
    EventSerializer keyless =
        new EventSerializer(
            new EventTypes(List.of(new BookingCatalogue())), new PersonalDataCipher(noKeys));
    List<EventSerializer.Serialized> stored = new java.util.ArrayList<>();
    for (Object event : GoldenEvents.all()) {
      stored.add(serializer.serialize(event, keys));
    }
    GoldenEvents.all().forEach(event -> serializer.subjectsOf(event).forEach(keys::erase));

    for (EventSerializer.Serialized one : stored) {
      EventSerializer.Decoded erased =
          serializer.deserialize(one.type(), one.schemaVersion(), one.payload());
      EventSerializer.Decoded withoutKeys =
          keyless.bindWithoutKeys(
              keyless.parse(one.type(), one.schemaVersion(), one.payload(), false));
      assertEquals(erased.event(), withoutKeys.event(), one.type());
      assertEquals(erased.data(), withoutKeys.data(), one.type() + "'s JSON");
      assertFalse(withoutKeys.data().toString().contains("pd1:"), "no ciphertext either");
    }
    // stored before the text was personal data: in clear, read as stored by any reader
    assertEquals(
        new BookingCancelled("b-1", null, "changed plans"),
        keyless
            .bindWithoutKeys(
                keyless.parse(
                    "BookingCancelled", 1, fixtureText("BookingCancelled.v1.json"), false))
            .event());
  }

  @Test
  void aPageReadWithKeysReadsEveryEventFromItsTextAsTheWalkedTreeReadsBeforeAndAfterErasure() {
    List<EventSerializer.Serialized> stored = new java.util.ArrayList<>();
    for (Object event : GoldenEvents.all()) {
      stored.add(serializer.serialize(event, keys));
    }
    int fromText = 0;
    for (boolean erased : List.of(false, true)) {
      if (erased) {
        GoldenEvents.all().forEach(event -> serializer.subjectsOf(event).forEach(keys::erase));
      }
      for (EventSerializer.Serialized one : stored) {
        EventSerializer.Parsed read =
            serializer.parse(one.type(), one.schemaVersion(), one.payload(), true);
        // the tree path: parsed for a reader, walked and decrypted, the copy bound
        EventSerializer.Parsed walked =
            new EventSerializer.Parsed(
                read.descriptor(),
                read.type(),
                read.schemaVersion(),
                read.payload(),
                read.stored(),
                read.current(),
                null);
        fromText += read.pending() == null ? 0 : 1;
        String name = one.type() + (erased ? " erased" : "");
        assertEquals(serializer.subjectsIn(walked), serializer.subjectsIn(read), name);
        EventSerializer.Decoded expected = serializer.bind(walked, Map.of());
        EventSerializer.Decoded decoded =
            serializer.bind(read, serializer.keysOf(serializer.subjectsIn(read)));
        assertEquals(expected.event(), decoded.event(), name);
        assertEquals(expected.data(), decoded.data(), name + "'s JSON");
        assertEquals(expected.data().toString(), decoded.data().toString(), name + "'s text");
      }
    }
    assertTrue(fromText >= 6, "the events with personal data were read from their text");
  }

  @Test
  void anEventsJsonReadsTheTextsItsRecordReadEvenIfTheKeyIsErasedMeanwhile() {
    EventSerializer.Serialized one = serializer.serialize(BOOKING_PLACED, keys);
    EventSerializer.Decoded decoded =
        serializer.bind(
            serializer.parse(one.type(), one.schemaVersion(), one.payload(), true), Map.of());

    keys.erase("r-1");

    assertEquals(BOOKING_PLACED, decoded.event());
    assertEquals("Ada Lovelace", decoded.data().getString("registrantName"));
  }

  @Test
  void confirmationsAndCancellationsStoredAsV1ReadWithTheirTextAsStoredAndNoRegistrant() {
    assertEquals(
        new BookingConfirmed("b-1", null, "PAY-4711", new BigDecimal("398.00"), "EUR"),
        serializer
            .deserialize("BookingConfirmed", 1, fixtureText("BookingConfirmed.v1.json"))
            .event());
    assertEquals(
        new BookingCancelled("b-1", null, "changed plans"),
        serializer
            .deserialize("BookingCancelled", 1, fixtureText("BookingCancelled.v1.json"))
            .event());
  }

  @Test
  void personalDataOfAnErasedSubjectIsNotStoredAgain() {
    AppendKeys erased = new AppendKeys(null, Map.of(), Set.of(), Set.of("r-1"));
    String payload =
        serializer
            .serialize(new BookingCancelled("b-1", "r-1", "Ada Lovelace moved away"), erased)
            .payload();
    assertFalse(payload.contains("Ada"), payload);
    assertEquals(
        PersonalData.ERASED, EventSerializer.parse(payload).getString("reason"), "no new key");
  }

  @Test
  void aNewEventWithPersonalDataButNoSubjectIsRefused() {
    assertThrows(
        IllegalStateException.class,
        () -> serializer.serialize(new BookingCancelled("b-1", null, "Ada Lovelace"), keys));
  }

  @Test
  void ciphertextCannotBeMovedToAnotherPerson() {
    JsonObject json = EventSerializer.parse(serializer.serialize(BOOKING_PLACED, keys).payload());
    String moved =
        jakarta.json.Json.createObjectBuilder(json).add("registrantId", "r-9").build().toString();
    assertThrows(
        EventDecodingException.class, () -> serializer.deserialize("BookingPlaced", 1, moved));
  }

  @Test
  void unreadableEventsFailLoudly() {
    assertThrows(
        EventDecodingException.class, () -> serializer.deserialize("NoSuchEvent", 1, "{}"));
    assertThrows(
        EventDecodingException.class, () -> serializer.deserialize("SeatsReserved", 3, "{}"));
    assertThrows(
        EventDecodingException.class, () -> serializer.deserialize("SeatsReserved", 2, "not json"));
    EventTypes withoutUpcaster =
        new EventTypes(List.of(registrar -> registrar.event(SeatsReserved.class)));
    EventSerializer strict = new EventSerializer(withoutUpcaster, new PersonalDataCipher(keys));
    EventDecodingException missing =
        assertThrows(
            EventDecodingException.class,
            () -> strict.deserialize("SeatsReserved", 1, fixtureText("SeatsReserved.v1.json")));
    assertTrue(missing.getMessage().contains("no upcaster"), missing.getMessage());
  }

  private static JsonObject withoutPersonal(JsonObject json) {
    return jakarta.json.Json.createObjectBuilder(json)
        .remove("registrantName")
        .remove("registrantEmail")
        .build();
  }

  private static JsonObject fixture(String name) {
    return EventSerializer.parse(fixtureText(name));
  }

  private static String fixtureText(String name) {
    try (InputStream in = EventSerializerTest.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
