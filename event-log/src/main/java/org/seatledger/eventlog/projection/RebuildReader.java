package org.seatledger.eventlog.projection;

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
 * Reads the log for a rebuild, in large pages, one page ahead. A full page sets off the read of the
 * next one on the read-ahead executor, so reading and decoding page n+1 (the application's CPU)
 * overlaps writing page n (mostly the database's). Events never change once written, so a page read
 * ahead is as good as one read later; one that failed is read again, where a real failure shows.
 * Used by one runner pass at a time.
 */
final class RebuildReader {

  private static final Logger LOG = Logger.getLogger(RebuildReader.class.getName());

  /** A rebuild reads the log in pages this large: fewer round trips, larger folded batches. */
  private static final int REBUILD_BATCH_SIZE = 2_000;

  private final String name;
  private final EventLog log;
  private final Set<Class<?>> eventClasses;
  private final Decoding decoding;
  private final int size;
  private final Executor readAhead;

  private CompletableFuture<EventPage> ahead;
  private long aheadAfter = -1;

  /**
   * @param readAhead where the next page is read (null: one after the other)
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
    if (ahead != null && aheadAfter == after) {
      try {
        page = ahead.join();
      } catch (CompletionException | CancellationException readAgain) {
        LOG.log(Level.FINE, "projection " + name + ": a page read ahead failed", readAgain);
      }
    }
    ahead = null;
    if (page == null) {
      page = log.readPage(after, size, eventClasses, decoding);
    }
    if (readAhead != null && page.scanned() == size) {
      long next = page.lastPosition();
      aheadAfter = next;
      try {
        ahead =
            CompletableFuture.supplyAsync(
                () -> log.readPage(next, size, eventClasses, decoding), readAhead);
      } catch (RejectedExecutionException busy) {
        ahead = null;
      }
    }
    return page;
  }
}
