package org.seatledger.eventlog.api;

import java.util.List;

/**
 * A page of the log read for one reader: the events it asked for, and how far the page went.
 *
 * @param events the events of the classes asked for, in order
 * @param lastPosition the last position the page covered (the reader's next "after"); equal to the
 *     position asked after when the page is empty
 * @param scanned how many positions the page covered, whether their events were returned or not
 */
public record EventPage(List<RecordedEvent> events, long lastPosition, int scanned) {
  public EventPage {
    events = List.copyOf(events);
  }
}
