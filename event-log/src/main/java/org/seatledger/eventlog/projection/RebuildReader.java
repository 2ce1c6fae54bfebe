package org.seatledger.eventlog.projection;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.seatledger.eventlog.api.Decoding;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.EventPage;

/**
 * Reads the log for a rebuild, in large pages, {@value #PAGES_AHEAD} pages ahead. Reading and
 * decoding a page (JSON, upcasting, decrypting personal data) is the application's CPU and was the
 * whole of a bookings-list rebuild's time: it ran exactly as fast as one thread decodes the log.
 * Pages read ahead are read at once, each on its own thread of the read-ahead executor, while the
 * current one is written (mostly the database's work).
 *
 * <p>Which pages come next is known before they are read: positions run 1, 2, 3 … without gaps, so
 * a full page after position {@code p} ends at {@code p + size} and the next begins there. A page
 * read ahead is used only when the runner asks for exactly the position it was read after; events
 * never change once written, so it is as good as one read later. When the runner asks for another
 * position (a page that was not full: the end of the log as it was), the pages read ahead are
 * dropped and it is read there and then; so is a page whose read ahead failed, where a real failure
 * shows. Used by one runner pass at a time.
 */
final class RebuildReader {

  private static final Logger LOG = Logger.getLogger(RebuildReader.class.getName());

  /** A rebuild reads the log in pages this large: fewer round trips, larger folded batches. */
  private static final int REBUILD_BATCH_SIZE = 2_000;

  /**
   * Pages read at once ahead of the one being written: on two cores, two decoding threads and the
   * writer keep both busy beside the database (one thread ahead left the writer waiting).
   */
  static final int PAGES_AHEAD = 2;

  private final String name;
  private final EventLog log;
  private final Set<Class<?>> eventClasses;
  private final Decoding decoding;
  private final int size;
  private final Executor readAhead;

  /** Pages being read ahead, in the order of the log: each after the one before it. */
  private final Deque<Ahead> ahead = new ArrayDeque<>();

  /** A page being read after position {@code after}. */
  private record Ahead(long after, CompletableFuture<EventPage> page) {}

  /**
   * @param readAhead where the next pages are read (null: one after the other)
   */
  RebuildReader(
      String name,
      EventLog log,
      Set<Class<?>> eventClasses,
      Decoding decoding,
      int batchSize,
      Executor readAhead) {
    this.name = name;
    this.log = log;
    this.eventClasses = eventClasses;
    this.decoding = decoding;
    this.size = Math.max(batchSize, REBUILD_BATCH_SIZE);
    this.readAhead = readAhead;
  }

  /** The page after {@code after}. */
  EventPage pageAfter(long after) {
    EventPage page = null;
    Ahead next = ahead.pollFirst();
    if (next != null && next.after() == after) {
      try {
        page = next.page().join();
      } catch (CompletionException | CancellationException readAgain) {
        LOG.log(Level.FINE, "projection " + name + ": a page read ahead failed", readAgain);
      }
    }
    if (page == null) {
      forget(); // read ahead of another position, or failed: the rest follow a page not used
      page = read(after);
    }
    if (page.scanned() == size) {
      readAheadOf(page.lastPosition());
    } else {
      forget();
    }
    return page;
  }

  /** Drops the pages read ahead (a rebuild that ended, or went elsewhere). */
  void forget() {
    ahead.forEach(page -> page.page().cancel(false));
    ahead.clear();
  }

  /** Sets off the reads of the pages after {@code next}, as many as are not on their way. */
  private void readAheadOf(long next) {
    if (readAhead == null) {
      return;
    }
    long after = ahead.isEmpty() ? next : ahead.peekLast().after() + size;
    while (ahead.size() < PAGES_AHEAD) {
      long from = after;
      try {
        ahead.addLast(new Ahead(from, CompletableFuture.supplyAsync(() -> read(from), readAhead)));
      } catch (RejectedExecutionException busy) {
        return;
      }
      after += size;
    }
  }

  private EventPage read(long after) {
    return log.readPage(after, size, eventClasses, decoding);
  }
}
