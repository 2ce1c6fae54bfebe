package org.seatledger.booking.application;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import org.seatledger.booking.api.BookingStatus;
import org.seatledger.booking.api.CommandOutcome;
import org.seatledger.booking.api.CommandOutcome.AttendeesNamed;
import org.seatledger.booking.api.CommandOutcome.BookingHeld;
import org.seatledger.booking.api.CommandOutcome.BookingStatusSet;
import org.seatledger.booking.api.CommandOutcome.ConferenceSetUp;
import org.seatledger.booking.api.CommandOutcome.HoldsExpired;
import org.seatledger.booking.api.CommandOutcome.PublicationSet;
import org.seatledger.booking.api.CommandOutcome.SeatTypeSet;
import org.seatledger.booking.api.CommandOutcome.Unchanged;

/**
 * The stored shape of a command's outcome: the text kept in {@code processed_commands.outcome}
 * beside the command's id, read again when the same command id comes back so that the repeat
 * answers as the first time did.
 *
 * <h2>Version 2 (written)</h2>
 *
 * A JSON object with {@code "v": 2}, a {@code "kind"} and that kind's fields, all required:
 *
 * <table>
 *   <caption>kinds of version 2</caption>
 *   <tr><th>kind</th><th>fields</th><th>{@link CommandOutcome}</th></tr>
 *   <tr><td>{@code conference-set-up}</td><td>{@code conferenceId}, {@code slug}</td>
 *       <td>{@link ConferenceSetUp}</td></tr>
 *   <tr><td>{@code seat-type-set}</td><td>{@code conferenceId}, {@code code}</td>
 *       <td>{@link SeatTypeSet}</td></tr>
 *   <tr><td>{@code publication-set}</td><td>{@code conferenceId}, {@code published} (boolean)</td>
 *       <td>{@link PublicationSet}</td></tr>
 *   <tr><td>{@code booking-held}</td><td>{@code bookingId}, {@code registrantId}, {@code
 *       holdUntil} (ISO-8601 instant, UTC), {@code total} (JSON number, exact decimal), {@code
 *       currency} (ISO 4217)</td><td>{@link BookingHeld}</td></tr>
 *   <tr><td>{@code booking-status-set}</td><td>{@code bookingId}, {@code status} (a {@link
 *       BookingStatus} name)</td><td>{@link BookingStatusSet}</td></tr>
 *   <tr><td>{@code attendees-named}</td><td>{@code bookingId}, {@code attendees} (count)</td>
 *       <td>{@link AttendeesNamed}</td></tr>
 *   <tr><td>{@code holds-expired}</td><td>{@code conferenceId}, {@code expired} (count), {@code
 *       more} (boolean)</td><td>{@link HoldsExpired}</td></tr>
 *   <tr><td>{@code unchanged}</td><td>{@code id}</td><td>{@link Unchanged}</td></tr>
 *   <tr><td>{@code subject-erased}</td><td>{@code subjectId}, {@code events} (count)</td>
 *       <td>a personal-data erasure ({@link SubjectErasure})</td></tr>
 * </table>
 *
 * Example: {@code {"v":2,"kind":"booking-status-set","bookingId":"0b7c…","status":"CONFIRMED"}}.
 * Outcomes hold ids and amounts, never personal data. A new field or kind is a new version; this
 * class keeps reading every older one.
 *
 * <h2>Version 1 (read only)</h2>
 *
 * No {@code "v"}: the REST body the server answered with before version 2, without its {@code
 * position}, e.g. {@code {"status":"CONFIRMED","id":"0b7c…"}}. Its kind is told by the fields it
 * has ({@code slug}, {@code code}, {@code published}, {@code status}, {@code attendees}, {@code
 * expired}, {@code subjectId}; otherwise only {@code id}); {@code id} is the conference's or the
 * booking's id. Such rows stay in the table for good, so this reader stays.
 */
final class OutcomeCodec {
  /** Looked up once: {@code Json.create…} looks the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  static final int VERSION = 2;

  private OutcomeCodec() {}

  /** The stored text of {@code outcome}, version 2. */
  static String encode(CommandOutcome outcome) {
    return fields(JSON.createObjectBuilder().add("v", VERSION), outcome).build().toString();
  }

  /** Adds the kind and fields of {@code outcome} to {@code json}. */
  private static JsonObjectBuilder fields(JsonObjectBuilder json, CommandOutcome outcome) {
    if (outcome instanceof ConferenceSetUp o) {
      return json.add("kind", "conference-set-up")
          .add("conferenceId", o.conferenceId())
          .add("slug", o.slug());
    } else if (outcome instanceof SeatTypeSet o) {
      return json.add("kind", "seat-type-set")
          .add("conferenceId", o.conferenceId())
          .add("code", o.code());
    } else if (outcome instanceof PublicationSet o) {
      return json.add("kind", "publication-set")
          .add("conferenceId", o.conferenceId())
          .add("published", o.published());
    } else if (outcome instanceof BookingHeld o) {
      return json.add("kind", "booking-held")
          .add("bookingId", o.bookingId())
          .add("registrantId", o.registrantId())
          .add("holdUntil", o.holdUntil().toString())
          .add("total", o.total())
          .add("currency", o.currency());
    } else if (outcome instanceof BookingStatusSet o) {
      return json.add("kind", "booking-status-set")
          .add("bookingId", o.bookingId())
          .add("status", o.status().name());
    } else if (outcome instanceof AttendeesNamed o) {
      return json.add("kind", "attendees-named")
          .add("bookingId", o.bookingId())
          .add("attendees", o.attendees());
    } else if (outcome instanceof HoldsExpired o) {
      return json.add("kind", "holds-expired")
          .add("conferenceId", o.conferenceId())
          .add("expired", o.expired())
          .add("more", o.more());
    } else if (outcome instanceof Unchanged o) {
      return json.add("kind", "unchanged").add("id", o.id());
    }
    // Java 17 cannot switch over the sealed type; OutcomeCodecTest encodes every kind
    throw new IllegalArgumentException("no stored shape for " + outcome);
  }

