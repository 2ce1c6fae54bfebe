package org.seatledger.eventlog.store;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.AbstractMap;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A stored event's payload as a {@link JsonObject} that is parsed when it is first looked at. Most
 * events are read to be bound to their record — by JSON-B, from the stored text — and nobody ever
 * looks at their JSON tree: read models, aggregates and rebuilds use the record. Parsing the tree
 * for every event anyway was about a sixth of a rebuild's CPU. An event whose JSON is needed
 * (upcasting, personal data, the streams API) is parsed at that moment, once.
 *
 * <p>A payload that is not a JSON object fails there with the {@link
 * org.seatledger.eventlog.api.EventDecodingException} an eager parse would have thrown.
 */
final class StoredJson extends AbstractMap<String, JsonValue> implements JsonObject {

  private final String text;

  /** What the tree is made of once parsed (the tree itself for a stored event read as it is). */
  private final UnaryOperator<JsonObject> shown;

  /** The parsed tree; read by several threads at most once each: a race only parses twice. */
  private volatile JsonObject parsed;

  StoredJson(String text) {
    this(text, UnaryOperator.identity());
  }

  /**
   * The payload {@code text} as {@code shown} makes its tree once parsed (e.g. its personal data
   * read as erased, for a reader without the keys).
   */
  StoredJson(String text, UnaryOperator<JsonObject> shown) {
    this.text = text;
    this.shown = shown;
  }

  /** Whether the tree was parsed already (binding it is then cheaper than parsing the text). */
  boolean isParsed() {
    return parsed != null;
  }

  private JsonObject tree() {
    JsonObject tree = parsed;
    if (tree == null) {
      tree = shown.apply(EventSerializer.parse(text));
      parsed = tree;
    }
    return tree;
  }

  @Override
  public Set<Entry<String, JsonValue>> entrySet() {
    return tree().entrySet();
  }

  @Override
  public JsonValue get(Object key) {
    return tree().get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return tree().containsKey(key);
  }

  @Override
  public int size() {
    return tree().size();
  }

  @Override
  public JsonArray getJsonArray(String name) {
    return tree().getJsonArray(name);
  }

  @Override
  public JsonObject getJsonObject(String name) {
    return tree().getJsonObject(name);
  }

  @Override
  public JsonNumber getJsonNumber(String name) {
    return tree().getJsonNumber(name);
  }

  @Override
  public JsonString getJsonString(String name) {
    return tree().getJsonString(name);
  }

  @Override
  public String getString(String name) {
    return tree().getString(name);
  }

  @Override
  public String getString(String name, String defaultValue) {
    return tree().getString(name, defaultValue);
  }

  @Override
  public int getInt(String name) {
    return tree().getInt(name);
  }

  @Override
  public int getInt(String name, int defaultValue) {
    return tree().getInt(name, defaultValue);
  }

  @Override
  public boolean getBoolean(String name) {
    return tree().getBoolean(name);
  }

  @Override
  public boolean getBoolean(String name, boolean defaultValue) {
    return tree().getBoolean(name, defaultValue);
  }

  @Override
  public boolean isNull(String name) {
    return tree().isNull(name);
  }

  @Override
  public ValueType getValueType() {
    return ValueType.OBJECT;
  }

  /** The JSON text as a parsed tree writes it (not necessarily the stored text byte for byte). */
  @Override
  public String toString() {
    return tree().toString();
  }
}
