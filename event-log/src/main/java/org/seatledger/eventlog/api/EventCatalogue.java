package org.seatledger.eventlog.api;

import jakarta.json.JsonObject;
import java.util.function.UnaryOperator;

/**
 * A contribution to the event type registry: the event records of one part of the domain and the
 * upcasters of their older shapes. Catalogues are CDI beans; {@link EventTypes} collects them all.
 */
public interface EventCatalogue {

  void register(Registrar registrar);

  /** What a catalogue may register. */
  interface Registrar {
    /** An event record annotated with {@link org.seatledger.eventlog.api.EventType}. */
    Registrar event(Class<? extends Record> type);

    /**
     * Turns the stored JSON of {@code name} at {@code fromVersion} into the shape of {@code
     * fromVersion + 1}. Upcasters never touch stored rows; they run on every read.
     */
    Registrar upcaster(String name, int fromVersion, UnaryOperator<JsonObject> upcaster);
  }
}
