package org.seatledger.eventlog.store;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiFunction;
import javax.crypto.SecretKey;
import org.seatledger.eventlog.api.DataSubject;
import org.seatledger.eventlog.api.EventDecodingException;
import org.seatledger.eventlog.api.PersonalData;

/**
 * Event records to stored JSON and back.
 *
 * <p>Writing: the record as JSON (JSON-B), then every {@link PersonalData} text encrypted with the
 * key of its {@link DataSubject} — the nearest enclosing record that names one. Reading: the stored
 * JSON upcast to the current shape, personal data decrypted (or marked erased), then bound to the
 * current record.
 */
public final class EventSerializer {
  /** Looked up once: {@code Json.create…} looks the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Jsonb JSONB = JsonbBuilder.create();

  private final EventTypes types;
  private final PersonalDataCipher cipher;

  /** An event ready to store. */
  public record Serialized(String type, int schemaVersion, String payload) {}

  /** A stored event read back: the current record and its JSON. */
  public record Decoded(Object event, JsonObject data) {}

  public EventSerializer(EventTypes types, PersonalDataCipher cipher) {
    this.types = types;
    this.cipher = cipher;
  }

  public Serialized serialize(Object event) {
    return serialize(event, cipher::encrypt);
  }

  /** Serialises with the keys an append obtained for all its events. */
  Serialized serialize(Object event, AppendKeys keys) {
    return serialize(
        event,
        (subject, plaintext) -> {
          SecretKey key = keys.keyFor(subject);
          // an erased person gets no new key: what would have been stored of them is not
          return key == null
              ? PersonalData.ERASED
              : PersonalDataCipher.encrypt(key, subject, plaintext);
        });
  }

  private Serialized serialize(Object event, BiFunction<String, String, String> encrypt) {
    EventTypes.Descriptor descriptor = types.of(event.getClass());
    String text = JSONB.toJson(event);
    if (!mayHoldPersonalData(descriptor.type())) {
      return new Serialized(descriptor.name(), descriptor.version(), text); // nothing to encrypt
    }
    BiFunction<String, String, String> encryptNamed =
        (subject, plaintext) -> {
          if (subject == null) {
            throw new IllegalStateException(
                event.getClass().getSimpleName()
                    + " holds personal data without naming its @DataSubject");
          }
          return encrypt.apply(subject, plaintext);
        };
    JsonObject protectedJson =
        (JsonObject) walk(parse(text), descriptor.type(), null, encryptNamed);
    return new Serialized(descriptor.name(), descriptor.version(), protectedJson.toString());
  }

  /** The data subjects whose personal data the event holds. */
  Set<String> subjectsOf(Object event) {
    Set<String> subjects = new HashSet<>();
    EventTypes.Descriptor descriptor = types.of(event.getClass());
    if (!mayHoldPersonalData(descriptor.type())) {
      return subjects;
    }
    walk(
        parse(JSONB.toJson(event)),
        descriptor.type(),
        null,
        (subject, value) -> {
          if (subject != null) {
            subjects.add(subject);
          }
          return value;
        });
    return subjects;
  }

  public Decoded deserialize(String type, int schemaVersion, String payload) {
    return bind(parse(type, schemaVersion, payload));
  }

  /** A stored event parsed and upcast to the current shape; still encrypted, not yet bound. */
  record Parsed(
      EventTypes.Descriptor descriptor,
      String type,
      int schemaVersion,
      String payload,
      JsonObject stored,
      JsonObject current) {}

  Parsed parse(String type, int schemaVersion, String payload) {
    EventTypes.Descriptor descriptor = types.named(type);
    JsonObject stored = parse(payload);
    return new Parsed(
        descriptor,
        type,
        schemaVersion,
        payload,
        stored,
        types.upcast(type, schemaVersion, stored));
  }

  /**
   * The people whose encrypted data the event holds: a page's are looked up together ({@link
   * #prefetchKeys}) before it is bound.
   */
  Set<String> subjectsIn(Parsed parsed) {
    Set<String> subjects = new HashSet<>();
    if (mayHoldPersonalData(parsed.descriptor().type())) {
      walk(
          parsed.current(),
          parsed.descriptor().type(),
          null,
          (subject, value) -> {
            if (subject != null && PersonalDataCipher.isEncrypted(value)) {
              subjects.add(subject);
            }
            return value;
          });
    }
    return subjects;
  }

  /** Looks up the keys of these people in one go (see {@link DataKeys#prefetch}). */
  void prefetchKeys(Set<String> subjects) {
    cipher.prefetch(subjects);
  }

