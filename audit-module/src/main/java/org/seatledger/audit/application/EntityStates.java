package org.seatledger.audit.application;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.seatledger.booking.api.AttendeesAssigned;
import org.seatledger.booking.api.BookingCancelled;
import org.seatledger.booking.api.BookingConfirmed;
import org.seatledger.booking.api.BookingExpired;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.ConferenceCreated;
import org.seatledger.booking.api.ConferencePublished;
import org.seatledger.booking.api.ConferenceUnpublished;
import org.seatledger.booking.api.SeatCapacityChanged;
import org.seatledger.booking.api.SeatQuantityChanged;
import org.seatledger.booking.api.SeatTypeAdded;
import org.seatledger.booking.api.SeatsCommitted;
import org.seatledger.booking.api.SeatsReleased;
import org.seatledger.booking.api.SeatsReserved;
import org.seatledger.eventlog.api.RecordedEvent;

/**
 * The state of an entity as an auditor reads it — a flat map of field paths to values — and how
 * each event changes it. Time travel and field-level diffs are replays of these steps.
 */
final class EntityStates {
  /** Looked up once: {@code Json.create…} looks the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private EntityStates() {}

  /** A changed field: its path, the value before and after (JSON null when absent). */
  record Change(String field, JsonValue before, JsonValue after) {}

  static Map<String, JsonValue> evolve(Map<String, JsonValue> state, RecordedEvent recorded) {
    Map<String, JsonValue> next = new TreeMap<>(state);
    Object event = recorded.event();
    if (event instanceof ConferenceCreated e) {
      put(next, "name", e.name());
      put(next, "slug", e.slug());
      put(next, "startsOn", e.startsOn().toString());
      put(next, "endsOn", e.endsOn().toString());
      put(next, "venue", e.venue());
      next.put("published", JsonValue.FALSE);
    } else if (event instanceof ConferencePublished) {
      next.put("published", JsonValue.TRUE);
    } else if (event instanceof ConferenceUnpublished) {
      next.put("published", JsonValue.FALSE);
    } else if (event instanceof SeatTypeAdded e) {
      String at = "seatTypes." + e.code() + ".";
      put(next, at + "name", e.name());
      put(next, at + "quantity", e.quantity());
      next.put(at + "price", JSON.createValue(e.price()));
      put(next, at + "currency", e.currency());
    } else if (event instanceof SeatQuantityChanged e) {
      put(next, "seatTypes." + e.code() + ".quantity", e.quantity());
    } else if (event instanceof SeatCapacityChanged e) {
      put(next, "seatTypes." + e.seatType() + ".capacity", e.capacity());
      add(next, "seatTypes." + e.seatType() + ".held", 0);
      add(next, "seatTypes." + e.seatType() + ".sold", 0);
    } else if (event instanceof SeatsReserved e) {
      e.seats().forEach((type, n) -> add(next, "seatTypes." + type + ".held", n));
    } else if (event instanceof SeatsCommitted e) {
      e.seats()
          .forEach(
              (type, n) -> {
                add(next, "seatTypes." + type + ".held", -n);
                add(next, "seatTypes." + type + ".sold", n);
              });
    } else if (event instanceof SeatsReleased e) {
      e.seats()
          .forEach(
              (type, n) -> add(next, "seatTypes." + type + (e.wereSold() ? ".sold" : ".held"), -n));
    } else if (event instanceof BookingPlaced e) {
      put(next, "status", "HELD");
      put(next, "conferenceId", e.conferenceId());
      put(next, "registrant.name", e.registrantName());
      put(next, "registrant.email", e.registrantEmail());
      e.seats().forEach((type, n) -> put(next, "seats." + type, n));
      next.put("total", JSON.createValue(e.total()));
      put(next, "currency", e.currency());
      put(next, "holdUntil", e.holdUntil().toString());
    } else if (event instanceof BookingConfirmed e) {
      put(next, "status", "CONFIRMED");
      put(next, "payment.reference", e.paymentReference());
      next.put("payment.amount", JSON.createValue(e.amount()));
    } else if (event instanceof BookingCancelled e) {
      put(next, "status", "CANCELLED");
      put(next, "cancellationReason", e.reason());
    } else if (event instanceof BookingExpired) {
      put(next, "status", "EXPIRED");
    } else if (event instanceof AttendeesAssigned e) {
      next.keySet().removeIf(field -> field.startsWith("attendees."));
      for (int i = 0; i < e.attendees().size(); i++) {
        put(next, "attendees." + i + ".seatType", e.attendees().get(i).seatType());
        put(next, "attendees." + i + ".name", e.attendees().get(i).name());
        put(next, "attendees." + i + ".email", e.attendees().get(i).email());
      }
    }
    return next;
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

  private static void put(Map<String, JsonValue> state, String field, String value) {
    state.put(field, value == null ? JsonValue.NULL : JSON.createValue(value));
  }

  private static void put(Map<String, JsonValue> state, String field, int value) {
    state.put(field, JSON.createValue(value));
  }

  private static void add(Map<String, JsonValue> state, String field, int delta) {
    JsonValue current = state.get(field);
    int value = current instanceof jakarta.json.JsonNumber n ? n.intValue() : 0;
    state.put(field, JSON.createValue(value + delta));
  }
}
