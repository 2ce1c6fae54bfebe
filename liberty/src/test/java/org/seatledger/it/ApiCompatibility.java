package org.seatledger.it;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed between two OpenAPI documents (parsed YAML or JSON: maps and lists), sorted into the
 * changes that break existing clients and those that do not, as the README's compatibility policy
 * says: removing or renaming an operation, a parameter, a field or an enum value, changing a type,
 * or asking a client for something new (a required parameter or field) breaks clients; new
 * operations, new optional fields and better words do not.
 */
final class ApiCompatibility {
  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final List<String> breaking = new ArrayList<>();

  private ApiCompatibility() {}

  /** Every change from {@code before} to {@code after} that breaks a client of {@code before}. */
  static List<String> breakingChanges(Map<String, Object> before, Map<String, Object> after) {
    ApiCompatibility check = new ApiCompatibility();
    check.paths(map(before.get("paths")), map(after.get("paths")));
    check.schemas(
        map(map(before.get("components")).get("schemas")),
        map(map(after.get("components")).get("schemas")));
    return check.breaking;
  }

  private void paths(Map<String, Object> before, Map<String, Object> after) {
    for (var path : before.entrySet()) {
      Map<String, Object> now = map(after.get(path.getKey()));
      for (String method : METHODS) {
        Map<String, Object> was = map(map(path.getValue()).get(method));
        if (was.isEmpty()) {
          continue;
        }
        String operation = method.toUpperCase() + " " + path.getKey();
        Map<String, Object> is = map(now.get(method));
        if (is.isEmpty()) {
          breaking.add(operation + ": removed");
          continue;
        }
        if (!Objects.equals(was.get("operationId"), is.get("operationId"))) {
          breaking.add(
              operation
                  + ": operationId "
                  + was.get("operationId")
                  + " became "
                  + is.get("operationId")
                  + " (generated method names change)");
        }
        parameters(operation, list(was.get("parameters")), list(is.get("parameters")));
        if (!Objects.equals(bodySchema(was), bodySchema(is))) {
          breaking.add(
              operation + ": request body " + bodySchema(was) + " became " + bodySchema(is));
        }
        for (var answer : map(was.get("responses")).entrySet()) {
          if (!answer.getKey().startsWith("2")) {
            continue;
          }
          Map<String, Object> answerNow = map(map(is.get("responses")).get(answer.getKey()));
          if (answerNow.isEmpty()) {
            breaking.add(operation + ": no longer answers " + answer.getKey());
          } else if (!Objects.equals(
              contentSchemas(map(answer.getValue())), contentSchemas(answerNow))) {
            breaking.add(
                operation
                    + ": the "
                    + answer.getKey()
                    + " answer "
                    + contentSchemas(map(answer.getValue()))
                    + " became "
                    + contentSchemas(answerNow));
          }
        }
      }
    }
  }

  private void parameters(String operation, List<Object> before, List<Object> after) {
    for (Object was : before) {
      Object is = find(after, was);
      if (is == null) {
        breaking.add(operation + ": parameter " + name(was) + " removed");
      } else if (!Objects.equals(
          type(map(map(was).get("schema"))), type(map(map(is).get("schema"))))) {
        breaking.add(operation + ": parameter " + name(was) + " changed its type");
      }
    }
    for (Object is : after) {
      if (find(before, is) == null && Boolean.TRUE.equals(map(is).get("required"))) {
        breaking.add(operation + ": new required parameter " + name(is));
      }
    }
  }

  private void schemas(Map<String, Object> before, Map<String, Object> after) {
    for (var schema : before.entrySet()) {
      Map<String, Object> was = map(schema.getValue());
      Map<String, Object> is = map(after.get(schema.getKey()));
      String name = "schema " + schema.getKey();
      if (is.isEmpty()) {
        breaking.add(name + ": removed");
        continue;
      }
      if (!Objects.equals(type(was), type(is))) {
        breaking.add(name + ": its type changed");
      }
      Set<Object> enumNow = new LinkedHashSet<>(list(is.get("enum")));
      for (Object value : list(was.get("enum"))) {
        if (!enumNow.contains(value)) {
          breaking.add(name + ": value " + value + " removed");
        }
      }
      Map<String, Object> propertiesNow = map(is.get("properties"));
      for (var property : map(was.get("properties")).entrySet()) {
        Map<String, Object> now = map(propertiesNow.get(property.getKey()));
        if (now.isEmpty()) {
          breaking.add(name + ": field " + property.getKey() + " removed");
        } else if (!Objects.equals(type(map(property.getValue())), type(now))) {
          breaking.add(name + ": field " + property.getKey() + " changed its type");
        }
      }
      Set<Object> requiredBefore = new LinkedHashSet<>(list(was.get("required")));
      for (Object field : list(is.get("required"))) {
        if (!requiredBefore.contains(field)) {
          breaking.add(name + ": field " + field + " became required");
        }
      }
    }
  }

  /** A schema's type as a client binds it: its $ref, or its type, format and item type. */
  private static String type(Map<String, Object> schema) {
    if (schema.containsKey("$ref")) {
      return String.valueOf(schema.get("$ref"));
    }
    String items = schema.containsKey("items") ? "<" + type(map(schema.get("items"))) + ">" : "";
    return schema.get("type") + "/" + schema.get("format") + items;
  }

  private static String bodySchema(Map<String, Object> operation) {
    return contentSchemas(map(operation.get("requestBody")));
  }

  private static String contentSchemas(Map<String, Object> holder) {
    StringBuilder types = new StringBuilder();
    for (var media : map(holder.get("content")).entrySet()) {
      types
          .append(media.getKey())
          .append('=')
          .append(type(map(map(media.getValue()).get("schema"))));
      types.append(' ');
    }
    return types.toString().trim();
  }

  private static Object find(List<Object> parameters, Object wanted) {
    return parameters.stream().filter(p -> name(p).equals(name(wanted))).findFirst().orElse(null);
  }

  private static String name(Object parameter) {
    Map<String, Object> p = map(parameter);
    return p.containsKey("$ref")
        ? String.valueOf(p.get("$ref"))
        : p.get("in") + ":" + p.get("name");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map ? (Map<String, Object>) value : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return value instanceof List ? (List<Object>) value : List.of();
  }
}
