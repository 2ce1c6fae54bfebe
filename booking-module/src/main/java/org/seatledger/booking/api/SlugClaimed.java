package org.seatledger.booking.api;

import java.util.Objects;
import org.seatledger.eventlog.api.EventType;

/**
 * A conference claimed its slug. Each slug is a stream of its own that can only be created once, so
 * two conferences can never get the same slug, also when created at the same moment on two servers.
 */
@EventType(name = "SlugClaimed")
public record SlugClaimed(String slug, String conferenceId) {
  public SlugClaimed {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(conferenceId, "conferenceId");
  }
}
