package org.seatledger.web.messaging;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON value against the part of JSON Schema the contract's schemas use: {@code type}
 * (object, string, integer, number), {@code properties}, {@code required}, {@code
 * additionalProperties} (false, or a schema for every other property), {@code enum}, {@code
 * pattern} and {@code minimum}. Enough to hold golden files and schemas to each other without a
 * validator library; a keyword it does not know fails the check, so a schema cannot quietly say
 * more than is checked.
 */
final class SchemaCheck {
  private SchemaCheck() {}

  private static final List<String> KNOWN =
      List.of(
          "$schema",
          "$id",
          "title",
          "description",
          "type",
          "properties",
          "required",
          "additionalProperties",
          "enum",
          "pattern",
          "minimum",
          "maxLength",
          "format");

  static List<String> problems(JsonObject schema, JsonValue value) {
    List<String> problems = new ArrayList<>();
    check(schema, value, "$", problems);
    return problems;
  }

  private static void check(JsonObject schema, JsonValue value, String at, List<String> problems) {
    for (String keyword : schema.keySet()) {
      if (!KNOWN.contains(keyword)) {
        problems.add(at + ": the check does not know the keyword " + keyword);
      }
    }
    String type = schema.getString("type", null);
    if (type != null && !hasType(value, type)) {
      problems.add(at + ": not of type " + type + ": " + value);
      return;
    }
    if (schema.containsKey("enum") && !schema.getJsonArray("enum").contains(value)) {
      problems.add(at + ": " + value + " is not one of " + schema.getJsonArray("enum"));
    }
    if (schema.containsKey("pattern")
        && !((JsonString) value).getString().matches(schema.getString("pattern"))) {
      problems.add(at + ": " + value + " does not match " + schema.getString("pattern"));
    }
    if (schema.containsKey("minimum")
        && value instanceof jakarta.json.JsonNumber number
        && number.bigDecimalValue().compareTo(schema.getJsonNumber("minimum").bigDecimalValue())
            < 0) {
      problems.add(at + ": " + value + " is below the minimum");
    }
    if (!"object".equals(type)) {
      return;
    }
    JsonObject object = value.asJsonObject();
    JsonObject properties = schema.getJsonObject("properties");
    if (schema.containsKey("required")) {
      for (JsonValue name : schema.getJsonArray("required")) {
        if (!object.containsKey(((JsonString) name).getString())) {
          problems.add(at + ": " + name + " is missing");
        }
      }
    }
    JsonValue others = schema.getOrDefault("additionalProperties", JsonValue.TRUE);
    for (Map.Entry<String, JsonValue> field : object.entrySet()) {
      String path = at + "." + field.getKey();
      if (properties != null && properties.containsKey(field.getKey())) {
        check(properties.getJsonObject(field.getKey()), field.getValue(), path, problems);
      } else if (others == JsonValue.FALSE) {
        problems.add(path + " is not in the schema");
      } else if (others instanceof JsonObject otherSchema) {
        check(otherSchema, field.getValue(), path, problems);
      }
    }
  }

  private static boolean hasType(JsonValue value, String type) {
    return switch (type) {
      case "object" -> value.getValueType() == JsonValue.ValueType.OBJECT;
      case "string" -> value.getValueType() == JsonValue.ValueType.STRING;
      case "number" -> value.getValueType() == JsonValue.ValueType.NUMBER;
      case "integer" ->
          value instanceof jakarta.json.JsonNumber n
              && n.bigDecimalValue().stripTrailingZeros().scale() <= 0;
      default -> false;
    };
  }
}
