package org.seatledger.eventlog.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.Decoding;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.EventPage;
import org.seatledger.eventlog.api.RecordedEvent;

class RebuildReaderTest {

  private static final int PAGE = 2_000;

  /**
   * A log of positions 1 … {@code head} without gaps, read as the database's is: a page is the
   * range after the position asked for, cut at the head.
   */
  private static final class Log {
    volatile long head;
    final List<Long> readsAfter = new ArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();

    Log(long head) {
      this.head = head;
    }

    synchronized void noteRead(long after) {
      readsAfter.add(after);
    }

    EventPage read(long after, int limit) {
      noteRead(after);
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("the event log cannot be read: connection reset");
      }
      long last = Math.min(head, after + limit);
      List<RecordedEvent> events = new ArrayList<>();
      for (long p = after + 1; p <= last; p++) {
        events.add(LogEvents.at(p, "SeatsAdded", "seats"));
      }
      return new EventPage(events, Math.max(after, last), (int) Math.max(0, last - after));
    }

    EventLog asEventLog() {
      return (EventLog)
          Proxy.newProxyInstance(
              EventLog.class.getClassLoader(),
              new Class<?>[] {EventLog.class},
              (proxy, method, args) -> {
                if (method.getName().equals("readPage")
                    && args.length == 4
                    && args[3] instanceof Decoding) {
                  return read((Long) args[0], (Integer) args[1]);
                }
                throw new UnsupportedOperationException(method.getName());
              });
    }
  }

  /** Runs what it is given when told to, so a test sees what was set off. */
  private static final class Held implements Executor {
    final Deque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    void runAll() {
      while (!tasks.isEmpty()) {
        tasks.poll().run();
      }
    }
  }

  private static RebuildReader reader(Log log, Executor readAhead) {
    return new RebuildReader("test", log.asEventLog(), Set.of(), Decoding.FULL, 500, readAhead);
  }

  /**
   * A reader that has handed out the first page, with the pages after it read ahead (once {@code
   * beforeReadingAhead} has run) while the log ended at {@code log}'s head.
   */
  private static RebuildReader pastFirstPage(Log log, Held readAhead, Runnable beforeReadingAhead) {
    RebuildReader reader = reader(log, readAhead);
    reader.pageAfter(0);
    beforeReadingAhead.run();
    readAhead.runAll();
    return reader;
  }

  /** Pages as a rebuild asks for them, from the start until a page that is not full. */
  private static List<Long> readToEnd(RebuildReader reader) {
    List<Long> positions = new ArrayList<>();
    long after = 0;
    EventPage page;
    do {
      page = reader.pageAfter(after);
      page.events().forEach(e -> positions.add(e.globalPosition()));
      after = page.lastPosition();
    } while (page.scanned() == PAGE);
    return positions;
  }

  @Test
  void theNextTwoPagesAreSetOffTogetherWhileOneIsWritten() {
    Log log = new Log(10_000);
    Held readAhead = new Held();
    RebuildReader reader = reader(log, readAhead);

    EventPage first = reader.pageAfter(0);

    assertEquals(PAGE, first.lastPosition());
    assertEquals(RebuildReader.PAGES_AHEAD, readAhead.tasks.size(), "pages set off at once");
    readAhead.runAll();
    assertEquals(List.of(0L, 2_000L, 4_000L), log.readsAfter);

    EventPage second = reader.pageAfter(first.lastPosition());

    assertEquals(2_001, second.events().get(0).globalPosition());
    assertEquals(4_000, second.lastPosition());
    readAhead.runAll();
    assertEquals(List.of(0L, 2_000L, 4_000L, 6_000L), log.readsAfter, "each page read once");
  }

  @Test
  void everyEventComesOnceAndInOrderWithPagesReadOnOtherThreads() {
    Log log = new Log(23_456);
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      List<Long> positions = readToEnd(reader(log, threads));

      assertEquals(23_456, positions.size());
      for (int i = 0; i < positions.size(); i++) {
        assertEquals(i + 1, positions.get(i));
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aPageThatIsNotFullEndsTheReadingAhead() {
    Held readAhead = new Held();
    RebuildReader reader = pastFirstPage(new Log(2_500), readAhead, () -> {});

    EventPage last = reader.pageAfter(2_000);

    assertEquals(500, last.scanned());
    assertTrue(readAhead.tasks.isEmpty(), "nothing read past the end of the log");
  }

  @Test
  void aPageReadAheadAtTheEndIsTheLogAsItWasAndTheNextIsReadAfterIt() {
    Log log = new Log(3_000);
    RebuildReader reader = pastFirstPage(log, new Held(), () -> {});

    log.head = 9_000; // events appended meanwhile
    EventPage short1 = reader.pageAfter(2_000);
    EventPage next = reader.pageAfter(short1.lastPosition());

    assertEquals(3_000, short1.lastPosition());
    assertEquals(3_001, next.events().get(0).globalPosition());
    assertEquals(5_000, next.lastPosition());
  }

  @Test
  void pagesReadAheadOfAnotherPositionAreDroppedAndTheAskedOneIsRead() {
    Log log = new Log(3_000);
    RebuildReader reader = pastFirstPage(log, new Held(), () -> {});

    // another server's pass moved the rebuild on meanwhile
    log.head = 9_000;
    EventPage page = reader.pageAfter(2_500);

    assertEquals(2_501, page.events().get(0).globalPosition());
    assertEquals(4_500, page.lastPosition());
  }

  @Test
  void aPageWhoseReadAheadFailedIsReadAgain() {
    Log log = new Log(8_000);
    RebuildReader reader =
        pastFirstPage(log, new Held(), () -> log.failuresLeft.set(1)); // the first read ahead fails

    EventPage page = reader.pageAfter(2_000);

    assertEquals(2_001, page.events().get(0).globalPosition());
    assertEquals(2_000, page.scanned());
    assertEquals(2, log.readsAfter.stream().filter(after -> after == 2_000L).count(), "read again");
  }

  @Test
  void withoutAnExecutorPagesAreReadOneAfterTheOther() {
    Log log = new Log(5_000);

    List<Long> positions = readToEnd(reader(log, null));

    assertEquals(5_000, positions.size());
    assertEquals(List.of(0L, 2_000L, 4_000L), log.readsAfter);
  }
}
