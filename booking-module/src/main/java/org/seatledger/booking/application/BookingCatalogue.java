package org.seatledger.booking.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.SeatsReserved;
import org.seatledger.booking.eventstore.EventCatalogue;

/** Every event type of the booking module, and the upcasters of their older shapes. */
@ApplicationScoped
public class BookingCatalogue implements EventCatalogue {

  @Override
  public void register(Registrar registrar) {
    registrar
        .event(SeatsReserved.class)
        .upcaster("SeatsReserved", 1, BookingCatalogue::seatsReservedV1toV2)
        .event(BookingPlaced.class);
  }

  /** v1 held a quantity of the one general kind of seat that existed then. */
  static JsonObject seatsReservedV1toV2(JsonObject v1) {
    return Json.createObjectBuilder(v1)
        .remove("quantity")
        .add(
            "seats",
            Json.createObjectBuilder().add(SeatsReserved.GENERAL_SEAT_TYPE, v1.getInt("quantity")))
        .build();
  }
}
