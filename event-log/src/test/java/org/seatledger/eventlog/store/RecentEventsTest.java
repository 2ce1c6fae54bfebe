package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The committer's newest rows kept for the read models, without a database: a page is answered only
 * from an unbroken run of committed positions that holds the one after the reader's checkpoint, cut
 * where the run ends; every other page is left to the database.
 */
class RecentEventsTest {

  private final RecentEvents recent = new RecentEvents(8);

  @Test
  void aPageTheCommitterJustWroteComesFromMemoryAsTheDatabaseWouldAnswerIt() {
    recent.committed(rows(11, 15, "Placed", "Reserved"));

    EventRows.Scan page = recent.after(12, 500, Set.of()).orElseThrow();

    assertEquals(List.of(13L, 14L, 15L), positions(page));
    assertEquals(3, page.scanned());
    assertEquals(15, page.lastPosition());
  }

  @Test
  void aTypedPageHoldsItsTypesAndStillScansEveryPositionUpToTheEndOfTheRun() {
    recent.committed(rows(1, 6, "Placed", "Reserved"));

    EventRows.Scan page = recent.after(0, 500, Set.of("Reserved")).orElseThrow();

    assertEquals(List.of(2L, 4L, 6L), positions(page));
    assertEquals(6, page.scanned(), "every position up to the newest was looked at");
    assertEquals(6, page.lastPosition());
  }

  @Test
  void aPageEndsAtTheReadersLimit() {
    recent.committed(rows(1, 6, "Placed"));

    EventRows.Scan page = recent.after(1, 3, Set.of("Placed")).orElseThrow();

    assertEquals(List.of(2L, 3L, 4L), positions(page));
    assertEquals(3, page.scanned(), "a full page: the reader goes on at once");
    assertEquals(4, page.lastPosition());
  }

  @Test
  void aReaderAtTheEndOfTheRunReadsTheDatabaseWhereOtherServersAppendsAre() {
    recent.committed(rows(1, 4, "Placed"));

    assertTrue(recent.after(4, 500, Set.of()).isEmpty());
    assertTrue(recent.after(9, 500, Set.of()).isEmpty());
  }

  @Test
  void aReaderBehindTheRunReadsTheDatabase() {
    recent.committed(rows(1, 12, "Placed")); // eight kept: 5..12

    assertTrue(recent.after(3, 500, Set.of()).isEmpty(), "position 4 is no longer kept");
    assertEquals(List.of(5L, 6L), positions(recent.after(4, 2, Set.of()).orElseThrow()));
  }

  @Test
  void positionsAnotherWriterTookBetweenTwoCommitsAreNeverSkipped() {
    recent.committed(rows(1, 3, "Placed"));
    recent.committed(rows(6, 7, "Placed")); // 4 and 5 were committed elsewhere

    assertTrue(recent.after(3, 500, Set.of()).isEmpty(), "4 and 5 are in the database only");
    assertTrue(recent.after(1, 500, Set.of()).isEmpty(), "the run before the gap is gone");
    assertEquals(List.of(7L), positions(recent.after(6, 500, Set.of()).orElseThrow()));
  }

  @Test
  void noneKeptWhenSwitchedOff() {
    RecentEvents off = new RecentEvents(0);
    off.committed(rows(1, 3, "Placed"));

    assertTrue(off.after(1, 500, Set.of()).isEmpty());
  }

  /** Rows at positions {@code from..to}, their types taken in turn from {@code types}. */
  private static List<StoredEvent> rows(long from, long to, String... types) {
    return LongStream.rangeClosed(from, to)
        .mapToObj(
            position -> {
              StoredEvent row = new StoredEvent();
              row.globalPosition = position;
              row.eventType = types[(int) ((position - from) % types.length)];
              row.payload = "{}";
              return row;
            })
        .toList();
  }

  private static List<Long> positions(EventRows.Scan page) {
    return page.rows().stream().map(row -> row.globalPosition).toList();
  }
}
