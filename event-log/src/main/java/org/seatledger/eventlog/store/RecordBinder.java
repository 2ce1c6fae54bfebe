package org.seatledger.eventlog.store;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.seatledger.eventlog.api.DataSubject;
import org.seatledger.eventlog.api.PersonalData;

/**
 * Binds JSON to an event record through its canonical constructor, for the shapes events are made
 * of: strings, {@code int}/{@code long}/{@code boolean} and their boxes, {@link BigDecimal}, {@link
 * Instant}, {@link LocalDate}, lists and string-keyed maps of those, and nested records. It gives
 * what JSON-B gives for JSON that JSON-B wrote (the stored payloads) at a fraction of its cost per
 * event, which was a third of a rebuild's CPU. It binds from the stored text (streaming, no tree:
 * most events; those with personal data in two steps, {@link #read}) or from a tree (events that
 * were upcast, or decrypted by walking their tree).
 *
 * <p>It answers only where it is sure: anything else — a type it does not know, a missing number or
 * flag, a value of another JSON kind than the one JSON-B writes, a number that does not fit, a
 * constructor that refuses its values, text that is not JSON — is {@link Optional#empty()}, and the
 * caller binds through JSON-B, which then decides (and names the failure) exactly as before. A
 * component JSON-B left out (it writes no nulls) reads as null, as JSON-B reads it.
 */
final class RecordBinder {
  /** Looked up once: {@code Json.create…} looks the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private RecordBinder() {}

  /** {@code json} as a {@code type} record; empty where JSON-B must decide. */
  static Optional<Object> bind(JsonObject json, Class<?> type) {
    Shape shape = SHAPES.get(type);
    if (shape == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(shape.build(json));
    } catch (NotBindable | ArithmeticException e) {
      return Optional.empty(); // e.g. a number too large for its component
    }
  }

  /** The JSON text {@code json} as a {@code type} record; empty where JSON-B must decide. */
  static Optional<Object> bind(String json, Class<?> type) {
    return bind(json, SHAPES.get(type));
  }

  /**
   * The JSON text {@code json} as a {@code type} record as a reader without the data keys sees it:
   * every encrypted {@link PersonalData} text reads as {@link PersonalData#ERASED} (what an erased
   * subject's data reads as; a text stored in clear stays as it is), and nothing is decrypted.
   * Empty where JSON-B must decide.
   */
  static Optional<Object> bindWithoutKeys(String json, Class<?> type) {
    return bind(json, SHAPES_WITHOUT_KEYS.get(type));
  }

  private static Optional<Object> bind(String json, Shape shape) {
    if (shape == null) {
      return Optional.empty();
    }
    try (JsonParser parser = JSON.createParser(new StringReader(json))) {
      if (!parser.hasNext() || parser.next() != Event.START_OBJECT) {
        return Optional.empty();
      }
      Object bound = shape.build(parser);
      return parser.hasNext() ? Optional.empty() : Optional.of(bound);
    } catch (NotBindable | RuntimeException e) {
      return Optional.empty(); // not JSON, or a number too large: JSON-B says what is wrong
    }
  }

  /**
   * The JSON text {@code json} of a {@code type} record read up to its personal data, which stays
   * as stored until {@link Pending#bind} opens it; empty where the tree must be walked and bound as
   * before. For a page read with the data keys: the people are known from the first step, their
   * keys are looked up together, and the text is parsed once, with no tree (parsing it, walking it
   * and binding the copy was a sixth of the bookings list's rebuild).
   */
  static Optional<Pending> read(String json, Class<?> type) {
    Shape shape = SHAPES_PENDING.get(type);
    if (shape == null) {
      return Optional.empty();
    }
    try (JsonParser parser = JSON.createParser(new StringReader(json))) {
      if (!parser.hasNext() || parser.next() != Event.START_OBJECT) {
        return Optional.empty();
      }
      Part root = new Part(shape, shape.values(parser));
      return parser.hasNext() ? Optional.empty() : Optional.of(new Pending(root));
    } catch (NotBindable | RuntimeException e) {
      return Optional.empty(); // not JSON, or a number too large: the tree path says what is wrong
    }
  }

  /**
   * A record read from its text with its {@link PersonalData} texts as stored. Which subject each
   * text belongs to follows {@link PersonalDataWalk}'s rule: the {@link
   * org.seatledger.eventlog.api.DataSubject} of the nearest enclosing record that names one (the
   * last string one, if a record names several), in records and lists of records — not in maps,
   * which the walk does not enter either.
   */
  static final class Pending {
    private final Part root;

    private Pending(Part root) {
      this.root = root;
    }

