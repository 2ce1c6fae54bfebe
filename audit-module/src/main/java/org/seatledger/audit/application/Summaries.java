package org.seatledger.audit.application;

import java.util.Map;
import java.util.TreeMap;
import org.seatledger.booking.api.AttendeesAssigned;
import org.seatledger.booking.api.BookingCancelled;
import org.seatledger.booking.api.BookingConfirmed;
import org.seatledger.booking.api.BookingExpired;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.ConferenceCreated;
import org.seatledger.booking.api.ConferencePublished;
import org.seatledger.booking.api.ConferenceUnpublished;
import org.seatledger.booking.api.PersonalDataErased;
import org.seatledger.booking.api.SeatCapacityChanged;
import org.seatledger.booking.api.SeatQuantityChanged;
import org.seatledger.booking.api.SeatTypeAdded;
import org.seatledger.booking.api.SeatsCommitted;
import org.seatledger.booking.api.SeatsReleased;
import org.seatledger.booking.api.SeatsReserved;
import org.seatledger.booking.api.SlugClaimed;
import org.seatledger.eventlog.api.RecordedEvent;

/**
 * A sentence an auditor understands for every kind of event. It never holds personal data (names,
 * e-mails, payment references, cancellation reasons): summaries are stored in the audit trail in
 * clear and exported, so they name a person by subject id only. The personal fields themselves are
 * shown from the log at read time (history, state), where they read [erased] after an erasure.
 */
final class Summaries {
  /** The reason of a release of seats made by a booking's cancellation. */
  private static final String CANCELLED = "cancelled";

  private Summaries() {}

  static String of(RecordedEvent recorded) {
    String who = recorded.recordedBy();
    Object event = recorded.event();
    if (event instanceof ConferenceCreated e) {
      return who
          + " created the conference '"
          + e.name()
          + "' ("
          + e.slug()
          + ", "
          + e.startsOn()
          + " to "
          + e.endsOn()
          + ", "
          + e.venue()
          + ")";
    } else if (event instanceof SlugClaimed e) {
      return "The slug '" + e.slug() + "' was given to conference " + e.conferenceId();
    } else if (event instanceof SeatTypeAdded e) {
      return who
          + " added "
          + e.quantity()
          + " '"
          + e.name()
          + "' seats at "
          + e.price().toPlainString()
          + " "
          + e.currency();
    } else if (event instanceof SeatQuantityChanged e) {
      return who
          + " changed the '"
          + e.code()
          + "' seats from "
          + e.previousQuantity()
          + " to "
          + e.quantity();
    } else if (event instanceof ConferencePublished) {
      return who + " published the conference";
    } else if (event instanceof ConferenceUnpublished) {
      return who + " unpublished the conference";
    } else if (event instanceof SeatCapacityChanged e) {
      return "Capacity of '" + e.seatType() + "' set to " + e.capacity();
    } else if (event instanceof SeatsReserved e) {
      return seats(e.seats()) + " held for booking " + e.bookingId() + " until " + e.holdUntil();
    } else if (event instanceof SeatsCommitted e) {
      return seats(e.seats()) + " sold to booking " + e.bookingId();
    } else if (event instanceof SeatsReleased e) {
      return seats(e.seats())
          + " given back from booking "
          + e.bookingId()
          + " ("
          + e.reason()
          + ")";
    } else if (event instanceof BookingPlaced e) {
      return who
          + " booked "
          + seats(e.seats())
          + " for registrant "
          + e.registrantId()
          + ", total "
          + e.total().toPlainString()
          + " "
          + e.currency()
          + ", held until "
          + e.holdUntil();
    } else if (event instanceof BookingConfirmed e) {
      return who + " recorded a payment of " + e.amount().toPlainString() + " " + e.currency();
    } else if (event instanceof BookingCancelled e) {
      return who + " cancelled the booking";
    } else if (event instanceof BookingExpired e) {
      return "The hold expired at " + e.holdUntil() + " without payment";
    } else if (event instanceof AttendeesAssigned e) {
      return who + " named " + e.attendees().size() + " attendee(s)";
    } else if (event instanceof PersonalDataErased e) {
      return who + " erased the personal data of subject " + e.subjectId();
    }
    return recorded.type();
  }

  /**
   * The reason of the event's command, as the audit trail shows it. A cancellation's command
   * carries the cancellation's free text as its reason (the booking page sends it so; events
   * recorded before the text became personal data carried it too), on every event the command
   * appended: the booking's cancellation and the release of its seats (reason {@value #CANCELLED})
   * in the conference's availability. It is left out of both (the stored events keep it). A cancel
   * command carries no other reason, so nothing else is lost. This needs no decrypted text: the
   * trail reads events without the data keys, where comparing with the cancellation's own text
   * (erased to such a reader) would have let the free text through.
   */
  static String reasonOf(RecordedEvent recorded) {
    if (recorded.event() instanceof BookingCancelled) {
      return null;
    }
    if (recorded.event() instanceof SeatsReleased e && CANCELLED.equals(e.reason())) {
      return null;
    }
    return recorded.reason();
  }

  private static String seats(Map<String, Integer> seats) {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(seats)
        .forEach(
            (type, n) ->
                text.append(text.length() == 0 ? "" : ", ")
                    .append(n)
                    .append(" '")
                    .append(type)
                    .append("'"));
    return text
        + (seats.values().stream().mapToInt(Integer::intValue).sum() == 1 ? " seat" : " seats");
  }
}
