package org.seatledger.web.pages.bookings;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.seatledger.booking.api.BookingCommand.AssignAttendees;
import org.seatledger.booking.api.BookingCommand.AttendeeInput;
import org.seatledger.booking.api.BookingQueries.AttendeeView;
import org.seatledger.booking.api.BookingQueries.BookingView;
import org.seatledger.web.pages.FormCommands;
import org.seatledger.web.pages.RefusalFields;

/**
 * The attendees of a confirmed booking on {@code /bookings/{id}}: one row per seat (Name, E-mail),
 * filled with the names given so far. Rows left empty are not sent; a row with only one of its two
 * fields is answered next to the missing one before anything is sent.
 */
@Named
@RequestScoped
public class AttendeesForm {

  /** One seat's attendee; the inputs are {@code attendeeName_<n>} and {@code attendeeEmail_<n>}. */
  public static final class Slot {
    private final int number;
    private final String seatType;
    private final String seatName;
    private String name;
    private String email;

    Slot(int number, String seatType, String seatName) {
      this.number = number;
      this.seatType = seatType;
      this.seatName = seatName;
    }

    public int getNumber() {
      return number;
    }

    public String getSeatType() {
      return seatType;
    }

    public String getSeatName() {
      return seatName;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getEmail() {
      return email;
    }

    public void setEmail(String email) {
      this.email = email;
    }

    boolean blank() {
      return isBlank(name) && isBlank(email);
    }
  }

  @Inject BookingPage page;
  @Inject FormCommands commands;
  @Inject FacesContext faces;

  private List<Slot> slots;

  /** A row per seat, in the order of the booking's seats, with the attendees named so far. */
  public List<Slot> getSlots() {
    if (slots == null) {
      slots = new ArrayList<>();
      BookingView booking = page.getBooking();
      if (booking == null) {
        return slots;
      }
      List<AttendeeView> named = new ArrayList<>(booking.attendees());
      for (BookingPage.Seat seat : page.getSeats()) {
        for (int i = 0; i < seat.quantity(); i++) {
          Slot slot = new Slot(slots.size() + 1, seat.code(), seat.name());
          named.stream()
              .filter(a -> a.seatType().equals(seat.code()))
              .findFirst()
              .ifPresent(
                  a -> {
                    slot.name = a.name();
                    slot.email = a.email();
                    named.remove(a);
                  });
          slots.add(slot);
        }
      }
    }
    return slots;
  }

  public void assign() {
    BookingView booking = page.getBooking();
    if (booking == null) {
      return;
    }
    List<Slot> filled = new ArrayList<>();
    boolean complete = true;
    for (Slot slot : getSlots()) {
      if (slot.blank()) {
        continue;
      }
      complete &= present(slot.name, "attendeeName_" + slot.number, "Enter the attendee's name.");
      complete &=
          present(slot.email, "attendeeEmail_" + slot.number, "Enter the attendee's e-mail.");
      filled.add(slot);
    }
    if (!complete) {
      faces.validationFailed();
      return;
    }
    if (filled.isEmpty()) {
      String sentence = "Name at least one attendee.";
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, sentence, sentence));
      faces.validationFailed();
      return;
    }
    commands.send(
        () ->
            new AssignAttendees(
                booking.id(),
                filled.stream().map(s -> new AttendeeInput(s.seatType, s.name, s.email)).toList()),
        fields(filled),
        "The attendees are named.",
        result -> "/bookings/" + booking.id());
  }

  /** A refusal about one attendee's e-mail or name sits next to that attendee's field. */
  private static RefusalFields fields(List<Slot> filled) {
    return RefusalFields.of()
        .when(
            Pattern.compile("e-mail '([^']*)'"),
            m ->
                filled.stream()
                    .filter(s -> m.group(1).equals(s.email == null ? "" : s.email.strip()))
                    .findFirst()
                    .map(s -> "attendeeEmail_" + s.number)
                    .orElse(null));
  }

  private boolean present(String value, String field, String message) {
    if (!isBlank(value)) {
      return true;
    }
    faces.addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
    faces
        .getViewRoot()
        .invokeOnComponent(
            faces,
            field,
            (context, component) -> {
              if (component instanceof UIInput input) {
                input.setValid(false);
              }
            });
    return false;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
