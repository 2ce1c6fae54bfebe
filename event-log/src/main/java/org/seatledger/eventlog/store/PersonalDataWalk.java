package org.seatledger.eventlog.store;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiFunction;
import org.seatledger.eventlog.api.DataSubject;
import org.seatledger.eventlog.api.PersonalData;

/**
 * Finds the personal data in an event's JSON by the record type it was written from: every {@link
 * PersonalData} text, each with the subject of the nearest enclosing record that names one with
 * {@link DataSubject}. What the record types hold is read by reflection once per type; a type
 * without personal data is never walked (most events).
 */
final class PersonalDataWalk {
  /** Looked up once: {@code Json.create…} looks the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private PersonalDataWalk() {}

  /**
   * Applies {@code transform(subjectId, value)} to every personal text in {@code json}, guided by
   * the record type it was written from; {@code subjectId} is null for a text no enclosing record
   * names a subject for. Returns {@code json} itself when the type holds no personal data.
   */
  static JsonValue walk(JsonValue json, Type type, BiFunction<String, String, String> transform) {
    return walk(json, type, null, transform);
  }

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

  /** Whether a value of this type may hold a {@link PersonalData} text. */
  static boolean mayHoldPersonalData(Type type) {
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
}
