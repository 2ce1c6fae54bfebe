package org.seatledger.web.pages.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.EventPage;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.VerificationReport;

/** The log check walks only what is new since the last good check, and keeps every result. */
class LogMonitorTest {

  private final Positions log = new Positions();
  private final KeptChecks kept = new KeptChecks();
  private final LogMonitor monitor = new LogMonitor();

  LogMonitorTest() {
    monitor.log = log;
    monitor.checks = kept;
  }

  @Test
  void aSecondCheckWalksOnlyThePositionsAppendedSinceTheFirst() {
    log.append(25_000);
    LogChecks.Check first = monitor.check("ada");
    assertTrue(first.result().contiguous());
    assertEquals(0, first.walkedFrom());
    assertEquals(25_000, first.result().checked());
    assertEquals("Positions 1 to 25000 are all there, once each.", first.result().sentence());

    log.append(30);
    log.readsAfter.clear();
    LogChecks.Check second = monitor.check(LogMonitor.SCHEDULE);
    assertEquals(25_000, second.walkedFrom());
    assertEquals(30, second.result().checked(), "only the new positions were walked");
    assertEquals(25_030, second.result().upTo());
    assertEquals(List.of(25_000L), log.readsAfter, "one read, after the last checked position");
    assertEquals(List.of(second, first), monitor.recent(10), "both kept, newest first");
  }

  @Test
  void aPositionLostBelowTheLastCheckIsFoundByTheCountAndNamedByAFullWalk() {
    log.append(100);
    monitor.check("ada");
    log.positions.remove(40L);
    log.append(5);
    LogChecks.Check check = monitor.check("ada");
    assertFalse(check.result().contiguous());
    assertEquals(0, check.walkedFrom(), "walked from the start to name the hole");
    assertEquals(41L, check.result().firstProblem());
    assertEquals("Positions 40 to 40 are missing before 41.", check.result().sentence());

    LogChecks.Check again = monitor.check("ada");
    assertEquals(0, again.walkedFrom(), "after a problem every check walks it all");
    assertFalse(again.result().contiguous());
  }

  @Test
  void theIntervalIsAnIsoDurationAndZeroTurnsTheScheduleOff() {
    assertEquals(Duration.ofMinutes(10), LogMonitor.parseInterval("PT10M"));
    assertEquals(Duration.ZERO, LogMonitor.parseInterval("0"));
    assertEquals(Duration.ZERO, LogMonitor.parseInterval("PT0S"));
    assertThrows(RuntimeException.class, () -> LogMonitor.parseInterval("10 minutes"));
    assertThrows(IllegalArgumentException.class, () -> LogMonitor.parseInterval("-PT1M"));
  }

  /** A log of positions only. */
  private static final class Positions implements EventLog {
    final TreeSet<Long> positions = new TreeSet<>();
    final List<Long> readsAfter = new ArrayList<>();

    void append(int events) {
      long next = positions.isEmpty() ? 1 : positions.last() + 1;
      for (int i = 0; i < events; i++) {
        positions.add(next + i);
      }
    }

    @Override
    public long[] positions(long afterPosition, int limit) {
      readsAfter.add(afterPosition);
      return positions.tailSet(afterPosition, false).stream()
          .limit(limit)
          .mapToLong(Long::longValue)
          .toArray();
    }

    @Override
    public long countUpTo(long position) {
      return positions.headSet(position, true).size();
    }

    @Override
    public long headPosition() {
      return positions.isEmpty() ? 0 : positions.last();
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int limit) {
      throw new UnsupportedOperationException("the check reads positions only");
    }

    @Override
    public EventPage readPage(long afterPosition, int limit, Set<Class<?>> classes) {
      throw new UnsupportedOperationException("the check reads positions only");
    }

    @Override
    public List<RecordedEvent> readStream(String streamId, long fromVersion, int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public VerificationReport verify(Optional<String> streamId) {
      throw new UnsupportedOperationException();
    }
  }

  /** Kept checks in memory, newest first. */
  private static final class KeptChecks extends LogChecks {
    final List<Check> all = new ArrayList<>();

    @Override
    void keep(Check check) {
      all.add(0, check);
    }

    @Override
    public List<Check> newest(int limit) {
      return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }
  }
}
