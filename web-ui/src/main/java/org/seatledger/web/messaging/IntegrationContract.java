package org.seatledger.web.messaging;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.seatledger.booking.api.BookingCancelled;
import org.seatledger.booking.api.BookingConfirmed;
import org.seatledger.booking.api.BookingExpired;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.ConferencePublished;
import org.seatledger.booking.api.PersonalDataErased;
import org.seatledger.booking.api.SeatCapacityChanged;
import org.seatledger.booking.api.SeatsCommitted;
import org.seatledger.booking.api.SeatsReleased;
import org.seatledger.booking.api.SeatsReserved;
import org.seatledger.eventlog.api.RecordedEvent;

/**
 * The public integration contract: which stored events other systems hear of, and in which shape.
 * Each type has a JSON schema of its own under {@code docs/integration/schemas} and a version of
 * its own, so the stored events can change (new versions, upcasters) without breaking a consumer;
 * golden files in the tests hold every shape.
 *
 * <p>No personal data: a booking names its registrant by id only (no name, e-mail, payment
 * reference or cancellation reason, which are encrypted in the log), so nothing on a topic needs
 * erasing. {@code PersonalDataErased} still tells consumers that a registrant id's person was
 * erased, for whatever they linked to it themselves.
 */
public final class IntegrationContract {

  /** Prefix of every CloudEvents type of the contract. */
  public static final String TYPE_PREFIX = "org.seatledger.";

  /** The stored event classes the contract is made from; the relay decodes no others. */
  public static final Set<Class<?>> SOURCES =
      Set.of(
          ConferencePublished.class,
          BookingPlaced.class,
          BookingConfirmed.class,
          BookingCancelled.class,
          BookingExpired.class,
          SeatsReserved.class,
          SeatsCommitted.class,
          SeatsReleased.class,
          SeatCapacityChanged.class,
          PersonalDataErased.class);

  /** Every type of the contract with its current schema version. */
  public static final Map<String, Integer> TYPES =
      Map.of(
          "ConferencePublished", 1,
          "BookingPlaced", 1,
          "BookingConfirmed", 1,
          "BookingCancelled", 1,
          "BookingExpired", 1,
          "SeatAvailabilityChanged", 1,
          "PersonalDataErased", 1,
          "PaymentRejected", 1);

  private static final JsonProvider JSON = JsonProvider.provider();

  private final UnaryOperator<String> conferenceOfBooking;

  /**
   * @param conferenceOfBooking the conference a booking belongs to (the events after a booking's
   *     first do not repeat it, and the conference id is every message's key)
   */
  public IntegrationContract(UnaryOperator<String> conferenceOfBooking) {
    this.conferenceOfBooking = conferenceOfBooking;
  }

  /** The integration event a stored event makes, or empty when the contract leaves it out. */
  public Optional<IntegrationEvent> toIntegration(RecordedEvent recorded) {
    Object event = recorded.event();
    if (event instanceof ConferencePublished e) {
      return of(recorded, "ConferencePublished", e.conferenceId(), e.conferenceId(), conference(e));
    }
    if (event instanceof BookingPlaced e) {
      return of(recorded, "BookingPlaced", e.conferenceId(), e.bookingId(), placed(e));
    }
    if (event instanceof BookingConfirmed e) {
      String conference = conferenceOfBooking.apply(e.bookingId());
      JsonObjectBuilder data =
          booking(e.bookingId(), conference)
              .add("amount", e.amount())
              .add("currency", e.currency());
      return of(recorded, "BookingConfirmed", conference, e.bookingId(), data);
    }
    if (event instanceof BookingCancelled e) {
      String conference = conferenceOfBooking.apply(e.bookingId());
      return of(
          recorded,
          "BookingCancelled",
          conference,
          e.bookingId(),
          booking(e.bookingId(), conference));
    }
    if (event instanceof BookingExpired e) {
      String conference = conferenceOfBooking.apply(e.bookingId());
      JsonObjectBuilder data =
          booking(e.bookingId(), conference).add("holdUntil", e.holdUntil().toString());
      return of(recorded, "BookingExpired", conference, e.bookingId(), data);
    }
    if (event instanceof SeatsReserved e) {
      return seats(recorded, e.conferenceId(), "HELD", e.bookingId(), e.seats());
    }
    if (event instanceof SeatsCommitted e) {
      return seats(recorded, e.conferenceId(), "SOLD", e.bookingId(), e.seats());
    }
    if (event instanceof SeatsReleased e) {
      return seats(
          recorded,
          e.conferenceId(),
          e.wereSold() ? "SOLD_RELEASED" : "HELD_RELEASED",
          e.bookingId(),
          e.seats());
    }
    if (event instanceof SeatCapacityChanged e) {
      return seats(
          recorded, e.conferenceId(), "CAPACITY", null, Map.of(e.seatType(), e.capacity()));
    }
    if (event instanceof PersonalDataErased e) {
      // no conference to key it by: the subject's own id keeps its messages in order
      return of(
          recorded,
          "PersonalDataErased",
          e.subjectId(),
          e.subjectId(),
          JSON.createObjectBuilder().add("subjectId", e.subjectId()));
    }
    return Optional.empty();
  }

  private static JsonObjectBuilder conference(ConferencePublished e) {
    return JSON.createObjectBuilder().add("conferenceId", e.conferenceId());
  }

  private static JsonObjectBuilder placed(BookingPlaced e) {
    return booking(e.bookingId(), e.conferenceId())
        .add("registrantId", e.registrantId())
        .add("seats", counts(e.seats()))
        .add("total", e.total())
        .add("currency", e.currency())
        .add("holdUntil", e.holdUntil().toString());
  }

  private static JsonObjectBuilder booking(String bookingId, String conferenceId) {
    return JSON.createObjectBuilder().add("bookingId", bookingId).add("conferenceId", conferenceId);
  }

  private static Optional<IntegrationEvent> seats(
      RecordedEvent recorded,
      String conferenceId,
      String change,
      String bookingId,
      Map<String, Integer> seats) {
    JsonObjectBuilder data =
        JSON.createObjectBuilder().add("conferenceId", conferenceId).add("change", change);
    if (bookingId != null) {
      data.add("bookingId", bookingId);
    }
    data.add("seats", counts(seats));
    return of(
        recorded,
        "SeatAvailabilityChanged",
        conferenceId,
        bookingId == null ? conferenceId : bookingId,
        data);
  }

  /** Seat counts by seat type, in code order so equal data is equal text. */
  private static JsonObjectBuilder counts(Map<String, Integer> seats) {
    JsonObjectBuilder counts = JSON.createObjectBuilder();
    new TreeMap<>(seats).forEach(counts::add);
    return counts;
  }

  private static Optional<IntegrationEvent> of(
      RecordedEvent recorded, String type, String key, String subject, JsonObjectBuilder data) {
    JsonObject built = data.build();
    return Optional.of(
        new IntegrationEvent(
            recorded.eventId(),
            type,
            TYPES.get(type),
            key,
            subject,
            recorded.recordedAt(),
            recorded.globalPosition(),
            recorded.correlationId(),
            recorded.causationId(),
            built));
  }
}
