package org.seatledger.eventlog.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.seatledger.eventlog.api.EventDecodingException;
import org.seatledger.eventlog.api.EventPage;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.projection.Projection;
import org.seatledger.eventlog.api.projection.TargetUnavailable;

/**
 * One step of a live projection in one transaction: lock the checkpoint row and read it, read the
 * page of the log after it, apply the page folded, move the checkpoint, commit. Anything else (not
 * running, a rebuild beside it, nothing new, an unreadable event, a fold that failed, a target that
 * is away) rolls back and comes back as an {@link Outcome} for the runner to decide on.
 *
 * <p>The step used to be a read of the checkpoint outside any transaction, the page in a
 * transaction of its own, then the batch's transaction locking the row with an update and reading
 * it again: at a trickle of bookings each of the four read models made about seven round trips and
 * three transactions per commit. Reading the page while the row is locked costs nothing extra (the
 * lock is this projection's own row, held by nobody else but the same projection on another server,
 * which would have to wait for the batch anyway), and another server that raced for the same batch
 * now waits for the lock and then reads from where the winner left off, instead of reading and
 * applying a batch only to roll it back.
 */
final class LiveStep {

  private static final Logger LOG = Logger.getLogger(LiveStep.class.getName());

  /** What one step did. Only {@link Moved} committed. */
  sealed interface Outcome
      permits Moved, Idle, Rebuilding, Unreadable, FoldFailed, TargetAway, NotMoved {}

  /**
   * The page was applied and the checkpoint moved from {@code from} to {@code to}, committed;
   * {@code applied} are the page's events (those of the classes the projection reads).
   */
  record Moved(long from, long to, boolean full, List<RecordedEvent> applied) implements Outcome {}

  /** The projection is not running (paused or stopped), or nothing follows its checkpoint. */
  record Idle(Checkpoint row) implements Outcome {}

  /** A rebuild runs beside the live generation: the runner takes its slower path for both. */
  record Rebuilding(Checkpoint row) implements Outcome {}

  /** An event after the checkpoint cannot be read (decoded or decrypted). */
  record Unreadable(Checkpoint row, EventDecodingException cause) implements Outcome {}

  /** The folded page failed; applying it event by event names the event that fails. */
  record FoldFailed(Checkpoint row, EventPage page) implements Outcome {}

  /**
   * The projection's target (another system), or the database for a moment (a deadlock, a lost
   * connection), could not take the page; no event is blamed.
   */
  record TargetAway(TargetUnavailable cause) implements Outcome {}

  /** The checkpoint did not move although its row was locked: read it again. */
  record NotMoved() implements Outcome {}

  /** The page after a position, read on the step's transaction. */
  @FunctionalInterface
  interface PageReader {
    EventPage after(long position);
  }

  /** Locks the checkpoint row on the step's connection and returns it as it is now. */
  @FunctionalInterface
  interface Lock {
    Checkpoint lock(Connection connection) throws SQLException;
  }

  /** Moves the live position, on the step's connection; false when it was not there. */
  @FunctionalInterface
  interface Move {
    boolean move(Connection connection, long from, long to, int generation) throws SQLException;
  }

  private final Projection projection;
  private final Transactions transactions;
  private final Lock lock;
  private final PageReader pages;
  private final Move move;
  private final int batchSize;

  LiveStep(
      Projection projection,
      Transactions transactions,
      Lock lock,
      PageReader pages,
      Move move,
      int batchSize) {
    this.projection = projection;
    this.transactions = transactions;
    this.lock = lock;
    this.pages = pages;
    this.move = move;
    this.batchSize = batchSize;
  }

  Outcome run() {
    return transactions.run(this::step, Moved.class::isInstance);
  }

  private Outcome step(Connection connection) throws SQLException {
    Checkpoint row = lock.lock(connection);
    if (!row.running()) {
      return new Idle(row);
    }
    if (row.rebuilding()) {
      return new Rebuilding(row);
    }
    EventPage page;
    try {
      page = pages.after(row.position());
    } catch (EventDecodingException unreadable) {
      return new Unreadable(row, unreadable);
    }
    if (page.scanned() == 0) {
      return new Idle(row);
    }
    try {
      projection.applyAll(page.events(), connection, row.generation());
    } catch (TargetUnavailable away) {
      return new TargetAway(away);
    } catch (SQLException | RuntimeException e) {
      Optional<TargetUnavailable> passing = PassingFailures.of(e);
      if (passing.isPresent()) {
        return new TargetAway(passing.get()); // a deadlock, a lost connection: no event to blame
      }
      LOG.log(
          Level.FINE,
          "projection " + projection.name() + ": a batch failed; applying it event by event",
          e);
      return new FoldFailed(row, page);
    }
    if (!move.move(connection, row.position(), page.lastPosition(), row.generation())) {
      return new NotMoved();
    }
    return new Moved(
        row.position(), page.lastPosition(), page.scanned() == batchSize, page.events());
  }
}
