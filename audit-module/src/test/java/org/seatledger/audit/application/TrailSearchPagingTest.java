package org.seatledger.audit.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.seatledger.audit.api.AuditQueries.Entry;
import org.seatledger.audit.api.AuditQueries.Page;
import org.seatledger.audit.api.AuditQueries.Search;
import org.seatledger.eventlog.api.LogEntry;
import org.seatledger.eventlog.api.LogQuery;
import org.seatledger.eventlog.api.LogSearch;

/**
 * Keyset pages of a search whose hits the log finds and the trail narrows: by free text, and by the
 * trail not having applied the newest events yet.
 */
class TrailSearchPagingTest {

  /** A log of 1,000 events; the trail has applied the first 990, every hundredth says "rare". */
  private final TrailSearch search = new TrailSearch(new Log(1_000), new Trail(990));

  @Test
  void rareTextFillsEachPageFromFarBelowAndTheLastPageSaysSo() {
    Page first = search.search(new Search(null, null, null, null, null, "RARE", null, 3), 1);
    assertEquals(List.of(900L, 800L, 700L), positions(first));
    assertEquals(700L, first.next());

    Page second = search.search(new Search(null, null, null, null, null, "rare", 700L, 3), 1);
    assertEquals(List.of(600L, 500L, 400L), positions(second));

    Page last = search.search(new Search(null, null, null, null, null, "rare", 400L, 3), 1);
    assertEquals(List.of(300L, 200L, 100L), positions(last));
    assertNull(last.next(), "no page after the oldest hit");
  }

  @Test
  void eventsTheTrailHasNotAppliedAreLeftOutAndThePageIsStillFull() {
    Page first = search.search(new Search(null, null, null, null, null, null, null, 5), 1);

    assertEquals(List.of(990L, 989L, 988L, 987L, 986L), positions(first));
    assertEquals(986L, first.next());
  }

  private static List<Long> positions(Page page) {
    return page.items().stream().map(Entry::globalPosition).toList();
  }

  /** Positions 1..n of one stream, searched as the event log does (positions between, ordered). */
  private record Log(long n) implements LogSearch {
    @Override
    public List<LogEntry> find(LogQuery q) {
      Comparator<Long> order =
          q.newestFirst() ? Comparator.reverseOrder() : Comparator.naturalOrder();
      return LongStream.rangeClosed(1, n)
          .boxed()
          .filter(p -> p > q.after() && p < q.before())
          .sorted(order)
          .limit(q.limit())
          .map(
              p ->
                  new LogEntry(
                      p, "s", "S", p, "T", Instant.EPOCH, "sam", "c" + p, "r" + p, "c" + p, null))
          .toList();
    }
  }

  /** The trail up to {@code applied}; the sentences of every hundredth event say "rare". */
  private static final class Trail extends TrailLines {
    private final long applied;

    Trail(long applied) {
      super(null, null);
      this.applied = applied;
    }

    @Override
    List<Entry> entries(List<LogEntry> events, int generation, String text) {
      return events.stream()
          .filter(e -> e.globalPosition() <= applied)
          .map(
              e ->
                  new Entry(
                      e.globalPosition(),
                      e.streamId(),
                      e.streamType(),
                      e.streamVersion(),
                      e.type(),
                      e.recordedAt(),
                      e.recordedBy(),
                      e.globalPosition() % 100 == 0 ? "a rare event" : "an event",
                      null,
                      e.commandId(),
                      e.correlationId(),
                      e.causationId()))
          .filter(e -> text == null || e.summary().contains(text))
          .toList();
    }
  }
}
