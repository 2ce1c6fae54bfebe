package org.seatledger.booking.domain;

import static org.seatledger.booking.api.CommandRefused.conflict;
import static org.seatledger.booking.api.CommandRefused.invalid;
import static org.seatledger.booking.api.CommandRefused.notFound;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seatledger.booking.api.Attendee;
import org.seatledger.booking.api.AttendeesAssigned;
import org.seatledger.booking.api.BookingCancelled;
import org.seatledger.booking.api.BookingConfirmed;
import org.seatledger.booking.api.BookingExpired;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.BookingStatus;

/**
 * A registrant's booking: HELD until its deadline, then CONFIRMED (paid), CANCELLED or EXPIRED.
 * Reversals are compensating events; nothing is deleted. Holds no personal data in its state, only
 * the registrant's subject id: snapshots and caches never contain names or e-mails.
 */
public final class Booking {

  private String id;
  private String conferenceId;
  private String registrantId;
  private BookingStatus status;
  private Map<String, Integer> seats = Map.of();
  private BigDecimal total;
  private String currency;
  private Instant holdUntil;
  private int attendees;

  public boolean exists() {
    return id != null;
  }

  public List<Object> decidePlace(BookingPlaced placed) {
    if (exists()) {
      throw conflict("The booking " + id + " exists already.");
    }
    return List.of(placed);
  }

  public List<Object> decideConfirm(
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

  public List<Object> decideCancel(String reason) {
    requireExists();
    if (status == BookingStatus.CANCELLED) {
      return List.of();
    }
    if (status == BookingStatus.EXPIRED) {
      throw conflict("The booking has expired already; its seats were given back.");
    }
    return List.of(new BookingCancelled(id, registrantId, reason));
  }

  /** Expires the booking when it is still held and its deadline has passed; else nothing. */
  public List<Object> decideExpire(Instant now) {
    if (!exists() || status != BookingStatus.HELD || holdUntil.isAfter(now)) {
      return List.of();
    }
    return List.of(new BookingExpired(id, holdUntil));
  }

  public List<Object> decideAssign(List<Attendee> assigned) {
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

  public Booking evolve(Object event) {
    if (event instanceof BookingPlaced e) {
      id = e.bookingId();
      conferenceId = e.conferenceId();
      registrantId = e.registrantId();
      status = BookingStatus.HELD;
      seats = e.seats();
      total = e.total();
      currency = e.currency();
      holdUntil = e.holdUntil();
    } else if (event instanceof BookingConfirmed) {
      status = BookingStatus.CONFIRMED;
    } else if (event instanceof BookingCancelled) {
      status = BookingStatus.CANCELLED;
    } else if (event instanceof BookingExpired) {
      status = BookingStatus.EXPIRED;
    } else if (event instanceof AttendeesAssigned e) {
      attendees = e.attendees().size();
    }
    return this;
  }

  private void requireExists() {
    if (!exists()) {
      throw notFound("There is no such booking.");
    }
  }

  public String id() {
    return id;
  }

  public String conferenceId() {
    return conferenceId;
  }

  public String registrantId() {
    return registrantId;
  }

  public BookingStatus status() {
    return status;
  }

  public Map<String, Integer> seats() {
    return seats;
  }

  public BigDecimal total() {
    return total;
  }

  public String currency() {
    return currency;
  }

  public Instant holdUntil() {
    return holdUntil;
  }

  public int attendees() {
    return attendees;
  }
}
