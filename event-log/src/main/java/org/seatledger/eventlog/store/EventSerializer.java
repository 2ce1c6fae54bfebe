package org.seatledger.eventlog.store;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import javax.crypto.SecretKey;
import org.seatledger.eventlog.api.DataSubject;
import org.seatledger.eventlog.api.EventDecodingException;
import org.seatledger.eventlog.api.PersonalData;

/**
 * Event records to stored JSON and back. Where personal data sits in an event is found by {@link
 * PersonalDataWalk}; how it is encrypted, by {@link PersonalDataCipher}.
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

  /**
   * The data keys personal data is encrypted with when events are written ({@link AppendKeys} for
   * an append).
   */
  @FunctionalInterface
  interface WritingKeys {
    /** The subject's key; null for an erased subject, whose data is then stored as erased. */
    SecretKey keyFor(String subjectId);
  }

  /** Serialises an event, encrypting its personal data with {@code keys}. */
  Serialized serialize(Object event, WritingKeys keys) {
    EventTypes.Descriptor descriptor = types.of(event.getClass());
    String text = JSONB.toJson(event);
    if (!PersonalDataWalk.mayHoldPersonalData(descriptor.type())) {
      return new Serialized(descriptor.name(), descriptor.version(), text); // nothing to encrypt
    }
    BiFunction<String, String, String> encrypt =
        (subject, plaintext) -> {
          if (subject == null) {
            throw new IllegalStateException(
                event.getClass().getSimpleName()
                    + " holds personal data without naming its @DataSubject");
          }
          SecretKey key = keys.keyFor(subject);
          // an erased person gets no new key: what would have been stored of them is not
          return key == null
              ? PersonalData.ERASED
              : PersonalDataCipher.encrypt(key, subject, plaintext);
        };
    JsonObject protectedJson =
        (JsonObject) PersonalDataWalk.walk(parse(text), descriptor.type(), encrypt);
    return new Serialized(descriptor.name(), descriptor.version(), protectedJson.toString());
  }

  /** The data subjects whose personal data the event holds. */
  Set<String> subjectsOf(Object event) {
    Set<String> subjects = new HashSet<>();
    EventTypes.Descriptor descriptor = types.of(event.getClass());
    if (!PersonalDataWalk.mayHoldPersonalData(descriptor.type())) {
      return subjects;
    }
    PersonalDataWalk.walk(
        parse(JSONB.toJson(event)),
        descriptor.type(),
        (subject, value) -> {
          if (subject != null) {
            subjects.add(subject);
          }
          return value;
        });
    return subjects;
  }

  public Decoded deserialize(String type, int schemaVersion, String payload) {
    return bind(parse(type, schemaVersion, payload, true), Map.of());
  }

  /**
   * A stored event parsed and upcast to the current shape; still encrypted, not yet bound. {@code
   * pending}: the event read from its stored text up to its personal data (see {@link
   * RecordBinder#read}), or null where its tree is walked.
   */
  record Parsed(
      EventTypes.Descriptor descriptor,
      String type,
      int schemaVersion,
      String payload,
      JsonObject stored,
      JsonObject current,
      RecordBinder.Pending pending) {}

  /**
   * The stored event parsed and upcast; {@code withKeys}: it will be bound with its personal data
   * decrypted ({@link #bind}), so an event that holds some and was not upcast is read from its text
   * at once, its people then known without a tree.
   */
  Parsed parse(String type, int schemaVersion, String payload, boolean withKeys) {
    EventTypes.Descriptor descriptor = types.named(type);
    // parsed only if upcasting, personal data or a reader of the event's JSON needs the tree
    JsonObject stored = new StoredJson(payload);
    JsonObject current = types.upcast(type, schemaVersion, stored);
    RecordBinder.Pending pending =
        withKeys && current == stored && PersonalDataWalk.mayHoldPersonalData(descriptor.type())
            ? RecordBinder.read(payload, descriptor.type()).orElse(null)
            : null;
    return new Parsed(descriptor, type, schemaVersion, payload, stored, current, pending);
  }

  /**
   * The people whose encrypted data the event holds: a page's are looked up together ({@link
   * #keysOf}) before it is bound.
   */
  Set<String> subjectsIn(Parsed parsed) {
    if (parsed.pending() != null) {
      return parsed.pending().subjects();
    }
    Set<String> subjects = new HashSet<>();
    if (PersonalDataWalk.mayHoldPersonalData(parsed.descriptor().type())) {
      PersonalDataWalk.walk(
          parsed.current(),
          parsed.descriptor().type(),
          (subject, value) -> {
            if (subject != null && PersonalDataCipher.isEncrypted(value)) {
              subjects.add(subject);
            }
            return value;
          });
    }
    return subjects;
  }

  /** The keys of these people, looked up in one go (see {@link DataKeys#findAll}). */
  Map<String, Optional<SecretKey>> keysOf(Set<String> subjects) {
    return cipher.keysOf(subjects);
  }

  /**
   * Decrypts personal data (or marks it erased) and binds the current record; {@code keys}: those
   * of {@link #keysOf} for the page (a subject not among them is looked up on its own).
   */
  Decoded bind(Parsed parsed, Map<String, Optional<SecretKey>> keys) {
    if (parsed.pending() != null) {
      Optional<Decoded> opened = open(parsed, keys);
      if (opened.isPresent()) {
        return opened.get();
      }
    }
    Type type = parsed.descriptor().type();
    JsonObject readable =
        (JsonObject)
            PersonalDataWalk.walk(
                parsed.current(),
                type,
                (subject, value) ->
                    cipher.decrypt(subject, value, keys).orElse(PersonalData.ERASED));
    // the stored shapes bind without JSON-B (a third of a rebuild's CPU went to it); whatever the
    // binder is not sure of, JSON-B decides as before
    Optional<Object> bound =
        readable == parsed.stored() && !((StoredJson) readable).isParsed()
            ? RecordBinder.bind(parsed.payload(), parsed.descriptor().type()) // no tree needed
            : RecordBinder.bind(readable, parsed.descriptor().type());
    if (bound.isPresent()) {
      return new Decoded(bound.get(), readable);
    }
    try {
      // unchanged by upcasting and decryption (most events): bind the stored text itself
      String json = readable == parsed.stored() ? parsed.payload() : readable.toString();
      return new Decoded(JSONB.fromJson(json, type), readable);
    } catch (JsonbException e) {
      throw misfit(parsed, e);
    }
  }

  /**
   * The event read from its text with its personal data decrypted (or marked erased) as the walk
   * below decrypts it; empty where that path must decide (and fail, if it fails). Its JSON is the
   * walked tree, made when first looked at, from the texts decrypted here: it reads what the record
   * read, even if a key is erased meanwhile.
   */
  private Optional<Decoded> open(Parsed parsed, Map<String, Optional<SecretKey>> keys) {
    Map<String, String> opened = new HashMap<>();
    Optional<Object> bound =
        parsed
            .pending()
            .bind(
                (subject, value) -> {
                  String readable =
                      cipher.decrypt(subject, value, keys).orElse(PersonalData.ERASED);
                  if (PersonalDataCipher.isEncrypted(value)) {
                    opened.put(value, readable);
                  }
                  return readable;
                });
    if (bound.isEmpty()) {
      return Optional.empty();
    }
    Type type = parsed.descriptor().type();
    BiFunction<String, String, String> again =
        (subject, value) ->
            opened.containsKey(value)
                ? opened.get(value)
                : cipher.decrypt(subject, value, keys).orElse(PersonalData.ERASED);
    return Optional.of(
        new Decoded(
            bound.get(),
            new StoredJson(
                parsed.payload(), tree -> (JsonObject) PersonalDataWalk.walk(tree, type, again))));
  }

  /**
   * Binds the current record as a reader without the data keys sees it: every encrypted personal
   * text reads as {@link PersonalData#ERASED} — the shape an erased subject's events have — and no
   * key is looked up or used. Its JSON reads the same way.
   */
  Decoded bindWithoutKeys(Parsed parsed) {
    Type type = parsed.descriptor().type();
    if (!PersonalDataWalk.mayHoldPersonalData(type)) {
      return bind(parsed, Map.of()); // nothing to decrypt: read as any reader reads it
    }
    if (parsed.current() == parsed.stored() && !((StoredJson) parsed.stored()).isParsed()) {
      // not upcast: bound from the stored text, its personal texts read as erased on the way
      Optional<Object> bound =
          RecordBinder.bindWithoutKeys(parsed.payload(), parsed.descriptor().type());
      if (bound.isPresent()) {
        return new Decoded(
            bound.get(),
            new StoredJson(parsed.payload(), tree -> (JsonObject) withoutKeys(tree, type)));
      }
    }
    JsonObject readable = (JsonObject) withoutKeys(parsed.current(), type);
    Optional<Object> bound = RecordBinder.bind(readable, parsed.descriptor().type());
    if (bound.isPresent()) {
      return new Decoded(bound.get(), readable);
    }
    try {
      return new Decoded(JSONB.fromJson(readable.toString(), type), readable);
    } catch (JsonbException e) {
      throw misfit(parsed, e);
    }
  }

  /** The failure of an event whose JSON the current record cannot take. */
  private static EventDecodingException misfit(Parsed parsed, JsonbException e) {
    return new EventDecodingException(
        parsed.type()
            + " v"
            + parsed.schemaVersion()
            + " does not fit "
            + parsed.descriptor().type().getSimpleName(),
        e);
  }

  /** {@code json} with every encrypted personal text read as erased. */
  private static JsonValue withoutKeys(JsonValue json, Type type) {
    return PersonalDataWalk.walk(
        json,
        type,
        (subject, value) -> PersonalDataCipher.isEncrypted(value) ? PersonalData.ERASED : value);
  }

  static JsonObject parse(String json) {
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      throw new EventDecodingException("payload is not a JSON object", e);
    }
  }
}
