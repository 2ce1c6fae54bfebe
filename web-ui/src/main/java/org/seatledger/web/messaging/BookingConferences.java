package org.seatledger.web.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.RecordedEvent;

/**
 * The conference each booking belongs to, which only a booking's first event names: every later
 * message about it needs it as its key. Read from the booking's stream once and remembered (the
 * most recent 10,000 bookings); a booking never changes conference.
 */
final class BookingConferences {

  private static final int REMEMBERED = 10_000;

  private final EventLog log;
  private final Map<String, String> known =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > REMEMBERED;
        }
      };

  BookingConferences(EventLog log) {
    this.log = log;
  }

  /** Notes what a booking's first event says, sparing the read later. */
  synchronized void placed(BookingPlaced placed) {
    known.put(placed.bookingId(), placed.conferenceId());
  }

  /**
   * @throws IllegalStateException when the booking's stream does not start with its placement
   */
  synchronized String conferenceOf(String bookingId) {
    String conference = known.get(bookingId);
    if (conference != null) {
      return conference;
    }
    List<RecordedEvent> first = log.readStream("booking-" + bookingId, 1, 1);
    if (first.isEmpty() || !(first.get(0).event() instanceof BookingPlaced placed)) {
      throw new IllegalStateException("booking " + bookingId + " has no BookingPlaced event");
    }
    known.put(bookingId, placed.conferenceId());
    return placed.conferenceId();
  }
}
