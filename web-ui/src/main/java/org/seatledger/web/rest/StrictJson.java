package org.seatledger.web.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a request body as exactly what the client sent, or refuses it with the reason: JSON-B on
 * its own turns {@code 1.5} into 1 seat, {@code "2"} into 2, drops unknown fields, keeps the last
 * of two equal keys and replaces invalid UTF-8 — each time storing something other than what was
 * sent without saying so.
 *
 * <p>Strict means: UTF-8 without a single bad byte; no key twice in one object; no field the target
 * record does not have; a whole number where a whole number is expected (no fraction, no exponent,
 * no string); a number or text where that is expected; no control character other than tab and
 * newline in any text, and no unpaired surrogate. Everything else (required fields, sizes, ranges)
 * is Bean Validation's, after this.
 *
 * <p>One class of about 300 lines because the rules above are checked in one walk over the parsed
 * tree against the target record's components; split, each part would need the whole walk.
 */
final class StrictJson {

  /** Looked up once: {@code Json.create…} looks the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Set<Class<?>> WHOLE_NUMBERS =
      Set.of(Integer.class, int.class, Long.class, long.class, Short.class, short.class);

  /** Why a body cannot be taken, as the sentence a client sees. */
  static final class Refused extends RuntimeException {
    Refused(String sentence) {
      super(sentence, null, false, false);
    }
  }

  private StrictJson() {}

