package org.seatledger.audit.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.seatledger.audit.api.AuditQueries.Comparison;
import org.seatledger.audit.api.AuditQueries.FieldChange;
import org.seatledger.audit.api.AuditQueries.HistoryEntry;
import org.seatledger.audit.api.AuditQueries.HistoryPage;
import org.seatledger.audit.api.AuditQueries.Point;
import org.seatledger.audit.api.AuditQueries.StateAt;
import org.seatledger.audit.api.VersionPastEnd;
import org.seatledger.booking.api.BookingConfirmed;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.SeatCapacityChanged;
import org.seatledger.booking.api.SeatsReserved;

/**
 * Long histories stay fast: a page reads its own events and folds from the nearest snapshot below
 * it, never from the stream's first event; every change still appears once, in order, with the
 * right diff; time travel and comparisons fold the same way.
 */
class PagedHistoryTest {

  private static final Instant HOLD = Instant.parse("2027-03-01T09:15:00Z");

  /** The seat availability's snapshot shape the booking module reads (version 2). */
  private static final int SEATS_SNAPSHOT = 2;

  private final Streams log = new Streams();
  private final Audit audit = new Audit();

  PagedHistoryTest() {
    audit.log = log;
    audit.timeline = log;
  }

  /** A seat stream: capacity 100,000, then {@code holds} holds of one seat each. */
  private void holds(int holds) {
    log.add("seats-c1", "system", new SeatCapacityChanged("c1", "std", 100_000));
    for (int i = 1; i <= holds; i++) {
      log.add("seats-c1", "alice", new SeatsReserved("c1", "b" + i, Map.of("std", 1), HOLD));
    }
  }

