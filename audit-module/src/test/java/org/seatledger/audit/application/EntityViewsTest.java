package org.seatledger.audit.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.seatledger.booking.api.Attendee;
import org.seatledger.booking.api.AttendeesAssigned;
import org.seatledger.booking.api.BookingCancelled;
import org.seatledger.booking.api.BookingConfirmed;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.ConferenceCreated;
import org.seatledger.booking.api.ConferencePublished;
import org.seatledger.booking.api.EntityView;
import org.seatledger.booking.api.PersonalDataErased;
import org.seatledger.booking.api.SeatCapacityChanged;
import org.seatledger.booking.api.SeatTypeAdded;
import org.seatledger.booking.api.SeatsCommitted;
import org.seatledger.booking.api.SeatsReleased;
import org.seatledger.booking.api.SeatsReserved;
import org.seatledger.booking.api.SlugClaimed;
import org.seatledger.eventlog.api.PersonalData;
import org.seatledger.eventlog.api.RecordedEvent;

/**
 * The entity states an auditor reads (history and time travel): the booking module's views, folded
 * by the aggregates' own evolve, as fields of JSON values.
 */
class EntityViewsTest {

  private static final Instant DEADLINE = Instant.parse("2027-01-01T10:15:00Z");

  @Test
  void aConferenceReadsAsItsNameDatesPublicationAndSeatTypes() {
    List<Map<String, JsonValue>> states =
        states(
            "Conference",
            new ConferenceCreated(
                "c",
                "DevConf",
                "devconf",
                LocalDate.parse("2027-05-04"),
                LocalDate.parse("2027-05-06"),
                "Brno"),
            new SeatTypeAdded("c", "standard", "Standard", 10, new BigDecimal("199.00"), "EUR"),
            new ConferencePublished("c"));
    Map<String, JsonValue> expected = new TreeMap<>();
    expected.put("name", text("DevConf"));
    expected.put("slug", text("devconf"));
    expected.put("startsOn", text("2027-05-04"));
    expected.put("endsOn", text("2027-05-06"));
    expected.put("venue", text("Brno"));
    expected.put("published", JsonValue.FALSE);
    assertEquals(expected, states.get(0));
    expected.put("seatTypes.standard.name", text("Standard"));
    expected.put("seatTypes.standard.quantity", number(10));
    expected.put("seatTypes.standard.price", Json.createValue(new BigDecimal("199.00")));
    expected.put("seatTypes.standard.currency", text("EUR"));
    assertEquals(expected, states.get(1));
    assertEquals(
        List.of(new EntityStates.Change("published", JsonValue.FALSE, JsonValue.TRUE)),
        EntityStates.diff(states.get(1), states.get(2)),
        "publishing changes one field");
  }

  @Test
  void seatsReadAsCapacityHeldAndSoldPerSeatType() {
    List<Map<String, JsonValue>> states =
        states(
            "SeatAvailability",
            new SeatCapacityChanged("c", "standard", 10),
            new SeatsReserved("c", "b1", Map.of("standard", 3), DEADLINE),
            new SeatsReserved("c", "b2", Map.of("standard", 2), DEADLINE),
            new SeatsCommitted("c", "b1", Map.of("standard", 3)),
            new SeatsReleased("c", "b2", Map.of("standard", 2), "expired", false),
            new SeatsReleased("c", "b1", Map.of("standard", 3), "cancelled", true));
    assertEquals(List.of(10, 0, 0), counts(states.get(0)));
    assertEquals(List.of(10, 5, 0), counts(states.get(2)));
    assertEquals(List.of(10, 2, 3), counts(states.get(3)), "b1's seats sold");
    assertEquals(List.of(10, 0, 3), counts(states.get(4)), "b2's hold given back");
    assertEquals(List.of(10, 0, 0), counts(states.get(5)), "b1's sale given back");
  }

  @Test
  void givingBackAHoldThatIsNotHeldChangesNothingAsTheAggregateDecides() {
    // an expiry raced by a confirmation: the aggregate no longer holds b1, so no seat moves
    List<Map<String, JsonValue>> states =
        states(
            "SeatAvailability",
            new SeatCapacityChanged("c", "standard", 10),
            new SeatsReserved("c", "b1", Map.of("standard", 3), DEADLINE),
            new SeatsCommitted("c", "b1", Map.of("standard", 3)),
            new SeatsReleased("c", "b1", Map.of("standard", 3), "expired", false));
    assertEquals(List.of(10, 0, 3), counts(states.get(3)));
    assertEquals(List.of(), EntityStates.diff(states.get(2), states.get(3)));
  }

