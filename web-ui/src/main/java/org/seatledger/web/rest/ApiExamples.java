package org.seatledger.web.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The examples of {@code /openapi}: one success answer per operation and one problem per status,
 * kept as JSON in {@code api-examples.json} beside this class, where they read as the JSON a client
 * receives. The linter in CI checks each against its schema; {@code ApiContractIT} checks that
 * every success answer has one.
 */
final class ApiExamples {
  static final String RESOURCE = "api-examples.json";

  /** The file, read once when the class is first used. */
  private static final JsonObject FILE = read();

  private static final JsonObject PROBLEMS = FILE.getJsonObject("problems");

  private final JsonObject operations;

  private ApiExamples(JsonObject operations) {
    this.operations = operations;
  }

  static ApiExamples load() {
    return new ApiExamples(FILE.getJsonObject("operations"));
  }

  /** The example of an operation's success answer, as plain Java values; null without one. */
  Object success(String operationId, String status) {
    if (operationId == null || !operations.containsKey(operationId)) {
      return null;
    }
    JsonObject answers = operations.getJsonObject(operationId);
    return answers.containsKey(status) ? plain(answers.get(status)) : null;
  }

  /** A typical problem document of a status. */
  static Object problem(String status) {
    return PROBLEMS.containsKey(status) ? plain(PROBLEMS.get(status)) : null;
  }

  private static JsonObject read() {
    try (InputStream in = ApiExamples.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the application");
      }
      return JsonProvider.provider().createReader(in).readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Maps, lists, strings, numbers and booleans: what the OpenAPI model writes as JSON or YAML. */
  static Object plain(JsonValue value) {
    switch (value.getValueType()) {
      case OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        ((JsonObject) value).forEach((key, member) -> map.put(key, plain(member)));
        return map;
      case ARRAY:
        List<Object> list = new ArrayList<>();
        ((JsonArray) value).forEach(item -> list.add(plain(item)));
        return list;
      case STRING:
        return ((JsonString) value).getString();
      case NUMBER:
        JsonNumber number = (JsonNumber) value;
        return number.isIntegral() ? (Object) number.longValue() : number.bigDecimalValue();
      case TRUE:
        return Boolean.TRUE;
      case FALSE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }
}