  /** Decodes UTF-8 strictly: a byte sequence that is not UTF-8 is refused, not replaced. */
  static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new Refused("The request body is not valid UTF-8.");
    }
  }

  /**
   * Parses one JSON value, refusing an object that names a key twice and text with control
   * characters.
   */
  static JsonValue parse(String text) {
    if (text.isBlank()) {
      throw new Refused("The request needs a JSON body.");
    }
    try (JsonParser parser = JSON.createParser(new StringReader(text))) {
      if (!parser.hasNext()) {
        throw new Refused("The request needs a JSON body.");
      }
      JsonValue value = value(parser, parser.next(), "the body");
      parser.hasNext(); // JSON-P refuses anything after the value here
      return value;
    } catch (JsonParsingException e) {
      throw new Refused("The request body is not valid JSON.");
    }
  }

  private static JsonValue value(JsonParser parser, JsonParser.Event event, String where) {
    return switch (event) {
      case START_OBJECT -> object(parser, where);
      case START_ARRAY -> array(parser, where);
      case VALUE_STRING -> JSON.createValue(text(parser.getString(), where));
      case VALUE_NUMBER -> new TypedNumber(parser.getString());
      case VALUE_TRUE -> JsonValue.TRUE;
      case VALUE_FALSE -> JsonValue.FALSE;
      case VALUE_NULL -> JsonValue.NULL;
      default -> throw new Refused("The request body is not valid JSON.");
    };
  }

  private static JsonObject object(JsonParser parser, String where) {
    JsonObjectBuilder object = JSON.createObjectBuilder();
    Set<String> keys = new HashSet<>();
    while (true) {
      JsonParser.Event event = parser.next();
      if (event == JsonParser.Event.END_OBJECT) {
        return object.build();
      }
      String key = text(parser.getString(), where);
      if (!keys.add(key)) {
        throw new Refused("The request body names '" + key + "' twice in " + where + ".");
      }
      object.add(key, value(parser, parser.next(), "'" + key + "'"));
    }
  }

  private static JsonArray array(JsonParser parser, String where) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    while (true) {
      JsonParser.Event event = parser.next();
      if (event == JsonParser.Event.END_ARRAY) {
        return array.build();
      }
      array.add(value(parser, event, where));
    }
  }

  private static String text(String text, String where) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
        throw new Refused(
            "Text in " + where + " holds a control character; only tab and newline are allowed.");
      }
      if (Character.isSurrogate(c)) {
        boolean paired =
            Character.isHighSurrogate(c)
                && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
        if (!paired) {
          throw new Refused("Text in " + where + " holds an unpaired surrogate (\\uD800–\\uDFFF).");
        }
        i++;
      }
    }
    return text;
  }

  /**
   * Checks a parsed body against the Java type it will become: every problem found, in one sentence
   * ("Please correct: seats[standard] must be a whole number; colour is not a field.").
   */
  static void check(JsonValue value, Type type) {
    List<String> problems = new ArrayList<>();
    check(value, type, "", problems);
    if (!problems.isEmpty()) {
      throw new Refused("Please correct: " + String.join("; ", problems) + ".");
    }
  }

  private static void check(JsonValue value, Type type, String path, List<String> problems) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return; // whether a value may be missing is Bean Validation's to say
    }
    Class<?> raw = raw(type);
    String name = path.isEmpty() ? "the body" : path;
    if (raw.isRecord()) {
      if (!(value instanceof JsonObject object)) {
        problems.add(name + " must be an object");
        return;
      }
      Set<String> unknown = new TreeSet<>(object.keySet());
      for (RecordComponent component : raw.getRecordComponents()) {
        unknown.remove(component.getName());
        JsonValue field = object.get(component.getName());
        if (field != null) {
          check(field, component.getGenericType(), join(path, component.getName()), problems);
        }
      }
      unknown.forEach(field -> problems.add(join(path, field) + " is not a field of " + name));
    } else if (Map.class.isAssignableFrom(raw)) {
      if (!(value instanceof JsonObject object)) {
        problems.add(name + " must be an object");
        return;
      }
      Type values = argument(type, 1);
      object.forEach((key, entry) -> check(entry, values, path + "[" + key + "]", problems));
    } else if (Collection.class.isAssignableFrom(raw)) {
      if (!(value instanceof JsonArray array)) {
        problems.add(name + " must be a list");
        return;
      }
      Type elements = argument(type, 0);
      for (int i = 0; i < array.size(); i++) {
        check(array.get(i), elements, path + "[" + i + "]", problems);
      }
    } else if (WHOLE_NUMBERS.contains(raw)) {
      if (!(value instanceof JsonNumber number) || !plainInteger(number)) {
        problems.add(name + " must be a whole number");
      }
    } else if (raw == BigDecimal.class || Number.class.isAssignableFrom(raw)) {
      if (!(value instanceof JsonNumber)) {
        problems.add(name + " must be a number");
      }
    } else if (raw == Boolean.class || raw == boolean.class) {
      if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
        problems.add(name + " must be true or false");
      }
    } else if (!(value instanceof JsonString)) {
      // text and what JSON-B reads from text: dates, instants, enums
      problems.add(name + " must be text");
    }
  }

  /** Digits with an optional minus, as the client typed them: no fraction, no exponent. */
  private static boolean plainInteger(JsonNumber number) {
    return plainIntegerText(number.toString());
  }

  private static boolean plainIntegerText(String text) {
    return text.chars().allMatch(c -> Character.isDigit(c) || c == '-');
  }

  /**
   * A number as the client typed it: JSON-P's own numbers keep only the value, and {@code 1e0} and
   * {@code 1} are then the same.
   */
  private record TypedNumber(String text) implements JsonNumber {
    @Override
    public boolean isIntegral() {
      return plainIntegerText(text);
    }

    @Override
    public int intValue() {
      return bigDecimalValue().intValue();
    }

    @Override
    public int intValueExact() {
      return bigDecimalValue().intValueExact();
    }

    @Override
    public long longValue() {
      return bigDecimalValue().longValue();
    }

    @Override
    public long longValueExact() {
      return bigDecimalValue().longValueExact();
    }

    @Override
    public java.math.BigInteger bigIntegerValue() {
      return bigDecimalValue().toBigInteger();
    }

    @Override
    public java.math.BigInteger bigIntegerValueExact() {
      return bigDecimalValue().toBigIntegerExact();
    }

    @Override
    public double doubleValue() {
      return bigDecimalValue().doubleValue();
    }

    @Override
    public BigDecimal bigDecimalValue() {
      return new BigDecimal(text);
    }

    @Override
    public ValueType getValueType() {
      return ValueType.NUMBER;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }

  private static Type argument(Type type, int index) {
    return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
  }
}
