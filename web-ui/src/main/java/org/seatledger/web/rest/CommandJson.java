package org.seatledger.web.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import org.seatledger.booking.api.CommandOutcome;
import org.seatledger.booking.api.CommandOutcome.AttendeesNamed;
import org.seatledger.booking.api.CommandOutcome.BookingHeld;
import org.seatledger.booking.api.CommandOutcome.BookingStatusSet;
import org.seatledger.booking.api.CommandOutcome.ConferenceSetUp;
import org.seatledger.booking.api.CommandOutcome.HoldsExpired;
import org.seatledger.booking.api.CommandOutcome.PublicationSet;
import org.seatledger.booking.api.CommandOutcome.SeatTypeSet;
import org.seatledger.booking.api.CommandOutcome.Unchanged;
import org.seatledger.booking.api.CommandResult;

/**
 * The JSON body the REST API answers a command with: the outcome's fields, its {@code id} and the
 * command's global {@code position} (0 when nothing changed). A repeat gets the same body.
 *
 * <p>Per outcome: a new conference {@code {id, slug}}; a seat type {@code {code, id}}; publication
 * {@code {published, id}}; a held booking {@code {id, status: "HELD", holdUntil, total, currency,
 * registrantId}}; a booking's new status {@code {status, id}}; attendees {@code {attendees (count),
 * id}}; expired holds {@code {id, expired, more}}; nothing changed {@code {id}} — each followed by
 * {@code position}. These are the bodies clients have always had; the fields keep that order.
 */
final class CommandJson {
  /** Looked up once: {@code Json.create…} looks the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private CommandJson() {}

  static JsonObject body(CommandResult result) {
    return fields(JSON.createObjectBuilder(), result.outcome())
        .add("position", result.position())
        .build();
  }

  private static JsonObjectBuilder fields(JsonObjectBuilder json, CommandOutcome outcome) {
    if (outcome instanceof ConferenceSetUp o) {
      return json.add("id", o.conferenceId()).add("slug", o.slug());
    } else if (outcome instanceof SeatTypeSet o) {
      return json.add("code", o.code()).add("id", o.conferenceId());
    } else if (outcome instanceof PublicationSet o) {
      return json.add("published", o.published()).add("id", o.conferenceId());
    } else if (outcome instanceof BookingHeld o) {
      return json.add("id", o.bookingId())
          .add("status", "HELD")
          .add("holdUntil", o.holdUntil().toString())
          .add("total", o.total())
          .add("currency", o.currency())
          .add("registrantId", o.registrantId());
    } else if (outcome instanceof BookingStatusSet o) {
      return json.add("status", o.status().name()).add("id", o.bookingId());
    } else if (outcome instanceof AttendeesNamed o) {
      return json.add("attendees", o.attendees()).add("id", o.bookingId());
    } else if (outcome instanceof HoldsExpired o) {
      return json.add("id", o.conferenceId()).add("expired", o.expired()).add("more", o.more());
    } else if (outcome instanceof Unchanged o) {
      return json.add("id", o.id());
    }
    // Java 17 cannot switch over the sealed type; CommandJsonTest renders every kind
    throw new IllegalArgumentException("no JSON for " + outcome);
  }
}