  private static jakarta.json.JsonObject json(String text) {
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
      return reader.readObject();
    }
  }

  /** The snapshot the seat availability writes after its capacity and {@code held} holds. */
  private static String seatsSnapshot(int capacity, int held) {
    StringBuilder holds = new StringBuilder();
    for (int i = 1; i <= held; i++) {
      holds.append(i == 1 ? "" : ",");
      holds.append("\"b" + i + "\":{\"seats\":{\"std\":1},\"holdUntil\":\"" + HOLD + "\"}");
    }
    return "{\"conferenceId\":\"c1\",\"counts\":{\"std\":{\"capacity\":"
        + capacity
        + ",\"held\":"
        + held
        + ",\"sold\":0}},\"holds\":{"
        + holds
        + "}}";
  }

  @Test
  void aDeepStateOfAStreamWithoutSnapshotsBackFillsThemAndTheNextComesFromOne() {
    audit.snapshotKeepEvery = 100;
    holds(349);
    assertEquals(List.of(), log.snapshotVersions("seats-c1"), "written before snapshots were kept");

    StateAt first = audit.state("seats-c1", Point.version(340)).orElseThrow();
    assertEquals(0, first.foldedFrom(), "the first visit folds from the first event");
    assertEquals(339, first.state().getInt("seatTypes.std.held"));
    assertEquals(List.of(100L, 200L, 300L), log.snapshotVersions("seats-c1"));
    assertEquals(
        json(seatsSnapshot(100_000, 299)),
        json(log.snapshotAtOrBelow("seats-c1", 300).orElseThrow().state()),
        "the aggregate's own snapshot form");

    log.forgetReads();
    StateAt next = audit.state("seats-c1", Point.version(330)).orElseThrow();
    assertEquals(300, next.foldedFrom(), "folded from the back-filled snapshot");
    assertEquals(301, log.lowestVersionRead);
    assertEquals(30, log.eventsRead);
    assertEquals(329, next.state().getInt("seatTypes.std.held"));
  }

  @Test
  void aVersionPastTheEndIsNoState() {
    holds(9);
    VersionPastEnd past =
        assertThrows(
            VersionPastEnd.class, () -> audit.state("seats-c1", Point.version(11)).orElseThrow());
    assertEquals(10, past.streamVersion());
    assertEquals("Stream seats-c1 has no version 11: it ends at version 10.", past.getMessage());
    assertThrows(
        VersionPastEnd.class, () -> audit.compare("seats-c1", Point.version(2), Point.version(12)));
    assertEquals(10, audit.state("seats-c1", Point.version(10)).orElseThrow().streamVersion());
  }

  @Test
  void pagingAHistoryOf300ChangesShowsEachOnceNewestFirst() {
    holds(299);
    List<Long> versions = new ArrayList<>();
    List<Long> pageSizes = new ArrayList<>();
    Long before = null;
    do {
      HistoryPage page = audit.history("seats-c1", before, 50).orElseThrow();
      assertEquals(300, page.streamVersion());
      page.entries().forEach(e -> versions.add(e.streamVersion()));
      pageSizes.add((long) page.entries().size());
      before = page.nextBeforeVersion();
    } while (before != null);

    assertEquals(LongStream.iterate(300, v -> v >= 1, v -> v - 1).boxed().toList(), versions);
    assertEquals(List.of(50L, 50L, 50L, 50L, 50L, 50L), pageSizes);
  }

  @Test
  void aDeepPageFoldsFromTheSnapshotBelowItNotFromTheFirstEvent() {
    holds(2_999);
    log.snapshot("seats-c1", 2_001, SEATS_SNAPSHOT, seatsSnapshot(100_000, 2_000));
    log.forgetReads();

    HistoryPage page = audit.history("seats-c1", 2_101L, 50).orElseThrow();

    assertEquals(2_100, page.entries().get(0).streamVersion());
    assertEquals(2_051, page.entries().get(49).streamVersion());
    assertEquals(2_051L, page.nextBeforeVersion());
    assertEquals(
        List.of(
            new FieldChange("seatTypes.std.held", new BigDecimal("2049"), new BigDecimal("2050"))),
        page.entries().get(49).changes(),
        "the oldest change of the page, on top of the state before it");
    assertEquals(2_002, log.lowestVersionRead, "nothing below the snapshot was read");
    assertEquals(
        99, log.eventsRead, "the 49 events from the snapshot to the page, and the page's 50");
  }

  @Test
  void theFirstPageOfALongStreamReadsOnlyFromItsNewestSnapshot() {
    holds(2_999);
    log.snapshot("seats-c1", 1_001, SEATS_SNAPSHOT, seatsSnapshot(100_000, 1_000));
    log.snapshot("seats-c1", 2_901, SEATS_SNAPSHOT, seatsSnapshot(100_000, 2_900));
    log.forgetReads();

    HistoryPage page = audit.history("seats-c1", null, 50).orElseThrow();

    assertEquals(3_000, page.entries().get(0).streamVersion());
    assertTrue(log.eventsRead <= 100, "read " + log.eventsRead);
  }

  @Test
  void theStateAtAVersionFromASnapshotIsTheFullReplay() {
    holds(2_999);
    long replayed =
        audit
            .state("seats-c1", Point.version(2_500))
            .orElseThrow()
            .state()
            .getInt("seatTypes.std.held");
    log.snapshot("seats-c1", 2_001, SEATS_SNAPSHOT, seatsSnapshot(100_000, 2_000));
    log.forgetReads();

    var fromSnapshot = audit.state("seats-c1", Point.version(2_500)).orElseThrow();

    assertEquals(2_499, replayed);
    assertEquals(2_499, fromSnapshot.state().getInt("seatTypes.std.held"));
    assertEquals(2_500, fromSnapshot.streamVersion());
    assertEquals(499, log.eventsRead, "only the tail after the snapshot");
  }

  @Test
  void aSnapshotInAnotherShapeIsIgnoredAndTheStreamReplayed() {
    holds(120);
    log.snapshot("seats-c1", 101, 1, "{\"anything\":true}");

    var state = audit.state("seats-c1", Point.version(110)).orElseThrow();

    assertEquals(109, state.state().getInt("seatTypes.std.held"));
    assertEquals(1, log.lowestVersionRead);
  }

  @Test
  void comparingTwoVersionsOfABookingShowsTheConfirmation() {
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
            new BookingConfirmed("b1", "r1", "PAY-778", new BigDecimal("500.00"), "EUR"));

    Comparison compared =
        audit.compare("booking-b1", Point.version(1), Point.asOf(Streams.at(2))).orElseThrow();

    assertEquals("HELD", compared.first().state().getString("status"));
    assertEquals("CONFIRMED", compared.second().state().getString("status"));
    assertEquals(2, compared.second().streamVersion());
    assertTrue(
        compared.changes().contains(new FieldChange("status", "HELD", "CONFIRMED")),
        "" + compared.changes());
    assertTrue(audit.compare("booking-nope", Point.version(1), Point.version(2)).isEmpty());
  }

  @Test
  void pagesBeyondTheEndAreEmptyAndAPageAboveTheHeadStartsAtTheHead() {
    holds(9);

    HistoryPage last = audit.history("seats-c1", 1L, 50).orElseThrow();
    HistoryPage above = audit.history("seats-c1", 1_000L, 50).orElseThrow();

    assertEquals(List.of(), last.entries());
    assertNull(last.nextBeforeVersion());
    assertEquals(10, above.entries().size());
    assertEquals(10, above.entries().get(0).streamVersion());
  }

  @Test
  void anEntryCarriesWhoWhenAndWhy() {
    holds(1);
    HistoryEntry hold = audit.history("seats-c1", null, 1).orElseThrow().entries().get(0);
    assertEquals("alice", hold.recordedBy());
    assertEquals(Streams.at(2), hold.recordedAt());
    assertEquals("command-2", hold.commandId());
    assertEquals("correlation-2", hold.correlationId());
  }
}
