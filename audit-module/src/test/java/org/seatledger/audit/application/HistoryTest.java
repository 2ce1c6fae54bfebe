package org.seatledger.audit.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.seatledger.audit.api.AuditQueries.FieldChange;
import org.seatledger.audit.api.AuditQueries.HistoryEntry;
import org.seatledger.audit.api.AuditQueries.HistoryPage;
import org.seatledger.audit.api.AuditQueries.Point;
import org.seatledger.audit.api.AuditQueries.StateAt;
import org.seatledger.booking.api.Attendee;
import org.seatledger.booking.api.AttendeesAssigned;
import org.seatledger.booking.api.BookingCancelled;
import org.seatledger.booking.api.BookingConfirmed;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.ConferenceCreated;
import org.seatledger.booking.api.ConferencePublished;
import org.seatledger.booking.api.ConferenceUnpublished;
import org.seatledger.booking.api.SeatCapacityChanged;
import org.seatledger.booking.api.SeatQuantityChanged;
import org.seatledger.booking.api.SeatTypeAdded;
import org.seatledger.booking.api.SeatsCommitted;
import org.seatledger.booking.api.SeatsReleased;
import org.seatledger.booking.api.SeatsReserved;
import org.seatledger.eventlog.api.PersonalData;

/**
 * What an auditor reads of one conference, seat availability or booking: its history, newest first,
 * with the fields each event changed (before and after), and its state as of a version or an
 * instant — all replayed from the log, with no database of the audit's own.
 */
class HistoryTest {

  private static final Instant HOLD = Instant.parse("2027-03-01T09:15:00Z");

  private final Streams log = new Streams();
  private final Audit audit = new Audit();

  HistoryTest() {
    audit.log = log;
    audit.timeline = log;
  }

  /** The whole history, newest first, read page by page as an auditor pages it. */
  private List<HistoryEntry> history(String streamId) {
    List<HistoryEntry> all = new java.util.ArrayList<>();
    Long before = null;
    do {
      Optional<HistoryPage> page = audit.history(streamId, before, 2);
      if (page.isEmpty()) {
        return all;
      }
      all.addAll(page.get().entries());
      before = page.get().nextBeforeVersion();
    } while (before != null);
    return all;
  }

  private Optional<StateAt> state(String streamId, Instant asOf, Long version) {
    return audit.state(streamId, version == null ? Point.asOf(asOf) : Point.version(version));
  }

  private void aBookingConfirmedReassignedAndCancelled() {
    log.add(
            "booking-b1",
            "alice",
            new BookingPlaced(
                "b1",
                "c1",
                "r1",
                "Ada Lovelace",
                "ada@example.org",
                Map.of("std", 2),
                new BigDecimal("500.00"),
                "EUR",
                HOLD))
        .add(
            "booking-b1",
            "alice",
            new BookingConfirmed("b1", "r1", "PAY-778", new BigDecimal("500.00"), "EUR"))
        .add(
            "booking-b1",
            "alice",
            new AttendeesAssigned(
                "b1",
                List.of(
                    new Attendee("a1", "std", "Grace Hopper", "grace@example.org"),
                    new Attendee("a2", "std", "Alan Turing", "alan@example.org"))))
        .add(
            "booking-b1",
            "bob",
            "seat given up",
            new AttendeesAssigned(
                "b1", List.of(new Attendee("a1", "std", "Grace Hopper", "grace@example.org"))))
        .add("booking-b1", "bob", new BookingCancelled("b1", "r1", "double booking"));
  }

  @Test
  void aHistoryListsEveryEventNewestFirstWithWhoWhenAndWhy() {
    aBookingConfirmedReassignedAndCancelled();

    List<HistoryEntry> history = history("booking-b1");

    assertEquals(
        List.of(
            "5 BookingCancelled",
            "4 AttendeesAssigned",
            "3 AttendeesAssigned",
            "2 BookingConfirmed",
            "1 BookingPlaced"),
        history.stream().map(e -> e.streamVersion() + " " + e.type()).toList());
    HistoryEntry reassigned = history.get(1);
    assertEquals("bob", reassigned.recordedBy());
    assertEquals(Streams.at(4), reassigned.recordedAt());
    assertEquals("seat given up", reassigned.reason());
    assertEquals("bob named 1 attendee(s)", reassigned.summary());
    assertEquals("command-4", reassigned.commandId());
  }

