package org.seatledger.booking.api;

import static org.seatledger.booking.api.CommandRefused.invalid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What staff (and the server's own processes) can ask of the booking module. Each command checks
 * its own input in its constructor and refuses bad input with a sentence ({@link CommandRefused},
 * kind INVALID); the rules that depend on state are checked when it is carried out.
 */
public sealed interface BookingCommand {

  Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,58}[a-z0-9])");
  Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,29}");
  Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

  /** A command about an existing conference, carried out by that conference's writer. */
  sealed interface OnConference extends BookingCommand {
    String conferenceId();
  }

  /** A command about an existing booking, carried out by the writer of the booking's conference. */
  sealed interface OnBooking extends BookingCommand {
    String bookingId();
  }

  /** Sets up a conference, unpublished. */
  record CreateConference(
      String name, String slug, LocalDate startsOn, LocalDate endsOn, String venue)
      implements BookingCommand {
    public CreateConference {
      name = requireText(name, "name", Limits.NAME);
      venue = requireText(venue, "venue", Limits.NAME);
      if (slug == null || !SLUG.matcher(slug).matches()) {
        throw invalid(
            "The slug must be 3 to 60 lower-case letters, digits and dashes, e.g. 'devconf-2027'.");
      }
      if (startsOn == null || endsOn == null) {
        throw invalid("Give startsOn and endsOn as dates, e.g. 2027-05-04.");
      }
    }
  }

  /** Offers a new type of seat. */
  record AddSeatType(
      String conferenceId,
      String code,
      String name,
      int quantity,
      BigDecimal price,
      String currency)
      implements OnConference {
    public AddSeatType {
      if (code == null || !CODE.matcher(code).matches()) {
        throw invalid(
            "The seat type code must be 1 to 30 lower-case letters, digits, '-' or '_', e.g. 'standard'.");
      }
      name = requireText(name, "name", Limits.SEAT_TYPE_NAME);
      checkQuantity(quantity);
      if (price == null || price.signum() < 0 || price.scale() > 2) {
        throw invalid("The price must be a non-negative amount with at most two decimals.");
      }
      if (price.compareTo(Limits.MAX_PRICE) > 0) {
        throw invalid("A seat costs at most " + Limits.MAX_PRICE_TEXT + ".");
      }
      currency = currencyCode(currency);
    }
  }

  /** Adds or removes seats of a type; never below what is held and sold. */
  record ChangeSeatQuantity(String conferenceId, String code, int quantity)
      implements OnConference {
    public ChangeSeatQuantity {
      checkQuantity(quantity);
    }
  }

  /** Opens the conference for bookings. */
  record PublishConference(String conferenceId) implements OnConference {}

  /** Stops new bookings. */
  record UnpublishConference(String conferenceId) implements OnConference {}

  /** Holds seats for a registrant until the hold deadline. */
  record PlaceBooking(
      String conferenceId,
      String registrantName,
      String registrantEmail,
      Map<String, Integer> seats)
      implements OnConference {
    public PlaceBooking {
      registrantName = requireText(registrantName, "registrant's name", Limits.NAME);
      registrantEmail = requireEmail(registrantEmail, "registrant's e-mail");
      if (seats == null || seats.isEmpty()) {
        throw invalid("Ask for at least one seat, e.g. {\"standard\": 2}.");
      }
      if (seats.size() > Limits.SEAT_TYPES) {
        throw invalid("A booking has at most " + Limits.SEAT_TYPES + " seat types.");
      }
      long count = 0;
      for (Map.Entry<String, Integer> entry : seats.entrySet()) {
        if (entry.getValue() == null
            || entry.getValue() < 1
            || entry.getValue() > Limits.SEATS_PER_BOOKING) {
          throw invalid(
              "Ask for 1 to " + Limits.SEATS_PER_BOOKING + " seats of '" + entry.getKey() + "'.");
        }
        count += entry.getValue();
      }
      if (count > Limits.SEATS_PER_BOOKING) {
        throw invalid(
            "A booking has at most " + Limits.SEATS_PER_BOOKING + " seats, not " + count + ".");
      }
      seats = Map.copyOf(seats);
    }
  }

  /** Records the payment of a held booking. */
  record ConfirmBooking(
      String bookingId, String paymentReference, BigDecimal amount, String currency)
      implements OnBooking {
    public ConfirmBooking {
      paymentReference =
          requireText(paymentReference, "payment reference", Limits.PAYMENT_REFERENCE);
      if (amount == null || amount.signum() < 0) {
        throw invalid("Give the amount paid.");
      }
      currency = currencyCode(currency);
    }
  }

  /** Cancels a booking, held or confirmed; its seats are given back. */
  record CancelBooking(String bookingId, String reason) implements OnBooking {
    public CancelBooking {
      reason = requireText(reason, "reason", Limits.REASON);
    }
  }

  /** Names the people on the seats of a confirmed booking. */
  record AssignAttendees(String bookingId, List<AttendeeInput> attendees) implements OnBooking {
    public AssignAttendees {
      if (attendees == null || attendees.isEmpty()) {
        throw invalid("Name at least one attendee.");
      }
      attendees = List.copyOf(attendees);
    }
  }

  /** One attendee of {@link AssignAttendees}. */
  record AttendeeInput(String seatType, String name, String email) {
    public AttendeeInput {
      if (seatType == null || seatType.isBlank()) {
        throw invalid("Give each attendee's seat type.");
      }
      name = requireText(name, "attendee's name", Limits.NAME);
      email = requireEmail(email, "attendee's e-mail");
    }
  }

  /** The server's own: expires the holds of a conference whose deadline has passed. */
  record ExpireOverdueHolds(String conferenceId) implements OnConference {}

  private static String requireText(String value, String what, int max) {
    if (value == null || value.isBlank()) {
      throw invalid("The " + what + " is required.");
    }
    String trimmed = value.strip();
    if (trimmed.length() > max) {
      throw invalid("The " + what + " has at most " + max + " characters.");
    }
    return trimmed;
  }

  private static String requireEmail(String value, String what) {
    String email = requireText(value, what, Limits.EMAIL);
    if (!EMAIL.matcher(email).matches()) {
      throw invalid("The " + what + " '" + email + "' is not an e-mail address.");
    }
    return email;
  }

  private static void checkQuantity(int quantity) {
    if (quantity < 0 || quantity > Limits.SEATS_PER_TYPE) {
      throw invalid("The quantity must be between 0 and " + Limits.SEATS_PER_TYPE + ".");
    }
  }

  private static String currencyCode(String code) {
    try {
      return Currency.getInstance(code == null ? "" : code.strip().toUpperCase()).getCurrencyCode();
    } catch (IllegalArgumentException e) {
      throw invalid("The currency must be an ISO 4217 code such as EUR or USD.");
    }
  }
}
