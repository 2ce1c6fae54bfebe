package org.seatledger.web.pages.bookings;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.seatledger.reporting.api.ReportingQueries;
import org.seatledger.reporting.api.ReportingQueries.BookingFilter;
import org.seatledger.reporting.api.ReportingQueries.BookingRow;
import org.seatledger.reporting.api.ReportingQueries.Page;
import org.seatledger.web.pages.Formats;

/**
 * {@code /holds}: the held bookings whose deadline comes first, across conferences, each with a
 * countdown — the bookings read model's list with {@code status=HELD} sorted by deadline (one
 * indexed query). A hold drops off once the expiry round has expired it and the read model has seen
 * that; {@code js/holds.js} refetches the list every few seconds, and without scripts a reload
 * shows the same.
 */
@Named
@RequestScoped
public class HoldsConsole {

  /** How many holds the console shows. */
  static final int SHOWN = 50;

  /** How often {@code js/holds.js} refetches the list. */
  static final int REFRESH_SECONDS = 3;

  @Inject ReportingQueries reporting;
  @Inject Countdowns countdowns;

  private static final Formats FORMATS = new Formats();

  private Page<BookingRow> holds;
  private List<ListedBooking> rows;
  private Map<String, String> conferenceNames;

  public Page<BookingRow> getHolds() {
    if (holds == null) {
      holds =
          reporting.bookings(new BookingFilter(null, "HELD", null, "holdUntil", false, 1, SHOWN));
    }
    return holds;
  }

  /** The held bookings shown, as the console shows them. */
  public List<ListedBooking> getRows() {
    if (rows == null) {
      rows =
          getHolds().items().stream()
              .map(row -> new ListedBooking(row, this::conferenceName, FORMATS))
              .toList();
    }
    return rows;
  }

  /** {@code 14 min 5 s left}, as of rendering, for each row (js/countdown.js keeps it running). */
  public String left(ListedBooking row) {
    return countdowns.left(row.holdUntilInstant());
  }

  public String conferenceName(String id) {
    if (conferenceNames == null) {
      conferenceNames = reporting.conferenceNames();
    }
    return conferenceNames.getOrDefault(id, id);
  }

  public int getRefreshSeconds() {
    return REFRESH_SECONDS;
  }
}
