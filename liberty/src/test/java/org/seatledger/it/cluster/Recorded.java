package org.seatledger.it.cluster;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compares an answer of the API now with the answer recorded earlier: every field the recorded
 * answer had is there with the same value (numbers by value, so {@code 250.00} equals {@code
 * 250.0}); arrays have the same length and order. Fields a newer version adds are allowed; a field
 * that disappeared or changed fails, naming its path and both values.
 */
final class Recorded {

  private Recorded() {}

  /** Fails unless {@code now} still holds everything {@code recorded} held. */
  static void assertStillHolds(JsonValue recorded, JsonValue now, String what) {
    assertStillHolds(recorded, now, what, Set.of());
  }

  /** As {@link #assertStillHolds(JsonValue, JsonValue, String)}, not comparing the named fields. */
  static void assertStillHolds(
      JsonValue recorded, JsonValue now, String what, Set<String> notCompared) {
    List<String> differences = new ArrayList<>();
    compare(recorded, now, "", notCompared, differences);
    if (!differences.isEmpty()) {
      fail(
          what
              + " is not what it was before the upgrade:\n  "
              + String.join("\n  ", differences.subList(0, Math.min(20, differences.size())))
              + "\nrecorded: "
              + recorded
              + "\nnow:      "
              + now);
    }
  }

  private static void compare(
      JsonValue recorded, JsonValue now, String path, Set<String> skip, List<String> out) {
    if (now == null) {
      out.add(path + ": missing (was " + recorded + ")");
      return;
    }
    switch (recorded.getValueType()) {
      case OBJECT -> {
        if (now.getValueType() != JsonValue.ValueType.OBJECT) {
          out.add(path + ": " + now + " (was " + recorded + ")");
          return;
        }
        JsonObject was = recorded.asJsonObject();
        JsonObject is = now.asJsonObject();
        for (String key : was.keySet()) {
          if (!skip.contains(key)) {
            compare(was.get(key), is.get(key), path + "." + key, skip, out);
          }
        }
      }
      case ARRAY -> {
        if (now.getValueType() != JsonValue.ValueType.ARRAY) {
          out.add(path + ": " + now + " (was " + recorded + ")");
          return;
        }
        JsonArray was = recorded.asJsonArray();
        JsonArray is = now.asJsonArray();
        if (was.size() != is.size()) {
          out.add(path + ": " + is.size() + " elements (were " + was.size() + ")");
          return;
        }
        for (int i = 0; i < was.size(); i++) {
          compare(was.get(i), is.get(i), path + "[" + i + "]", skip, out);
        }
      }
      case NUMBER -> {
        boolean same =
            now.getValueType() == JsonValue.ValueType.NUMBER
                && ((JsonNumber) recorded)
                        .bigDecimalValue()
                        .compareTo(((JsonNumber) now).bigDecimalValue())
                    == 0;
        if (!same) {
          out.add(path + ": " + now + " (was " + recorded + ")");
        }
      }
      default -> {
        if (!recorded.equals(now)) {
          out.add(path + ": " + now + " (was " + recorded + ")");
        }
      }
    }
  }
}
