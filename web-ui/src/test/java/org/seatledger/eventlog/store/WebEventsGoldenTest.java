package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.EventCatalogue;
import org.seatledger.web.application.ReadModelCatalogue;
import org.seatledger.web.application.ReadModelEvent;
import org.seatledger.web.security.UserCatalogue;
import org.seatledger.web.security.UserEvent;

/**
 * The stored JSON of every event of the web module — access control and read-model operations —
 * kept as golden fixtures for good (as the booking module's are): written by the event log's own
 * serializer in exactly that shape, and read back to the same record. In the event log's package to
 * reach its serializer; it imports the web module's events, which only a test of the web module
 * can.
 */
class WebEventsGoldenTest {

  private final EventSerializer serializer =
      new EventSerializer(
          new EventTypes(List.of(new UserCatalogue(), new ReadModelCatalogue())),
          new PersonalDataCipher(null));

  /** One sample of every event of the web module in its current version. */
  private static List<Record> samples() {
    return List.of(
        new UserEvent.UserCreated("sam", List.of("staff")),
        new UserEvent.UserRolesChanged("sam", List.of("staff"), List.of("auditor", "staff")),
        new UserEvent.UserDisabled("sam"),
        new UserEvent.UserEnabled("sam"),
        new UserEvent.PasswordReset("sam"),
        new UserEvent.PasswordChanged("sam"),
        new ReadModelEvent.ReadModelPaused("reporting.bookings"),
        new ReadModelEvent.ReadModelResumed("reporting.bookings"),
        new ReadModelEvent.ReadModelRetried("reporting.bookings", 4711L),
        new ReadModelEvent.ReadModelRebuildStarted("audit.trail", 182_000));
  }

  @Test
  void everyWebEventIsWrittenAsItsGoldenFixtureAndReadBack() {
    for (Record event : samples()) {
      EventSerializer.Serialized stored =
          serializer.serialize(
              event,
              subject -> {
                throw new AssertionError("the web module's events hold no personal data");
              });
      String name = stored.type() + ".v" + stored.schemaVersion() + ".json";
      String golden = fixtureText(name);
      assertEquals(EventSerializer.parse(golden), EventSerializer.parse(stored.payload()), name);
      assertEquals(
          event,
          serializer.deserialize(stored.type(), stored.schemaVersion(), golden).event(),
          name);
    }
  }

  @Test
  void everyRegisteredWebEventHasAGoldenSample() {
    List<Class<? extends Record>> registered = new ArrayList<>();
    EventCatalogue.Registrar registrar =
        new EventCatalogue.Registrar() {
          @Override
          public EventCatalogue.Registrar event(Class<? extends Record> type) {
            registered.add(type);
            return this;
          }

          @Override
          public EventCatalogue.Registrar upcaster(
              String name, int fromVersion, UnaryOperator<JsonObject> upcaster) {
            return this;
          }
        };
    new UserCatalogue().register(registrar);
    new ReadModelCatalogue().register(registrar);
    Set<Class<?>> sampled = samples().stream().map(Object::getClass).collect(Collectors.toSet());
    assertEquals(10, registered.size(), registered.toString());
    for (Class<?> type : registered) {
      assertTrue(sampled.contains(type), type + " has a golden sample");
    }
  }

  private static String fixtureText(String name) {
    try (InputStream in = WebEventsGoldenTest.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