  /** Decrypts personal data (or marks it erased) and binds the current record. */
  Decoded bind(Parsed parsed) {
    Type type = parsed.descriptor().type();
    JsonObject readable =
        (JsonObject)
            walk(
                parsed.current(),
                type,
                null,
                (subject, value) -> cipher.decrypt(subject, value).orElse(PersonalData.ERASED));
    try {
      // unchanged by upcasting and decryption (most events): bind the stored text itself
      String json = readable == parsed.stored() ? parsed.payload() : readable.toString();
      return new Decoded(JSONB.fromJson(json, type), readable);
    } catch (JsonbException e) {
      throw new EventDecodingException(
          parsed.type()
              + " v"
              + parsed.schemaVersion()
              + " does not fit "
              + parsed.descriptor().type().getSimpleName(),
          e);
    }
  }

  /**
   * Applies {@code transform(subjectId, value)} to every personal text in {@code json}, guided by
   * the record type it was written from.
   */
  private static JsonValue walk(
      JsonValue json, Type type, String subject, BiFunction<String, String, String> transform) {
    if (!mayHoldPersonalData(type)) {
      return json; // most events: nothing to encrypt or decrypt, nothing to copy
    }
    Class<?> raw = rawClass(type);
    if (json instanceof JsonObject object && raw != null && raw.isRecord()) {
      return walkRecord(object, raw, subject, transform);
    }
    if (json instanceof JsonArray array
        && raw != null
        && Collection.class.isAssignableFrom(raw)
        && type instanceof ParameterizedType parameterized) {
      Type element = parameterized.getActualTypeArguments()[0];
      JsonArrayBuilder copy = JSON.createArrayBuilder();
      array.forEach(item -> copy.add(walk(item, element, subject, transform)));
      return copy.build();
    }
    return json;
  }

  private static JsonObject walkRecord(
      JsonObject object,
      Class<?> record,
      String outerSubject,
      BiFunction<String, String, String> transform) {
    Component[] components = COMPONENTS.get(record);
    String subject = outerSubject;
    for (Component component : components) {
      if (component.subject() && object.get(component.name()) instanceof JsonString id) {
        subject = id.getString();
      }
    }
    JsonObjectBuilder copy = JSON.createObjectBuilder(object);
    for (Component component : components) {
      JsonValue value = object.get(component.name());
      if (value == null) {
        continue;
      }
      if (component.personal() && value instanceof JsonString text) {
        // subject null: an older shape that named nobody and kept the text in clear (reading),
        // or a new event that must be refused (writing refuses it)
        copy.add(component.name(), transform.apply(subject, text.getString()));
      } else {
        copy.add(component.name(), walk(value, component.type(), subject, transform));
      }
    }
    return copy.build();
  }

  /** What the walk needs of a record component, read by reflection once per record type. */
  private record Component(String name, Type type, boolean subject, boolean personal) {}

  private static final ClassValue<Component[]> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> record) {
          RecordComponent[] components = record.getRecordComponents();
          Component[] read = new Component[components.length];
          for (int i = 0; i < components.length; i++) {
            read[i] =
                new Component(
                    components[i].getName(),
                    components[i].getGenericType(),
                    components[i].isAnnotationPresent(DataSubject.class),
                    components[i].isAnnotationPresent(PersonalData.class));
          }
          return read;
        }
      };

  /** Per record type: whether it or anything inside it has a {@link PersonalData} component. */
  private static final ClassValue<Boolean> PERSONAL =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          return holdsPersonalData(type, new HashSet<>());
        }
      };

  private static boolean mayHoldPersonalData(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      for (Type argument : parameterized.getActualTypeArguments()) {
        if (mayHoldPersonalData(argument)) {
          return true;
        }
      }
      return false;
    }
    return type instanceof Class<?> c ? PERSONAL.get(c) : true;
  }

  private static boolean holdsPersonalData(Class<?> type, Set<Class<?>> seen) {
    if (!type.isRecord() || !seen.add(type)) {
      return false;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.isAnnotationPresent(PersonalData.class)
          || holdsPersonalData(component.getGenericType(), seen)) {
        return true;
      }
    }
    return false;
  }

  private static boolean holdsPersonalData(Type type, Set<Class<?>> seen) {
    if (type instanceof Class<?> c) {
      return holdsPersonalData(c, seen);
    }
    if (type instanceof ParameterizedType parameterized) {
      for (Type argument : parameterized.getActualTypeArguments()) {
        if (holdsPersonalData(argument, seen)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return null;
  }

  static JsonObject parse(String json) {
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      throw new EventDecodingException("payload is not a JSON object", e);
    }
  }
}