    /** The people whose encrypted data it holds, as {@link EventSerializer#subjectsIn} finds. */
    Set<String> subjects() {
      Set<String> subjects = new HashSet<>();
      collect(root, null, subjects);
      return subjects;
    }

    /**
     * The record with every personal text replaced by {@code open(subject, text)}; empty where the
     * tree must decide (a constructor that refuses its values, or {@code open} failing: the tree
     * path then fails the same way).
     */
    Optional<Object> bind(BiFunction<String, String, String> open) {
      try {
        return Optional.of(finish(root, null, open));
      } catch (NotBindable | RuntimeException e) {
        return Optional.empty();
      }
    }

    private static void collect(Object value, String outer, Set<String> subjects) {
      if (value instanceof Part part) {
        String subject = part.subject(outer);
        for (int i = 0; i < part.values.length; i++) {
          Object component = part.values[i];
          if (part.shape.personal[i]) {
            if (subject != null
                && component instanceof String text
                && PersonalDataCipher.isEncrypted(text)) {
              subjects.add(subject);
            }
          } else {
            collect(component, subject, subjects);
          }
        }
      } else if (value instanceof Parts parts) {
        parts.items.forEach(item -> collect(item, outer, subjects));
      }
    }

    private static Object finish(
        Object value, String outer, BiFunction<String, String, String> open) throws NotBindable {
      if (value instanceof Part part) {
        String subject = part.subject(outer);
        Object[] values = new Object[part.values.length];
        for (int i = 0; i < values.length; i++) {
          Object component = part.values[i];
          values[i] =
              part.shape.personal[i] && component instanceof String text
                  ? open.apply(subject, text)
                  : finish(component, subject, open);
        }
        return part.shape.construct(values);
      }
      if (value instanceof Parts parts) {
        List<Object> list = new ArrayList<>(parts.items.size());
        for (Object item : parts.items) {
          list.add(finish(item, outer, open));
        }
        return list;
      }
      return value;
    }
  }

  /** A record's component values read, its personal texts as stored: built once they are opened. */
  private record Part(Shape shape, Object[] values) {
    /** The subject of this record's personal texts: its own, or the enclosing record's. */
    String subject(String outer) {
      String subject = outer;
      for (int i = 0; i < values.length; i++) {
        if (shape.subject[i] && values[i] instanceof String id) {
          subject = id;
        }
      }
      return subject;
    }
  }

  /** A list whose elements may be {@link Part}s, made a list once they are built. */
  private record Parts(List<Object> items) {}

  /** Whether {@link #bind} can bind {@code type} at all (every component of a known kind). */
  static boolean binds(Class<?> type) {
    return SHAPES.get(type) != null;
  }

  /** Thrown inside the binder where JSON-B must decide; never leaves this class. */
  private static final class NotBindable extends Exception {
    private static final NotBindable INSTANCE = new NotBindable();

    private NotBindable() {
      super(null, null, false, false);
    }
  }

  /** How one record type is built: its components' readers and its canonical constructor. */
  private record Shape(
      String[] names,
      boolean[] primitive,
      Reader[] readers,
      Constructor<?> constructor,
      boolean[] subject,
      boolean[] personal) {

    Object build(JsonObject json) throws NotBindable {
      Object[] values = new Object[names.length];
      for (int i = 0; i < names.length; i++) {
        JsonValue value = json.get(names[i]);
        values[i] = value == null ? missing(i) : readers[i].read(value);
      }
      return construct(values);
    }

    /** Reads the members of an object whose {@code START_OBJECT} the parser just returned. */
    Object build(JsonParser parser) throws NotBindable {
      return construct(values(parser));
    }

    /** The component values of the object whose {@code START_OBJECT} the parser just returned. */
    Object[] values(JsonParser parser) throws NotBindable {
      Object[] values = new Object[names.length];
      boolean[] seen = new boolean[names.length];
      for (Event event = parser.next(); event != Event.END_OBJECT; event = parser.next()) {
        int component = indexOf(parser.getString()); // event is KEY_NAME
        Event value = parser.next();
        if (component < 0) {
          skip(parser, value); // a member the record does not have: JSON-B ignores it too
        } else {
          values[component] = readers[component].read(parser, value);
          seen[component] = true;
        }
      }
      for (int i = 0; i < names.length; i++) {
        if (!seen[i]) {
          values[i] = missing(i);
        }
      }
      return values;
    }

    private int indexOf(String name) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }

    private Object missing(int component) throws NotBindable {
      if (primitive[component]) {
        throw NotBindable.INSTANCE; // JSON-B's rules for a missing number or flag decide
      }
      return null; // JSON-B writes no null component, and reads it back as null
    }