  /**
   * The outcome stored as {@code stored}, of any version.
   *
   * @throws IllegalStateException when it is missing, not of a known version, or lacks a field
   */
  static CommandOutcome decode(String stored) {
    JsonObject json = parse(stored);
    try {
      return json.containsKey("v") ? version2(json) : version1(json);
    } catch (NullPointerException | ClassCastException | IllegalArgumentException e) {
      throw unreadable(stored, e);
    }
  }

  /** The stored text of a personal-data erasure that found {@code events} events naming them. */
  static String encodeErasure(String subjectId, long events) {
    return JSON.createObjectBuilder()
        .add("v", VERSION)
        .add("kind", "subject-erased")
        .add("subjectId", subjectId)
        .add("events", events)
        .build()
        .toString();
  }

  /** How many events named the subject, as the erasure stored as {@code stored} counted them. */
  static long erasedEvents(String stored) {
    JsonObject json = parse(stored);
    if (json.containsKey("v")) {
      requireVersion2(json, stored);
      if (!"subject-erased".equals(json.getString("kind", null))) {
        throw unreadable(stored, null);
      }
    }
    try {
      return json.getJsonNumber("events").longValueExact();
    } catch (NullPointerException | ClassCastException | ArithmeticException e) {
      throw unreadable(stored, e);
    }
  }

  private static CommandOutcome version2(JsonObject json) {
    requireVersion2(json, json.toString());
    String kind = json.getString("kind");
    switch (kind) {
      case "conference-set-up":
        return new ConferenceSetUp(json.getString("conferenceId"), json.getString("slug"));
      case "seat-type-set":
        return new SeatTypeSet(json.getString("conferenceId"), json.getString("code"));
      case "publication-set":
        return new PublicationSet(json.getString("conferenceId"), json.getBoolean("published"));
      case "booking-held":
        return new BookingHeld(
            json.getString("bookingId"),
            json.getString("registrantId"),
            Instant.parse(json.getString("holdUntil")),
            json.getJsonNumber("total").bigDecimalValue(),
            json.getString("currency"));
      case "booking-status-set":
        return new BookingStatusSet(
            json.getString("bookingId"), BookingStatus.valueOf(json.getString("status")));
      case "attendees-named":
        return new AttendeesNamed(json.getString("bookingId"), json.getInt("attendees"));
      case "holds-expired":
        return new HoldsExpired(
            json.getString("conferenceId"), json.getInt("expired"), json.getBoolean("more"));
      case "unchanged":
        return new Unchanged(json.getString("id"));
      default:
        throw new IllegalArgumentException("unknown kind " + kind);
    }
  }

  /** Version 1 was the REST body: its fields tell which command wrote it. */
  private static CommandOutcome version1(JsonObject json) {
    String id = json.getString("id");
    if (json.containsKey("slug")) {
      return new ConferenceSetUp(id, json.getString("slug"));
    } else if (json.containsKey("code")) {
      return new SeatTypeSet(id, json.getString("code"));
    } else if (json.containsKey("published")) {
      return new PublicationSet(id, json.getBoolean("published"));
    } else if (json.containsKey("status")) {
      BookingStatus status = BookingStatus.valueOf(json.getString("status"));
      return status == BookingStatus.HELD
          ? new BookingHeld(
              id,
              json.getString("registrantId"),
              Instant.parse(json.getString("holdUntil")),
              json.getJsonNumber("total").bigDecimalValue(),
              json.getString("currency"))
          : new BookingStatusSet(id, status);
    } else if (json.containsKey("attendees")) {
      return new AttendeesNamed(id, json.getInt("attendees"));
    } else if (json.containsKey("expired")) {
      return new HoldsExpired(id, json.getInt("expired"), json.getBoolean("more"));
    } else if (json.size() == 1) {
      return new Unchanged(id);
    }
    throw new IllegalArgumentException("no known kind");
  }

  private static void requireVersion2(JsonObject json, String stored) {
    if (json.getInt("v", -1) != VERSION) {
      throw unreadable(stored, null);
    }
  }

  private static JsonObject parse(String stored) {
    if (stored == null) {
      throw new IllegalStateException("the command's outcome was not recorded");
    }
    try (var reader = JSON.createReader(new StringReader(stored))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw unreadable(stored, e);
    }
  }

  private static IllegalStateException unreadable(String stored, Exception cause) {
    return new IllegalStateException(
        "a stored command outcome is not of a version this server reads: " + stored, cause);
  }
}
