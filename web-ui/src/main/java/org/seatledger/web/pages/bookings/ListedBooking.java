package org.seatledger.web.pages.bookings;

import java.util.function.Function;
import org.seatledger.reporting.api.ReportingQueries.BookingRow;
import org.seatledger.web.pages.Formats;

/**
 * A row of the bookings list or the holds console, written out once in Java: the page reads it as
 * plain properties. Calling methods from EL ({@code #{row.status().substring(1)}}) resolves each
 * method by reflection on every call, which for a page of rows cost more than its query.
 */
public final class ListedBooking {

  private final BookingRow row;
  private final String conferenceName;
  private final String status;
  private final String total;
  private final String placedAt;
  private final String holdUntil;

  ListedBooking(BookingRow row, Function<String, String> conferenceNames, Formats formats) {
    this.row = row;
    this.conferenceName = conferenceNames.apply(row.conferenceId());
    this.status = row.status().charAt(0) + row.status().substring(1).toLowerCase();
    this.total = formats.money(row.total(), row.currency());
    this.placedAt = formats.moment(row.placedAt());
    this.holdUntil = formats.moment(row.holdUntil());
  }

  public String getId() {
    return row.id();
  }

  public String getRegistrantName() {
    return row.registrantName();
  }

  public String getRegistrantEmail() {
    return row.registrantEmail();
  }

  public String getConferenceName() {
    return conferenceName;
  }

  /** {@code Held}, {@code Confirmed}, …: as people read it. */
  public String getStatus() {
    return status;
  }

  /** {@code held}, {@code confirmed}, …: for the badge's class. */
  public String getStatusCode() {
    return row.status().toLowerCase();
  }

  public boolean isHeld() {
    return "HELD".equals(row.status());
  }

  public int getSeatCount() {
    return row.seatCount();
  }

  public String getTotal() {
    return total;
  }

  public String getPlacedAt() {
    return placedAt;
  }

  public String getPlacedAtIso() {
    return row.placedAt() == null ? "" : row.placedAt().toString();
  }

  public String getHoldUntil() {
    return holdUntil;
  }

  public String getHoldUntilIso() {
    return row.holdUntil() == null ? "" : row.holdUntil().toString();
  }

  /** The hold's deadline, for the server-written countdown text. */
  java.time.Instant holdUntilInstant() {
    return row.holdUntil();
  }
}
