package org.seatledger.booking.api;

import java.time.LocalDate;
import java.util.Objects;
import org.seatledger.eventlog.api.EventType;

/** A conference was set up, unpublished, under a slug no other conference has. */
@EventType(name = "ConferenceCreated")
public record ConferenceCreated(
    String conferenceId,
    String name,
    String slug,
    LocalDate startsOn,
    LocalDate endsOn,
    String venue)
    implements ConferenceEvent {

  public ConferenceCreated {
    Objects.requireNonNull(conferenceId, "conferenceId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(startsOn, "startsOn");
    Objects.requireNonNull(endsOn, "endsOn");
  }
}
