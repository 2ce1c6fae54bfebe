package org.seatledger.eventlog.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.seatledger.booking.api.Attendee;
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

/** One sample of every event type in its current version: each has a golden fixture. */
final class GoldenEvents {
  private GoldenEvents() {}

  static final Instant AT = Instant.parse("2026-03-01T10:15:00Z");

  static List<Object> all() {
    return List.of(
        new ConferenceCreated(
            "c-1",
            "DevConf 2027",
            "devconf-2027",
            LocalDate.parse("2027-05-04"),
            LocalDate.parse("2027-05-06"),
            "Brno"),
        new SlugClaimed("devconf-2027", "c-1"),
        new SeatTypeAdded("c-1", "standard", "Standard", 300, new BigDecimal("199.00"), "EUR"),
        new SeatQuantityChanged("c-1", "standard", 350, 300),
        new ConferencePublished("c-1"),
        new ConferenceUnpublished("c-1"),
        new SeatCapacityChanged("c-1", "standard", 350),
        new SeatsReserved("c-1", "b-1", Map.of("standard", 2, "vip", 1), AT),
        new SeatsCommitted("c-1", "b-1", Map.of("standard", 2)),
        new SeatsReleased("c-1", "b-1", Map.of("standard", 2), "cancelled", true),
        new BookingPlaced(
            "b-1",
            "c-1",
            "r-1",
            "Ada Lovelace",
            "ada@example.org",
            Map.of("standard", 2),
            new BigDecimal("398.00"),
            "EUR",
            AT),
        new BookingConfirmed("b-1", "r-1", "PAY-4711", new BigDecimal("398.00"), "EUR"),
        new BookingCancelled("b-1", "r-1", "changed plans"),
        new BookingExpired("b-1", AT),
        new AttendeesAssigned(
            "b-1", List.of(new Attendee("a-1", "standard", "Grace Hopper", "grace@example.org"))),
        new PersonalDataErased("r-1"));
  }
}
