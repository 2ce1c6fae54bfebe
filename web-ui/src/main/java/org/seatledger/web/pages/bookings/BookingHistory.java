package org.seatledger.web.pages.bookings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.seatledger.booking.api.AttendeesAssigned;
import org.seatledger.booking.api.BookingCancelled;
import org.seatledger.booking.api.BookingConfirmed;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.web.pages.Formats;

/**
 * A booking's history in short, for its page: when, who, what — one line per event of its stream.
 * The whole record (every field, hashes, causation) is the auditor's page; this is what staff need
 * to answer "what happened to this booking".
 */
final class BookingHistory {

  /** One event as a person reads it. */
  public record Line(Instant at, String who, String what) {}

  /** The most lines shown; a booking has a handful of events. */
  static final int LIMIT = 100;

  private static final Formats FORMATS = new Formats();

  private static final Map<String, Function<RecordedEvent, String>> SENTENCES =
      Map.of(
          "BookingPlaced",
          e -> {
            BookingPlaced placed = (BookingPlaced) e.event();
            int seats = placed.seats().values().stream().mapToInt(Integer::intValue).sum();
            return "Placed: "
                + seats
                + (seats == 1 ? " seat" : " seats")
                + " held, "
                + FORMATS.money(placed.total(), placed.currency());
          },
          "BookingConfirmed",
          e -> {
            BookingConfirmed confirmed = (BookingConfirmed) e.event();
            return "Confirmed: "
                + FORMATS.money(confirmed.amount(), confirmed.currency())
                + " paid, reference "
                + confirmed.paymentReference();
          },
          "BookingCancelled",
          e -> "Cancelled: " + ((BookingCancelled) e.event()).reason(),
          "BookingExpired",
          e -> "Expired: the hold ended unpaid; its seats were given back",
          "AttendeesAssigned",
          e -> {
            int named = ((AttendeesAssigned) e.event()).attendees().size();
            return "Attendees named: " + named;
          });

  private BookingHistory() {}

  private static String describe(RecordedEvent event) {
    Function<RecordedEvent, String> sentence = SENTENCES.get(event.type());
    try {
      return sentence == null ? event.type() : sentence.apply(event);
    } catch (ClassCastException olderShape) {
      return event.type(); // an event type whose decoded class is not the one described here
    }
  }

  /** The lines of {@code bookingId}'s stream, oldest first. */
  static List<Line> of(EventLog log, String bookingId) {
    List<Line> lines = new ArrayList<>();
    for (RecordedEvent event : log.readStream("booking-" + bookingId, 1, LIMIT)) {
      lines.add(
          new Line(
              event.recordedAt(),
              event.recordedBy() == null ? "" : event.recordedBy(),
              describe(event)));
    }
    return lines;
  }
}
