package org.seatledger.booking.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import org.seatledger.booking.api.AttendeesAssigned;
import org.seatledger.booking.api.BookingCancelled;
import org.seatledger.booking.api.BookingConfirmed;
import org.seatledger.booking.api.BookingExpired;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.ConferenceCreated;
import org.seatledger.booking.api.ConferencePublished;
import org.seatledger.booking.api.ConferenceUnpublished;
import org.seatledger.booking.api.PersonalDataErased;
import org.seatledger.booking.api.SeatCapacityChanged;
import org.seatledger.booking.api.SeatQuantityChanged;
import org.seatledger.booking.api.SeatTypeAdded;
import org.seatledger.booking.api.SeatsCommitted;
import org.seatledger.booking.api.SeatsReleased;
import org.seatledger.booking.api.SeatsReserved;
import org.seatledger.booking.api.SlugClaimed;
import org.seatledger.eventlog.api.EventCatalogue;

/** Every event type of the booking module, and the upcasters of their older shapes. */
@ApplicationScoped
public class BookingCatalogue implements EventCatalogue {
  /** Looked up once: {@code Json.create…} looks the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Override
  public void register(Registrar registrar) {
    registrar
        .event(ConferenceCreated.class)
        .event(SlugClaimed.class)
        .event(SeatTypeAdded.class)
        .event(SeatQuantityChanged.class)
        .event(ConferencePublished.class)
        .event(ConferenceUnpublished.class)
        .event(SeatCapacityChanged.class)
        .event(SeatsReserved.class)
        .upcaster("SeatsReserved", 1, BookingCatalogue::seatsReservedV1toV2)
        .event(SeatsCommitted.class)
        .event(SeatsReleased.class)
        .event(BookingPlaced.class)
        .event(BookingConfirmed.class)
        .upcaster("BookingConfirmed", 1, BookingCatalogue::namedNoRegistrant)
        .event(BookingCancelled.class)
        .upcaster("BookingCancelled", 1, BookingCatalogue::namedNoRegistrant)
        .event(BookingExpired.class)
        .event(AttendeesAssigned.class)
        .event(PersonalDataErased.class);
  }

  /**
   * v1 of BookingConfirmed and BookingCancelled named no registrant and kept its free text in
   * clear: {@code registrantId} reads null (v2's shape allows it for these), the text as stored.
   */
  static JsonObject namedNoRegistrant(JsonObject v1) {
    return v1;
  }

  /** v1 held a quantity of the one general kind of seat that existed then. */
  static JsonObject seatsReservedV1toV2(JsonObject v1) {
    return JSON.createObjectBuilder(v1)
        .remove("quantity")
        .add(
            "seats",
            JSON.createObjectBuilder().add(SeatsReserved.GENERAL_SEAT_TYPE, v1.getInt("quantity")))
        .build();
  }
}
