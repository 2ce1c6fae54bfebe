package org.seatledger.eventlog.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The newest rows this server's group committer wrote, kept in memory for the read models that
 * follow the log closely: a live step of a read model asks for the events after its checkpoint,
 * which the committer wrote a few milliseconds before, and every such step read them back from the
 * database (a query of one range per event type the read model folds, and the rows' transfer), for
 * reporting's read models, the audit trail and the integration relay each.
 *
 * <p>Only what is certain is answered from memory. Rows are taken in after their commit, and only
 * as one unbroken run of positions: a commit that does not follow the run (another server, or an
 * append inside a caller's transaction, took the positions between) starts the run afresh. A page
 * is answered only when the run holds every position from the one after the reader's checkpoint on,
 * and it ends where the run ends: positions run without gaps and commit in order ({@link
 * EventRows#after(long, int, Set, boolean)}), so such a page is what the database answered at the
 * moment the run's newest commit ended. A reader at the end of the run, or before its start, reads
 * the database, so appends of other servers are found as before. The rows are the stored rows,
 * decoded by the reader as the database's would be (personal data with the data keys as they are
 * then: an erased key is erased here too).
 */
@ApplicationScoped
public class RecentEvents {

  @Inject
  @ConfigProperty(name = "seatledger.recent-events", defaultValue = "2000")
  int capacity;

  private StoredEvent[] rows;

  /** The newest position of the run; the run holds {@code size} positions up to it. */
  private long newest;

  private int size;

  public RecentEvents() {}

  /** A run of at most {@code capacity} rows (0: none kept, every page from the database). */
  RecentEvents(int capacity) {
    this.capacity = capacity;
  }

  /**
   * Takes in the rows of a commit that succeeded, in position order. They continue the run when the
   * first follows its newest position; otherwise they start a new one.
   */
  synchronized void committed(List<StoredEvent> committed) {
    if (capacity <= 0 || committed.isEmpty()) {
      return;
    }
    if (rows == null) {
      rows = new StoredEvent[capacity];
    }
    for (StoredEvent row : committed) {
      if (size == 0 || row.globalPosition != newest + 1) {
        size = 0; // not where the run ends: a new run starts here
      }
      rows[slot(row.globalPosition)] = row;
      newest = row.globalPosition;
      size = Math.min(size + 1, capacity);
    }
  }

  /**
   * The page {@link EventRows#after(long, int, Set, boolean)} would read, when the run holds the
   * position after {@code afterPosition} and at least one more is newer than it; empty otherwise.
   */
  synchronized Optional<EventRows.Scan> after(long afterPosition, int limit, Set<String> types) {
    long oldest = newest - size + 1;
    if (size == 0 || limit <= 0 || afterPosition + 1 < oldest || afterPosition >= newest) {
      return Optional.empty();
    }
    long last = Math.min(newest, afterPosition + limit);
    List<StoredEvent> page = new ArrayList<>((int) Math.min(last - afterPosition, 64));
    for (long position = afterPosition + 1; position <= last; position++) {
      StoredEvent row = rows[slot(position)];
      if (types.isEmpty() || types.contains(row.eventType)) {
        page.add(row);
      }
    }
    return Optional.of(new EventRows.Scan(page, (int) (last - afterPosition), last));
  }

  private int slot(long position) {
    return (int) (position % capacity);
  }
}