    private Object construct(Object[] values) throws NotBindable {
      try {
        return constructor.newInstance(values);
      } catch (ReflectiveOperationException | IllegalArgumentException refused) {
        throw NotBindable.INSTANCE; // JSON-B reports the refusal in its own words
      }
    }
  }

  private static void skip(JsonParser parser, Event value) {
    if (value == Event.START_OBJECT) {
      parser.skipObject();
    } else if (value == Event.START_ARRAY) {
      parser.skipArray();
    }
  }

  /** Reads one JSON value as a component's type, from a tree or from the parser. */
  private interface Reader {
    Object read(JsonValue value) throws NotBindable;

    /** {@code event}: what the parser just returned for the value (its start, for a structure). */
    Object read(JsonParser parser, Event event) throws NotBindable;
  }

  /** A reader of a value JSON-B writes as a JSON string, a number or a flag (or null). */
  private abstract static class Scalar implements Reader {
    private final boolean nullable;

    Scalar(boolean nullable) {
      this.nullable = nullable;
    }

    abstract Object string(String text) throws NotBindable;

    abstract Object number(BigDecimal number, boolean integral) throws NotBindable;

    Object flag(boolean flag) throws NotBindable {
      throw NotBindable.INSTANCE;
    }

    private Object none() throws NotBindable {
      if (nullable) {
        return null;
      }
      throw NotBindable.INSTANCE;
    }

    @Override
    public Object read(JsonValue value) throws NotBindable {
      if (value instanceof JsonString text) {
        return string(text.getString());
      }
      if (value instanceof JsonNumber number) {
        return number(number.bigDecimalValue(), number.isIntegral());
      }
      if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
        return flag(value == JsonValue.TRUE);
      }
      if (value == JsonValue.NULL) {
        return none();
      }
      throw NotBindable.INSTANCE;
    }

    @Override
    public Object read(JsonParser parser, Event event) throws NotBindable {
      switch (event) {
        case VALUE_STRING:
          return string(parser.getString());
        case VALUE_NUMBER:
          return number(parser.getBigDecimal(), parser.isIntegralNumber());
        case VALUE_TRUE:
          return flag(true);
        case VALUE_FALSE:
          return flag(false);
        case VALUE_NULL:
          return none();
        default:
          throw NotBindable.INSTANCE;
      }
    }
  }

  /** A scalar read from a JSON string only. */
  private abstract static class Text extends Scalar {
    Text() {
      super(true);
    }

    @Override
    Object number(BigDecimal number, boolean integral) throws NotBindable {
      throw NotBindable.INSTANCE;
    }
  }

  /** A scalar read from a JSON number only. */
  private abstract static class Number extends Scalar {
    Number(boolean nullable) {
      super(nullable);
    }

    @Override
    Object string(String text) throws NotBindable {
      throw NotBindable.INSTANCE;
    }
  }

  private static final Reader STRING =
      new Text() {
        @Override
        Object string(String text) {
          return text;
        }
      };

  /**
   * A personal text read without its subject's key: encrypted, it reads as {@link
   * PersonalData#ERASED}, as {@link PersonalDataWalk} with such a reader's decryption makes it.
   */
  private static final Reader WITHOUT_KEY =
      new Text() {
        @Override
        Object string(String text) {
          return PersonalDataCipher.isEncrypted(text) ? PersonalData.ERASED : text;
        }
      };

  private static final Reader INSTANT =
      new Text() {
        @Override
        Object string(String text) throws NotBindable {
          try {
            return IsoInstants.parse(text);
          } catch (DateTimeParseException e) {
            throw NotBindable.INSTANCE;
          }
        }
      };

  private static final Reader DATE =
      new Text() {
        @Override
        Object string(String text) throws NotBindable {
          try {
            return LocalDate.parse(text);
          } catch (DateTimeParseException e) {
            throw NotBindable.INSTANCE;
          }
        }
      };

  private static final Reader DECIMAL =
      new Number(true) {
        @Override
        Object number(BigDecimal number, boolean integral) {
          return number;
        }
      };

  /** A whole number, made exact by {@code exact} (an int or a long). */
  private static Reader whole(boolean nullable, Function<BigDecimal, Object> exact) {
    return new Number(nullable) {
      @Override
      Object number(BigDecimal number, boolean integral) throws NotBindable {
        if (!integral) {
          throw NotBindable.INSTANCE;
        }
        return exact.apply(number);
      }
    };
  }

  private static Reader flag(boolean nullable) {
    return new Number(nullable) {
      @Override
      Object number(BigDecimal number, boolean integral) throws NotBindable {
        throw NotBindable.INSTANCE;
      }

      @Override
      Object flag(boolean flag) {
        return flag;
      }
    };
  }

  /** A nested record, of the same shapes as the record it is in. */
  private record Nested(Class<?> type, ClassValue<Shape> shapes) implements Reader {
    private Shape shape() throws NotBindable {
      Shape shape = shapes.get(type);
      if (shape == null) {
        throw NotBindable.INSTANCE;
      }
      return shape;
    }

    @Override
    public Object read(JsonValue value) throws NotBindable {
      if (value instanceof JsonObject object) {
        return shape().build(object);
      }
      if (value == JsonValue.NULL) {
        return null;
      }
      throw NotBindable.INSTANCE;
    }

    @Override
    public Object read(JsonParser parser, Event event) throws NotBindable {
      if (event == Event.START_OBJECT) {
        return shape().build(parser);
      }
      if (event == Event.VALUE_NULL) {
        return null;
      }
      throw NotBindable.INSTANCE;
    }
  }

  /** A nested record that may hold personal data: read as a {@link Part}, built later. */
  private record PendingNested(Class<?> type) implements Reader {
    @Override
    public Object read(JsonValue value) throws NotBindable {
      throw NotBindable.INSTANCE; // read from the text only
    }

    @Override
    public Object read(JsonParser parser, Event event) throws NotBindable {
      Shape shape = SHAPES_PENDING.get(type);
      if (event == Event.START_OBJECT && shape != null) {
        return new Part(shape, shape.values(parser));
      }
      if (event == Event.VALUE_NULL) {
        return null;
      }
      throw NotBindable.INSTANCE;
    }
  }

  /** A list of values that may hold personal data: read as {@link Parts}, built later. */
  private record PendingListed(Reader element) implements Reader {
    @Override
    public Object read(JsonValue value) throws NotBindable {
      throw NotBindable.INSTANCE; // read from the text only
    }

    @Override
    public Object read(JsonParser parser, Event event) throws NotBindable {
      if (event == Event.START_ARRAY) {
        List<Object> items = new ArrayList<>();
        for (Event item = parser.next(); item != Event.END_ARRAY; item = parser.next()) {
          items.add(element.read(parser, item));
        }
        return new Parts(items);
      }
      if (event == Event.VALUE_NULL) {
        return null;
      }
      throw NotBindable.INSTANCE;
    }
  }

  /** A list, as JSON-B makes it (an {@link ArrayList}). */
  private record Listed(Reader element) implements Reader {
    @Override
    public Object read(JsonValue value) throws NotBindable {
      if (value instanceof JsonArray array) {
        List<Object> list = new ArrayList<>(array.size());
        for (JsonValue item : array) {
          list.add(element.read(item));
        }
        return list;
      }
      if (value == JsonValue.NULL) {
        return null;
      }
      throw NotBindable.INSTANCE;
    }

    @Override
    public Object read(JsonParser parser, Event event) throws NotBindable {
      if (event == Event.START_ARRAY) {
        List<Object> list = new ArrayList<>();
        for (Event item = parser.next(); item != Event.END_ARRAY; item = parser.next()) {
          list.add(element.read(parser, item));
        }
        return list;
      }
      if (event == Event.VALUE_NULL) {
        return null;
      }
      throw NotBindable.INSTANCE;
    }
  }

  /** A map with string keys, as JSON-B makes it (a {@link HashMap}). */
  private record Mapped(Reader element) implements Reader {
    @Override
    public Object read(JsonValue value) throws NotBindable {
      if (value instanceof JsonObject object) {
        Map<String, Object> map = new HashMap<>();
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
          map.put(entry.getKey(), element.read(entry.getValue()));
        }
        return map;
      }
      if (value == JsonValue.NULL) {
        return null;
      }
      throw NotBindable.INSTANCE;
    }

    @Override
    public Object read(JsonParser parser, Event event) throws NotBindable {
      if (event == Event.START_OBJECT) {
        Map<String, Object> map = new HashMap<>();
        for (Event key = parser.next(); key != Event.END_OBJECT; key = parser.next()) {
          String name = parser.getString();
          map.put(name, element.read(parser, parser.next()));
        }
        return map;
      }
      if (event == Event.VALUE_NULL) {
        return null;
      }
      throw NotBindable.INSTANCE;
    }
  }

  /** How personal texts are read. */
  private enum Mode {
    /** As stored (the caller decrypted the tree, or there is none). */
    PLAIN,
    /** Encrypted ones as {@link PersonalData#ERASED}: a reader without the keys. */
    WITHOUT_KEYS,
    /** As stored, in {@link Part}s to be opened: {@link #read}. */
    PENDING
  }

  /** Per record type, its shape; null where a component is of a kind the binder does not know. */
  private static final ClassValue<Shape> SHAPES = shapes(Mode.PLAIN);

  /** The same, reading encrypted personal data as a reader without the keys does (erased). */
  private static final ClassValue<Shape> SHAPES_WITHOUT_KEYS = shapes(Mode.WITHOUT_KEYS);

  /**
   * The same, for {@link #read}: records and lists that may hold personal data are read as parts;
   * null also where a subject or a personal text is not a string component (the walk decides).
   */
  private static final ClassValue<Shape> SHAPES_PENDING = shapes(Mode.PENDING);

  private static ClassValue<Shape> shapes(Mode mode) {
    return new ClassValue<>() {
      @Override
      protected Shape computeValue(Class<?> type) {
        if (!type.isRecord()) {
          return null;
        }
        RecordComponent[] components = type.getRecordComponents();
        String[] names = new String[components.length];
        Reader[] readers = new Reader[components.length];
        Class<?>[] parameters = new Class<?>[components.length];
        boolean[] primitive = new boolean[components.length];
        boolean[] subject = new boolean[components.length];
        boolean[] personal = new boolean[components.length];
        for (int i = 0; i < components.length; i++) {
          names[i] = components[i].getName();
          parameters[i] = components[i].getType();
          primitive[i] = parameters[i].isPrimitive();
          subject[i] = components[i].isAnnotationPresent(DataSubject.class);
          personal[i] = components[i].isAnnotationPresent(PersonalData.class);
          if (mode == Mode.PENDING
              && (subject[i] || personal[i])
              && parameters[i] != String.class) {
            return null;
          }
          Type declared = components[i].getGenericType();
          if (mode == Mode.WITHOUT_KEYS && personal[i] && parameters[i] == String.class) {
            readers[i] = WITHOUT_KEY;
          } else if (mode == Mode.PENDING && PersonalDataWalk.mayHoldPersonalData(declared)) {
            readers[i] = pendingReader(declared);
          } else {
            readers[i] = reader(declared, mode == Mode.PENDING ? SHAPES : this);
          }
          if (readers[i] == null) {
            return null;
          }
        }
        try {
          Constructor<?> constructor = type.getDeclaredConstructor(parameters);
          constructor.setAccessible(true);
          return new Shape(names, primitive, readers, constructor, subject, personal);
        } catch (ReflectiveOperationException | RuntimeException inaccessible) {
          return null;
        }
      }
    };
  }

  /**
   * The reader of a declared type that may hold personal data, where {@link PersonalDataWalk} walks
   * into it: a record, or a list of such values; anything else (a map) as stored, as the walk
   * leaves it.
   */
  private static Reader pendingReader(Type type) {
    if (type instanceof Class<?> record && record.isRecord()) {
      return new PendingNested(record);
    }
    if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
      Type element = generic.getActualTypeArguments()[0];
      Reader reader =
          PersonalDataWalk.mayHoldPersonalData(element)
              ? pendingReader(element)
              : reader(element, SHAPES);
      return reader == null ? null : new PendingListed(reader);
    }
    return reader(type, SHAPES);
  }

  /** The reader of one declared type; null for a type the binder leaves to JSON-B. */
  private static Reader reader(Type type, ClassValue<Shape> shapes) {
    if (type == String.class) {
      return STRING;
    }
    if (type == int.class || type == Integer.class) {
      return whole(type == Integer.class, BigDecimal::intValueExact);
    }
    if (type == long.class || type == Long.class) {
      return whole(type == Long.class, BigDecimal::longValueExact);
    }
    if (type == boolean.class || type == Boolean.class) {
      return flag(type == Boolean.class);
    }
    if (type == BigDecimal.class) {
      return DECIMAL;
    }
    if (type == Instant.class) {
      return INSTANT;
    }
    if (type == LocalDate.class) {
      return DATE;
    }
    if (type instanceof Class<?> record && record.isRecord()) {
      return new Nested(record, shapes);
    }
    if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
      Reader element = reader(generic.getActualTypeArguments()[0], shapes);
      return element == null ? null : new Listed(element);
    }
    if (type instanceof ParameterizedType generic
        && generic.getRawType() == Map.class
        && generic.getActualTypeArguments()[0] == String.class) {
      Reader element = reader(generic.getActualTypeArguments()[1], shapes);
      return element == null ? null : new Mapped(element);
    }
    return null;
  }
}
