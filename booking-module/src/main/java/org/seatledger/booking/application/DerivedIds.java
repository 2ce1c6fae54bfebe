package org.seatledger.booking.application;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Ids derived from a command's id: a repeated command names the same conference or booking. */
final class DerivedIds {
  private DerivedIds() {}

  /** A name-based UUID of {@code kind:commandId}. */
  static String of(String kind, String commandId) {
    return UUID.nameUUIDFromBytes((kind + ":" + commandId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
