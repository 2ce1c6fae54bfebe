package org.seatledger.booking.domain;

import static org.seatledger.booking.api.CommandRefused.conflict;
import static org.seatledger.booking.api.CommandRefused.invalid;
import static org.seatledger.booking.api.CommandRefused.notFound;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seatledger.booking.api.Attendee;
import org.seatledger.booking.api.AttendeesAssigned;
import org.seatledger.booking.api.BookingCancelled;
import org.seatledger.booking.api.BookingConfirmed;
import org.seatledger.booking.api.BookingEvent;
import org.seatledger.booking.api.BookingExpired;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.BookingStatus;

/**
 * A registrant's booking: HELD until its deadline, then CONFIRMED (paid), CANCELLED or EXPIRED.
 * Reversals are compensating events; nothing is deleted. Holds no personal data in its state, only
 * the registrant's subject id: snapshots and caches never contain names or e-mails (what the events
 * say about people is folded apart, for auditors only: {@link BookingParticulars}).
 *
 * <p>An immutable state: {@link #evolve} returns a new one. Placing a booking is decided together
 * with the conference and its seats: {@link Placement}.
 *
 * @param id null until the booking is placed
 * @param seats per seat type code
 * @param attendees how many attendees are named
 */
public record Booking(
    String id,
    String conferenceId,
    String registrantId,
    BookingStatus status,
    Map<String, Integer> seats,
    BigDecimal total,
    String currency,
    Instant holdUntil,
    int attendees) {

  /** The stream type stored with every event of a booking. */
  public static final String STREAM_TYPE = "Booking";

  /** The state of a booking stream without events. */
  public static final Booking INITIAL =
      new Booking(null, null, null, null, Map.of(), null, null, null, 0);

  /** How a booking is rebuilt from its stream. */
  public static final Fold<Booking, BookingEvent> FOLD =
      new Fold<>(BookingEvent.class, INITIAL, Booking::evolve);

  public Booking {
    seats = Map.copyOf(seats);
  }

  public boolean exists() {
    return id != null;
  }

  /** Refuses to place a booking that exists; see {@link Placement} for the rules of placing. */
  public List<BookingEvent> decidePlace(BookingPlaced placed) {
    if (exists()) {
      throw conflict("The booking " + id + " exists already.");
    }
    return List.of(placed);
  }

  public List<BookingEvent> decideConfirm(
      String paymentReference, BigDecimal amount, String paidCurrency) {
    requireExists();
    if (status == BookingStatus.CONFIRMED) {
      return List.of();
    }
    if (status != BookingStatus.HELD) {
      throw conflict(
          "The booking is "
              + status.name().toLowerCase()
              + "; only a held booking can be confirmed.");
    }
    if (!currency.equals(paidCurrency) || total.compareTo(amount) != 0) {
      throw invalid(
          "The payment of "
              + amount.toPlainString()
              + " "
              + paidCurrency
              + " does not match the total of "
              + total.toPlainString()
              + " "
              + currency
              + ".");
    }
    return List.of(new BookingConfirmed(id, registrantId, paymentReference, amount, paidCurrency));
  }

  public List<BookingEvent> decideCancel(String reason) {
    requireExists();
    if (status == BookingStatus.CANCELLED) {
      return List.of();
    }
    if (status == BookingStatus.EXPIRED) {
      throw conflict("The booking has expired already; its seats were given back.");
    }
    return List.of(new BookingCancelled(id, registrantId, reason));
  }

  /** Expires the booking when it is still held and the clock has reached its deadline. */
  public List<BookingEvent> decideExpire(Clock clock) {
    if (!exists() || status != BookingStatus.HELD || holdUntil.isAfter(clock.instant())) {
      return List.of();
    }
    return List.of(new BookingExpired(id, holdUntil));
  }

  public List<BookingEvent> decideAssign(List<Attendee> assigned) {
    requireExists();
    if (status != BookingStatus.CONFIRMED) {
      throw conflict(
          "Attendees can be named only for a confirmed booking; this one is "
              + status.name().toLowerCase()
              + ".");
    }
    Map<String, Integer> perType = new HashMap<>();
    for (Attendee attendee : assigned) {
      if (!seats.containsKey(attendee.seatType())) {
        throw invalid("The booking has no '" + attendee.seatType() + "' seats.");
      }
      perType.merge(attendee.seatType(), 1, Integer::sum);
    }
    perType.forEach(
        (type, n) -> {
          if (n > seats.get(type)) {
            throw invalid(
                "The booking has " + seats.get(type) + " '" + type + "' seats, not " + n + ".");
          }
        });
    return List.of(new AttendeesAssigned(id, assigned));
  }

  /** The state after {@code event}; this state is left as it is. */
  public Booking evolve(BookingEvent event) {
    if (event instanceof BookingPlaced e) {
      return new Booking(
          e.bookingId(),
          e.conferenceId(),
          e.registrantId(),
          BookingStatus.HELD,
          e.seats(),
          e.total(),
          e.currency(),
          e.holdUntil(),
          attendees);
    }
    if (event instanceof BookingConfirmed e) {
      return withStatus(BookingStatus.CONFIRMED);
    }
    if (event instanceof BookingCancelled e) {
      return withStatus(BookingStatus.CANCELLED);
    }
    if (event instanceof BookingExpired e) {
      return withStatus(BookingStatus.EXPIRED);
    }
    if (event instanceof AttendeesAssigned e) {
      return new Booking(
          id,
          conferenceId,
          registrantId,
          status,
          seats,
          total,
          currency,
          holdUntil,
          e.attendees().size());
    }
    // unreachable while every permitted event has its branch above (Java 17 has no pattern switch)
    throw new IllegalStateException("no evolve for " + event);
  }

  private Booking withStatus(BookingStatus next) {
    return new Booking(
        id, conferenceId, registrantId, next, seats, total, currency, holdUntil, attendees);
  }

  private void requireExists() {
    if (!exists()) {
      throw notFound("There is no such booking.");
    }
  }
}
