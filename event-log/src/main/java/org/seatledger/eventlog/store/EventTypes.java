package org.seatledger.eventlog.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.seatledger.eventlog.api.EventCatalogue;
import org.seatledger.eventlog.api.EventDecodingException;
import org.seatledger.eventlog.api.EventType;

/**
 * The registry of event types: stored name and schema version per record class, and the upcaster
 * chain that brings any older stored version up to the current record.
 */
@ApplicationScoped
public class EventTypes {

  /** A registered event type. */
  public record Descriptor(String name, int version, Class<? extends Record> type) {}

  private final Map<Class<?>, Descriptor> byClass = new HashMap<>();
  private final Map<String, Descriptor> byName = new HashMap<>();
  private final Map<String, UnaryOperator<JsonObject>> upcasters = new HashMap<>();

  protected EventTypes() {
    // for CDI's proxy
  }

  @Inject
  EventTypes(Instance<EventCatalogue> catalogues) {
    this(catalogues.stream().toList());
  }

  public EventTypes(List<EventCatalogue> catalogues) {
    Registrar registrar = new Registrar();
    catalogues.forEach(catalogue -> catalogue.register(registrar));
  }

  public Descriptor of(Class<?> type) {
    Descriptor descriptor = byClass.get(type);
    if (descriptor == null) {
      throw new IllegalArgumentException(type.getName() + " is not a registered event type");
    }
    return descriptor;
  }

  public Descriptor named(String name) {
    Descriptor descriptor = byName.get(name);
    if (descriptor == null) {
      throw new EventDecodingException("unknown event type '" + name + "'");
    }
    return descriptor;
  }

  /** The stored JSON of {@code name} at {@code storedVersion}, upcast to the current version. */
  public JsonObject upcast(String name, int storedVersion, JsonObject stored) {
    Descriptor current = named(name);
    if (storedVersion > current.version()) {
      throw new EventDecodingException(
          name
              + " v"
              + storedVersion
              + " is newer than this code knows (v"
              + current.version()
              + ")");
    }
    JsonObject json = stored;
    for (int version = storedVersion; version < current.version(); version++) {
      UnaryOperator<JsonObject> upcaster = upcasters.get(key(name, version));
      if (upcaster == null) {
        throw new EventDecodingException("no upcaster for " + name + " from v" + version);
      }
      json = upcaster.apply(json);
    }
    return json;
  }

  private static String key(String name, int fromVersion) {
    return name + "@" + fromVersion;
  }

  private final class Registrar implements EventCatalogue.Registrar {
    @Override
    public EventCatalogue.Registrar event(Class<? extends Record> type) {
      EventType annotation = type.getAnnotation(EventType.class);
      if (annotation == null) {
        throw new IllegalArgumentException(type.getName() + " lacks @EventType");
      }
      Descriptor descriptor = new Descriptor(annotation.name(), annotation.version(), type);
      Descriptor clash = byName.putIfAbsent(annotation.name(), descriptor);
      if (clash != null && clash.type() != type) {
        throw new IllegalArgumentException(
            "event type name '" + annotation.name() + "' is taken by " + clash.type().getName());
      }
      byClass.put(type, descriptor);
      return this;
    }

    @Override
    public EventCatalogue.Registrar upcaster(
        String name, int fromVersion, UnaryOperator<JsonObject> upcaster) {
      upcasters.put(key(name, fromVersion), upcaster);
      return this;
    }
  }
}