  @Test
  void eachEntryListsOnlyTheFieldsItsEventChangedWithTheirValuesBeforeAndAfter() {
    aBookingConfirmedReassignedAndCancelled();

    List<HistoryEntry> history = history("booking-b1");

    assertEquals(
        List.of(
            new FieldChange("payment.amount", null, new BigDecimal("500.00")),
            new FieldChange("payment.reference", null, "PAY-778"),
            new FieldChange("status", "HELD", "CONFIRMED")),
        changesOf(history, 2),
        "the confirmation");
    assertEquals(
        List.of(
            new FieldChange("cancellationReason", null, "double booking"),
            new FieldChange("status", "CONFIRMED", "CANCELLED")),
        changesOf(history, 5),
        "the cancellation");
  }

  @Test
  void theFirstEventShowsEveryFieldItSetComingFromNothing() {
    aBookingConfirmedReassignedAndCancelled();

    assertEquals(
        List.of(
            new FieldChange("conferenceId", null, "c1"),
            new FieldChange("currency", null, "EUR"),
            new FieldChange("holdUntil", null, "2027-03-01T09:15:00Z"),
            new FieldChange("registrant.email", null, "ada@example.org"),
            new FieldChange("registrant.name", null, "Ada Lovelace"),
            new FieldChange("seats.std", null, new BigDecimal("2")),
            new FieldChange("status", null, "HELD"),
            new FieldChange("total", null, new BigDecimal("500.00"))),
        changesOf(history("booking-b1"), 1));
  }

  @Test
  void anAttendeeLeftOutOfANewAssignmentIsShownAsRemoved() {
    aBookingConfirmedReassignedAndCancelled();

    assertEquals(
        List.of(
            new FieldChange("attendees.1.email", "alan@example.org", null),
            new FieldChange("attendees.1.name", "Alan Turing", null),
            new FieldChange("attendees.1.seatType", "std", null)),
        changesOf(history("booking-b1"), 4),
        "the attendee who stays is not listed as changed");
  }

  @Test
  void personalDataErasedFromTheLogReadsAsErasedInTheHistory() {
    log.add(
        "booking-b1",
        "alice",
        new BookingPlaced(
            "b1",
            "c1",
            "r1",
            PersonalData.ERASED,
            PersonalData.ERASED,
            Map.of("std", 1),
            new BigDecimal("250.00"),
            "EUR",
            HOLD));

    List<FieldChange> placed = changesOf(history("booking-b1"), 1);

    assertTrue(placed.contains(new FieldChange("registrant.name", null, "[erased]")), "" + placed);
    assertTrue(placed.contains(new FieldChange("registrant.email", null, "[erased]")), "" + placed);
  }

  @Test
  void seatCountsFollowHoldsSalesAndReleases() {
    log.add("seats-c1", "system", new SeatCapacityChanged("c1", "std", 100))
        .add("seats-c1", "alice", new SeatsReserved("c1", "b1", Map.of("std", 2), HOLD))
        .add("seats-c1", "alice", new SeatsCommitted("c1", "b1", Map.of("std", 2)))
        .add("seats-c1", "alice", new SeatsReserved("c1", "b2", Map.of("std", 3), HOLD))
        .add(
            "seats-c1", "system", new SeatsReleased("c1", "b2", Map.of("std", 3), "expired", false))
        .add("seats-c1", "bob", new SeatsReleased("c1", "b1", Map.of("std", 2), "cancelled", true))
        .add("seats-c1", "system", new SeatCapacityChanged("c1", "std", 120));

    assertEquals(Map.of("capacity", 100, "held", 0, "sold", 2), seatsAt("seats-c1", 3));
    assertEquals(Map.of("capacity", 100, "held", 3, "sold", 2), seatsAt("seats-c1", 4));
    assertEquals(Map.of("capacity", 100, "held", 0, "sold", 0), seatsAt("seats-c1", 6));
    List<HistoryEntry> history = history("seats-c1");
    assertEquals(
        List.of(
            new FieldChange("seatTypes.std.held", new BigDecimal("2"), new BigDecimal("0")),
            new FieldChange("seatTypes.std.sold", new BigDecimal("0"), new BigDecimal("2"))),
        changesOf(history, 3),
        "a sale moves held seats to sold");
    assertEquals(
        List.of(
            new FieldChange(
                "seatTypes.std.capacity", new BigDecimal("100"), new BigDecimal("120"))),
        changesOf(history, 7),
        "a new capacity leaves what is held and sold as it was");
  }

