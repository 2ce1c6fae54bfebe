package org.seatledger.web.pages.bookings;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.seatledger.booking.api.BookingCommand.CancelBooking;
import org.seatledger.booking.api.BookingCommand.ConfirmBooking;
import org.seatledger.booking.api.BookingQueries;
import org.seatledger.booking.api.BookingQueries.BookingView;
import org.seatledger.booking.api.BookingQueries.ConferenceView;
import org.seatledger.booking.api.BookingQueries.SeatTypeView;
import org.seatledger.booking.api.BookingStatus;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.web.pages.FormCommands;
import org.seatledger.web.pages.NotFound;
import org.seatledger.web.pages.RefusalFields;

/**
 * {@code /bookings/{id}}: status, seats, total, the hold's deadline with its countdown, the
 * attendees and the booking's history in short; for staff the forms to confirm (Payment reference,
 * Amount prefilled with the total) and to cancel (Reason). Attendees are named by {@link
 * AttendeesForm}.
 *
 * <p>The booking comes from its aggregate, so the page is current right after a command without
 * waiting for a read model.
 */
@Named
@RequestScoped
public class BookingPage {

  static final RefusalFields CONFIRM_FIELDS =
      RefusalFields.of()
          .when("payment reference", "paymentReference")
          .when("payment of|amount", "amount");

  static final RefusalFields CANCEL_FIELDS = RefusalFields.of().when("reason", "reason");

  /** A seat of the booking: its type's code and name, and the price of one. */
  public record Seat(String code, String name, int quantity, BigDecimal price, String currency) {}

  @Inject BookingQueries queries;
  @Inject EventLog log;
  @Inject FormCommands commands;
  @Inject FacesContext faces;

  private Optional<BookingView> booking;
  private ConferenceView conference;
  private List<BookingHistory.Line> history;

  private String paymentReference;
  private BigDecimal amount;
  private String reason;

  /** The view action: 404 for an unknown booking. */
  public void load() {
    if (getBooking() == null) {
      NotFound.answer(faces);
    }
  }

  public BookingView getBooking() {
    if (booking == null) {
      String id = faces.getExternalContext().getRequestParameterMap().get("id");
      booking = id == null || id.isBlank() ? Optional.empty() : queries.booking(id);
      booking.ifPresent(b -> conference = queries.conference(b.conferenceId()).orElse(null));
      booking.ifPresent(b -> amount = amount == null ? inCents(b.total(), b.currency()) : amount);
    }
    return booking.orElse(null);
  }

  /**
   * {@code 50} EUR is prefilled as {@code 50.00}: with the currency's decimals, as money is typed.
   */
  private static BigDecimal inCents(BigDecimal total, String currency) {
    int decimals = 2;
    try {
      decimals = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
    } catch (IllegalArgumentException | NullPointerException unknown) {
      // two decimals
    }
    return total == null || total.scale() >= decimals ? total : total.setScale(decimals);
  }

  /** The booking's conference (null if it could not be read). */
  public ConferenceView getConference() {
    getBooking();
    return conference;
  }

  /** The booking's seats with their type's name and price, in the conference's order. */
  public List<Seat> getSeats() {
    BookingView view = getBooking();
    List<Seat> seats = new ArrayList<>();
    if (view == null) {
      return seats;
    }
    List<SeatTypeView> types = conference == null ? List.of() : conference.seatTypes();
    for (SeatTypeView type : types) {
      Integer quantity = view.seats().get(type.code());
      if (quantity != null) {
        seats.add(new Seat(type.code(), type.name(), quantity, type.price(), type.currency()));
      }
    }
    for (Map.Entry<String, Integer> seat : view.seats().entrySet()) {
      if (types.stream().noneMatch(t -> t.code().equals(seat.getKey()))) {
        seats.add(new Seat(seat.getKey(), seat.getKey(), seat.getValue(), null, view.currency()));
      }
    }
    return seats;
  }

  public int getSeatCount() {
    BookingView view = getBooking();
    return view == null ? 0 : view.seats().values().stream().mapToInt(Integer::intValue).sum();
  }

  public boolean isHeld() {
    return getBooking() != null && booking.get().status() == BookingStatus.HELD;
  }

  public boolean isConfirmed() {
    return getBooking() != null && booking.get().status() == BookingStatus.CONFIRMED;
  }

  /** Held and confirmed bookings can be cancelled. */
  public boolean isCancellable() {
    return isHeld() || isConfirmed();
  }

  /** The booking's events as lines: when, who, what. */
  public List<BookingHistory.Line> getHistory() {
    if (history == null) {
      history = getBooking() == null ? List.of() : BookingHistory.of(log, booking.get().id());
    }
    return history;
  }

  public void confirm() {
    BookingView view = existing();
    if (view == null) {
      return;
    }
    commands.send(
        () -> new ConfirmBooking(view.id(), paymentReference, amount, view.currency()),
        CONFIRM_FIELDS,
        "The booking is confirmed: its seats are sold.",
        result -> "/bookings/" + view.id());
  }

  public void cancel() {
    BookingView view = existing();
    if (view == null) {
      return;
    }
    commands.send(
        () -> new CancelBooking(view.id(), reason),
        reason,
        CANCEL_FIELDS,
        "The booking is cancelled; its seats are given back.",
        result -> "/bookings/" + view.id());
  }

  private BookingView existing() {
    BookingView view = getBooking();
    if (view == null) {
      NotFound.answer(faces);
    }
    return view;
  }

  public String getPaymentReference() {
    return paymentReference;
  }

  public void setPaymentReference(String paymentReference) {
    this.paymentReference = paymentReference;
  }

  public BigDecimal getAmount() {
    getBooking();
    return amount;
  }

  public void setAmount(BigDecimal amount) {
    this.amount = amount;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