  @Test
  void aBookingReadsAsItsStatusSeatsTotalAndTheParticularsOfItsEvents() {
    Attendee grace = new Attendee("a1", "standard", "Grace", "grace@example.org");
    List<Map<String, JsonValue>> states =
        states(
            "Booking",
            new BookingPlaced(
                "b",
                "c",
                "r",
                "Ada",
                "ada@example.org",
                Map.of("standard", 2),
                new BigDecimal("398.00"),
                "EUR",
                DEADLINE),
            new BookingConfirmed("b", "r", "PAY-1", new BigDecimal("398.00"), "EUR"),
            new AttendeesAssigned("b", List.of(grace)),
            new BookingCancelled("b", "r", "ill"));
    Map<String, JsonValue> expected = new TreeMap<>();
    expected.put("status", text("HELD"));
    expected.put("conferenceId", text("c"));
    expected.put("registrant.name", text("Ada"));
    expected.put("registrant.email", text("ada@example.org"));
    expected.put("seats.standard", number(2));
    expected.put("total", Json.createValue(new BigDecimal("398.00")));
    expected.put("currency", text("EUR"));
    expected.put("holdUntil", text("2027-01-01T10:15:00Z"));
    assertEquals(expected, states.get(0));
    assertEquals(
        List.of(
            new EntityStates.Change(
                "payment.amount", JsonValue.NULL, Json.createValue(new BigDecimal("398.00"))),
            new EntityStates.Change("payment.reference", JsonValue.NULL, text("PAY-1")),
            new EntityStates.Change("status", text("HELD"), text("CONFIRMED"))),
        EntityStates.diff(states.get(0), states.get(1)));
    assertEquals(
        List.of(
            new EntityStates.Change("attendees.0.email", JsonValue.NULL, text("grace@example.org")),
            new EntityStates.Change("attendees.0.name", JsonValue.NULL, text("Grace")),
            new EntityStates.Change("attendees.0.seatType", JsonValue.NULL, text("standard"))),
        EntityStates.diff(states.get(1), states.get(2)));
    assertEquals(
        List.of(
            new EntityStates.Change("cancellationReason", JsonValue.NULL, text("ill")),
            new EntityStates.Change("status", text("CONFIRMED"), text("CANCELLED"))),
        EntityStates.diff(states.get(2), states.get(3)));
  }

  @Test
  void erasedPersonalDataReadsAsTheLogGivesIt() {
    String erased = PersonalData.ERASED;
    Map<String, JsonValue> placed =
        states(
                "Booking",
                new BookingPlaced(
                    "b",
                    "c",
                    "r",
                    erased,
                    erased,
                    Map.of("standard", 1),
                    BigDecimal.TEN,
                    "EUR",
                    DEADLINE))
            .get(0);
    assertEquals(text(erased), placed.get("registrant.name"));
    assertEquals(text(erased), placed.get("registrant.email"));
  }

  @Test
  void streamsWithoutAnEntityHaveNoFields() {
    assertEquals(
        List.of(Map.of()), states("Slug", new SlugClaimed("devconf", "c")), "a slug claim");
    assertEquals(
        List.of(Map.of()), states("DataSubject", new PersonalDataErased("r")), "an erasure");
    assertEquals(Map.of(), EntityStates.fields(EntityStates.initial(List.of())));
  }

  @Test
  void anEventOfAnotherEntityLeavesTheStateAsItIs() {
    List<Map<String, JsonValue>> states =
        states(
            "SeatAvailability",
            new SeatCapacityChanged("c", "standard", 10),
            new ConferencePublished("c"));
    assertEquals(states.get(0), states.get(1));
  }

  @Test
  void anEarlierStateStaysAsItWasWhenALaterOneIsRead() {
    List<RecordedEvent> stream =
        List.of(
            recorded("SeatAvailability", 1, new SeatCapacityChanged("c", "standard", 10)),
            recorded(
                "SeatAvailability",
                2,
                new SeatsReserved("c", "b1", Map.of("standard", 4), DEADLINE)));
    EntityView first = EntityStates.evolve(EntityStates.initial(stream), stream.get(0));
    EntityView second = EntityStates.evolve(first, stream.get(1));
    assertEquals(List.of(10, 0, 0), counts(EntityStates.fields(first)));
    assertEquals(List.of(10, 4, 0), counts(EntityStates.fields(second)));
  }

  /** The states after each event of a stream of {@code streamType}. */
  private static List<Map<String, JsonValue>> states(String streamType, Object... events) {
    List<RecordedEvent> stream = new ArrayList<>();
    for (Object event : events) {
      stream.add(recorded(streamType, stream.size() + 1, event));
    }
    List<Map<String, JsonValue>> states = new ArrayList<>();
    EntityView view = EntityStates.initial(stream);
    for (RecordedEvent event : stream) {
      view = EntityStates.evolve(view, event);
      states.add(EntityStates.fields(view));
    }
    return states;
  }

  private static RecordedEvent recorded(String streamType, long version, Object event) {
    return new RecordedEvent(
        version,
        "stream-1",
        streamType,
        version,
        "event-" + version,
        event.getClass().getSimpleName(),
        1,
        Instant.parse("2027-01-01T10:00:00Z").plusSeconds(version),
        "staff",
        "command-" + version,
        "correlation",
        "command-" + version,
        null,
        "",
        "",
        event,
        Json.createObjectBuilder().build());
  }

  private static List<Integer> counts(Map<String, JsonValue> state) {
    return List.of("capacity", "held", "sold").stream()
        .map(n -> ((jakarta.json.JsonNumber) state.get("seatTypes.standard." + n)).intValue())
        .toList();
  }

  private static JsonValue text(String value) {
    return Json.createValue(value);
  }

  private static JsonValue number(int value) {
    return Json.createValue(value);
  }
}
