package org.seatledger.eventlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The events at given positions, and pages without data, as a log without its own reads of them
 * answers them.
 */
class EventLogReadAtTest {

  /** Positions 1..2,500, read only page by page; it remembers the pages asked for. */
  private static final class Paged implements EventLog {
    final List<Long> pagesAfter = new ArrayList<>();

    @Override
    public EventPage readPage(long afterPosition, int limit, Set<Class<?>> classes) {
      pagesAfter.add(afterPosition);
      List<RecordedEvent> events =
          LongStream.rangeClosed(afterPosition + 1, Math.min(2_500, afterPosition + limit))
              .mapToObj(EventLogReadAtTest::event)
              .toList();
      return new EventPage(
          events,
          events.isEmpty() ? afterPosition : events.get(events.size() - 1).globalPosition(),
          events.size());
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<RecordedEvent> readStream(String streamId, long fromVersion, int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long headPosition() {
      return 2_500;
    }

    @Override
    public VerificationReport verify(Optional<String> streamId) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void theEventsAtThePositionsComeInLogOrderAndPositionsPastTheEndAreLeftOut() {
    Paged log = new Paged();

    List<RecordedEvent> found = log.readAt(List.of(1_800L, 7L, 2_600L, 1_200L, 7L), false);

    assertEquals(
        List.of(7L, 1_200L, 1_800L), found.stream().map(RecordedEvent::globalPosition).toList());
    assertEquals(
        List.of(6L, 1_006L, 2_006L, 2_500L), log.pagesAfter, "the range they span, to the end");
  }

  @Test
  void noPositionsReadNothing() {
    Paged log = new Paged();

    assertEquals(List.of(), log.readAt(List.of(), true));
    assertEquals(List.of(), log.pagesAfter);
  }

  @Test
  void aPageWithoutDataKeepsEachEventsPlaceAndHashAndLeavesItsDataOut() {
    Paged log = new Paged();

    EventPage page = log.readPage(10, 3, Set.of(), Decoding.METADATA_ONLY);

    assertEquals(13, page.lastPosition());
    assertEquals(3, page.scanned());
    assertEquals(
        List.of("h11", "h12", "h13"), page.events().stream().map(RecordedEvent::hash).toList());
    assertTrue(page.events().stream().noneMatch(RecordedEvent::dataRead));
    assertSame(RecordedEvent.NOT_READ, page.events().get(0).event());
    assertTrue(log.readPage(10, 3, Set.of(), Decoding.FULL).events().get(0).dataRead());
  }

  @Test
  void aReaderOfTwoDecodingsGetsTheFullerOne() {
    assertEquals(Decoding.FULL, Decoding.METADATA_ONLY.with(Decoding.FULL));
    assertEquals(Decoding.FULL, Decoding.FULL.with(Decoding.WITHOUT_PERSONAL_DATA));
    assertEquals(
        Decoding.WITHOUT_PERSONAL_DATA,
        Decoding.METADATA_ONLY.with(Decoding.WITHOUT_PERSONAL_DATA));
    assertEquals(Decoding.METADATA_ONLY, Decoding.METADATA_ONLY.with(Decoding.METADATA_ONLY));
  }

  private static RecordedEvent event(long position) {
    return new RecordedEvent(
        position,
        "s-1",
        "S",
        position,
        "e-" + position,
        "T",
        1,
        Instant.EPOCH,
        "sam",
        "c",
        "r",
        "c",
        null,
        null,
        "h" + position,
        new Object(),
        JsonValue.EMPTY_JSON_OBJECT);
  }
}
