package org.seatledger.web.pages.admin;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;

/**
 * An event type's example payload for the catalogue: its golden fixture, the stored JSON the
 * module's golden test writes and reads back. The modules' builds put their {@code
 * src/test/resources/fixtures} into their archives under {@link #FOLDER} (see their {@code
 * pom.xml}), so the page shows the very file the test checks, never a copy.
 */
final class EventExamples {

  static final String FOLDER = "META-INF/seatledger/event-examples/";

  private static final JsonWriterFactory PRETTY =
      Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

  private EventExamples() {}

  /** The fixture of {@code name} at {@code version}, indented, looked up beside {@code type}. */
  static Optional<String> of(Class<?> type, String name, int version) {
    ClassLoader loader =
        type.getClassLoader() == null
            ? EventExamples.class.getClassLoader()
            : type.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(FOLDER + name + ".v" + version + ".json")) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(pretty(in));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  static String pretty(InputStream json) {
    JsonStructure parsed;
    try (JsonReader reader = Json.createReader(json)) {
      parsed = reader.read();
    }
    StringWriter text = new StringWriter();
    try (JsonWriter writer = PRETTY.createWriter(text)) {
      writer.write(parsed);
    }
    return text.toString().strip();
  }
}
