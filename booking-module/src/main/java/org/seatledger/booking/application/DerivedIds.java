package org.seatledger.booking.application;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids derived from a command's id, for a conference: its writer is chosen by the conference's id
 * before the command is decided, so the id must be known from the command alone. Bookings,
 * registrants and attendees get new time-ordered ids instead ({@code BookingHandler}).
 */
final class DerivedIds {
  private DerivedIds() {}

  /** A name-based UUID of {@code kind:commandId}. */
  static String of(String kind, String commandId) {
    return UUID.nameUUIDFromBytes((kind + ":" + commandId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
