package org.seatledger.audit.application;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.seatledger.booking.api.EntityView;
import org.seatledger.booking.api.EntityViews;
import org.seatledger.eventlog.api.RecordedEvent;

/**
 * The state of an entity as an auditor reads it — a flat map of field paths to values — after each
 * event of its stream. The states are the booking module's {@link EntityViews}, folded by the
 * aggregates' own evolve; this class only turns them into JSON values and compares them. Time
 * travel and field-level diffs are replays of these steps.
 */
final class EntityStates {
  /** Looked up once: {@code Json.create…} looks the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final EntityViews VIEWS = EntityViews.standard();

  private EntityStates() {}

  /** A changed field: its path, the value before and after (JSON null when absent). */
  record Change(String field, JsonValue before, JsonValue after) {}

  /**
   * The view of the stream whose events these are, before the first of them; a view without fields
   * when there are none.
   */
  static EntityView initial(List<RecordedEvent> stream) {
    return VIEWS.initial(stream.isEmpty() ? "" : stream.get(0).streamType());
  }

  /** The view after {@code recorded}. */
  static EntityView evolve(EntityView view, RecordedEvent recorded) {
    return view.evolve(recorded.event());
  }

  /** The view's fields as JSON values, sorted by path. */
  static Map<String, JsonValue> fields(EntityView view) {
    Map<String, JsonValue> fields = new TreeMap<>();
    view.fields().forEach((field, value) -> fields.put(field, jsonValue(value)));
    return fields;
  }

  static List<Change> diff(Map<String, JsonValue> before, Map<String, JsonValue> after) {
    List<Change> changes = new ArrayList<>();
    TreeSet<String> fields = new TreeSet<>(before.keySet());
    fields.addAll(after.keySet());
    for (String field : fields) {
      JsonValue was = before.getOrDefault(field, JsonValue.NULL);
      JsonValue is = after.getOrDefault(field, JsonValue.NULL);
      if (!was.equals(is)) {
        changes.add(new Change(field, was, is));
      }
    }
    return changes;
  }

  static JsonObject json(Map<String, JsonValue> state) {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    state.forEach(json::add);
    return json.build();
  }

  private static JsonValue jsonValue(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    } else if (value instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    } else if (value instanceof Integer n) {
      return JSON.createValue(n);
    } else if (value instanceof BigDecimal n) {
      return JSON.createValue(n);
    }
    return JSON.createValue(value.toString());
  }
}
