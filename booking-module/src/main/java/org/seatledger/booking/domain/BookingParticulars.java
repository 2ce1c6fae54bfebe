package org.seatledger.booking.domain;

import java.math.BigDecimal;
import java.util.List;
import org.seatledger.booking.api.Attendee;
import org.seatledger.booking.api.AttendeesAssigned;
import org.seatledger.booking.api.BookingCancelled;
import org.seatledger.booking.api.BookingConfirmed;
import org.seatledger.booking.api.BookingEvent;
import org.seatledger.booking.api.BookingExpired;
import org.seatledger.booking.api.BookingPlaced;

/**
 * What a booking's events record beyond what its decisions need: the registrant's name and e-mail,
 * the payment, the cancellation reason and the attendees — mostly personal data. Kept out of {@link
 * Booking}, whose state is cached and must hold none; folded only to answer a read (a booking's
 * page, an auditor's view), from the log as it reads then (erased data reads {@code [erased]}).
 * Status, seats and totals are the aggregate's, never folded here.
 *
 * @param registrantName null until placed
 * @param paymentReference null until confirmed
 * @param cancellationReason null until cancelled (and may stay null then)
 * @param attendees the latest assignment
 */
public record BookingParticulars(
    String registrantName,
    String registrantEmail,
    String paymentReference,
    BigDecimal amountPaid,
    String cancellationReason,
    List<Attendee> attendees) {

  /** Nothing recorded yet. */
  public static final BookingParticulars INITIAL =
      new BookingParticulars(null, null, null, null, null, List.of());

  /** How the particulars are folded from a booking's stream. */
  public static final Fold<BookingParticulars, BookingEvent> FOLD =
      new Fold<>(BookingEvent.class, INITIAL, BookingParticulars::evolve);

  public BookingParticulars {
    attendees = List.copyOf(attendees);
  }

  /** The particulars after {@code event}; these are left as they are. */
  public BookingParticulars evolve(BookingEvent event) {
    if (event instanceof BookingPlaced e) {
      return new BookingParticulars(
          e.registrantName(),
          e.registrantEmail(),
          paymentReference,
          amountPaid,
          cancellationReason,
          attendees);
    }
    if (event instanceof BookingConfirmed e) {
      return new BookingParticulars(
          registrantName,
          registrantEmail,
          e.paymentReference(),
          e.amount(),
          cancellationReason,
          attendees);
    }
    if (event instanceof BookingCancelled e) {
      return new BookingParticulars(
          registrantName, registrantEmail, paymentReference, amountPaid, e.reason(), attendees);
    }
    if (event instanceof BookingExpired e) {
      return this;
    }
    if (event instanceof AttendeesAssigned e) {
      return new BookingParticulars(
          registrantName,
          registrantEmail,
          paymentReference,
          amountPaid,
          cancellationReason,
          e.attendees());
    }
    // unreachable while every permitted event has its branch above (Java 17 has no pattern switch)
    throw new IllegalStateException("no evolve for " + event);
  }
}
