package org.seatledger.web.messaging;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * One message of the public integration contract (docs/integration.md), as the relay sends it: a
 * type of the contract with its own schema version and data, made from one stored event, carrying
 * that event's id (consumers drop a repeat by it), its log position and its correlation and
 * causation ids.
 *
 * @param id the stored event's id, or for a message made from an inbound one a deterministic id
 *     derived from that one's, so a redelivery repeats it
 * @param type the contract's type name, e.g. {@code BookingPlaced} (not the stored type's name,
 *     though today they often agree)
 * @param schemaVersion the version of the type's schema ({@code docs/integration/schemas})
 * @param key the Kafka key: the conference id, so one conference's messages keep their order
 * @param subject what the message is about (a booking, a conference, a data subject)
 * @param time when the stored event was recorded
 * @param position the stored event's global position (0 for messages not made from the log)
 */
public record IntegrationEvent(
    String id,
    String type,
    int schemaVersion,
    String key,
    String subject,
    Instant time,
    long position,
    String correlationId,
    String causationId,
    JsonObject data) {

  public IntegrationEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(data, "data");
  }
}