  private void aConferenceSetUpPublishedAndWithdrawn() {
    log.add(
            "conference-c1",
            "alice",
            new ConferenceCreated(
                "c1",
                "DevConf 2027",
                "devconf-2027",
                LocalDate.parse("2027-05-04"),
                LocalDate.parse("2027-05-06"),
                "Loopback Hall"))
        .add(
            "conference-c1",
            "alice",
            new SeatTypeAdded("c1", "std", "Standard", 100, new BigDecimal("250.00"), "EUR"))
        .add("conference-c1", "alice", new SeatQuantityChanged("c1", "std", 120, 100))
        .add("conference-c1", "alice", new ConferencePublished("c1"))
        .add("conference-c1", "bob", new ConferenceUnpublished("c1"));
  }

  @Test
  void theStateAsOfAVersionIsTheReplayUpToIt() {
    aConferenceSetUpPublishedAndWithdrawn();

    StateAt state = state("conference-c1", null, 2L).orElseThrow();

    assertEquals(2, state.streamVersion());
    assertEquals(
        Json.createObjectBuilder()
            .add("endsOn", "2027-05-06")
            .add("name", "DevConf 2027")
            .add("published", false)
            .add("seatTypes.std.currency", "EUR")
            .add("seatTypes.std.name", "Standard")
            .add("seatTypes.std.price", new BigDecimal("250.00"))
            .add("seatTypes.std.quantity", 100)
            .add("slug", "devconf-2027")
            .add("startsOn", "2027-05-04")
            .add("venue", "Loopback Hall")
            .build(),
        state.state());
  }

  @Test
  void theStateAsOfAnInstantHoldsWhatWasRecordedUpToAndAtThatInstant() {
    aConferenceSetUpPublishedAndWithdrawn();

    StateAt between = state("conference-c1", Streams.at(3).plusSeconds(30), null).orElseThrow();
    StateAt atPublication = state("conference-c1", Streams.at(4), null).orElseThrow();
    StateAt now = state("conference-c1", Streams.at(99), null).orElseThrow();

    assertEquals(3, between.streamVersion());
    assertEquals(120, between.state().getInt("seatTypes.std.quantity"));
    assertEquals(false, between.state().getBoolean("published"));
    assertEquals(4, atPublication.streamVersion());
    assertEquals(true, atPublication.state().getBoolean("published"));
    assertEquals(5, now.streamVersion());
    assertEquals(false, now.state().getBoolean("published"), "unpublished again");
  }

  @Test
  void beforeItsFirstEventAnEntityDidNotExistYet() {
    aConferenceSetUpPublishedAndWithdrawn();

    StateAt before = state("conference-c1", Streams.at(1).minusMillis(1), null).orElseThrow();
    StateAt versionZero = state("conference-c1", null, 0L).orElseThrow();

    assertEquals(0, before.streamVersion());
    assertEquals(JsonObject.EMPTY_JSON_OBJECT, before.state());
    assertEquals(0, versionZero.streamVersion());
    assertEquals(JsonObject.EMPTY_JSON_OBJECT, versionZero.state());
  }

  @Test
  void aStreamThatDoesNotExistHasNoHistoryAndNoState() {
    aConferenceSetUpPublishedAndWithdrawn();

    assertEquals(List.of(), history("conference-nope"));
    assertTrue(state("conference-nope", null, 1L).isEmpty());
  }

  @Test
  void aStreamLongerThanOnePageOfTheLogIsReplayedToItsEnd() {
    int holds = 2_500;
    for (int i = 1; i <= holds; i++) {
      log.add("seats-c1", "alice", new SeatsReserved("c1", "b" + i, Map.of("std", 1), HOLD));
    }

    List<HistoryEntry> history = history("seats-c1");
    StateAt state = state("seats-c1", Streams.at(holds), null).orElseThrow();

    assertEquals(holds, history.size());
    assertEquals(
        List.of(
            new FieldChange("seatTypes.std.held", new BigDecimal("2499"), new BigDecimal("2500"))),
        history.get(0).changes(),
        "the newest hold, counted on top of every earlier one");
    assertEquals(holds, state.streamVersion());
    assertEquals(holds, state.state().getInt("seatTypes.std.held"));
  }

  private static List<FieldChange> changesOf(List<HistoryEntry> history, long version) {
    return history.stream()
        .filter(e -> e.streamVersion() == version)
        .findFirst()
        .orElseThrow()
        .changes();
  }

  private Map<String, Integer> seatsAt(String streamId, long version) {
    JsonObject state = state(streamId, null, version).orElseThrow().state();
    return Map.of(
        "capacity", state.getInt("seatTypes.std.capacity"),
        "held", state.getInt("seatTypes.std.held"),
        "sold", state.getInt("seatTypes.std.sold"));
  }
}
