package org.seatledger.booking.api.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.seatledger.booking.api.MasterKeyMismatch;
import org.seatledger.booking.api.RecordedEvent;
import org.seatledger.booking.api.projection.BatchResult.Applied;
import org.seatledger.booking.api.projection.BatchResult.FailedAt;
import org.seatledger.booking.api.projection.BatchResult.LostRace;

/**
 * Applies a batch of events and moves a checkpoint in one transaction. The batch is applied folded
 * ({@link Projection#applyAll}); when that fails, it is rolled back and applied again one event at
 * a time, which names the event that fails and commits none of the batch.
 */
final class BatchApplier {

  private static final Logger LOG = Logger.getLogger(BatchApplier.class.getName());

  private final Projection projection;
  private final Transactions transactions;

  BatchApplier(Projection projection, Transactions transactions) {
    this.projection = projection;
    this.transactions = transactions;
  }

  /**
   * @param stillThere locks the checkpoint row and says whether it is still where the batch started
   * @param move moves the checkpoint past the batch; false when it was no longer there
   * @throws MasterKeyMismatch when this server cannot read an event: the pass ends, the event is
   *     fine and is not blamed
   */
  BatchResult apply(
      List<RecordedEvent> events,
      int generation,
      Transactions.Work<Boolean> stillThere,
      Transactions.Work<Boolean> move) {
    BatchResult folded = attempt(events, generation, stillThere, move, true);
    return folded instanceof FailedAt
        ? attempt(events, generation, stillThere, move, false)
        : folded;
  }

  private BatchResult attempt(
      List<RecordedEvent> events,
      int generation,
      Transactions.Work<Boolean> stillThere,
      Transactions.Work<Boolean> move,
      boolean folded) {
    return transactions.run(
        c -> attempt(c, events, generation, stillThere, move, folded), Applied.class::isInstance);
  }

  /**
   * One attempt on a connection. The checkpoint row is locked first and must still be where the
   * batch started: a runner on another server that got there first makes this one stand down before
   * it applies anything. A folded attempt that fails reports index 0: it cannot tell which event
   * failed, only that the batch must be applied one event at a time.
   */
  private BatchResult attempt(
      Connection connection,
      List<RecordedEvent> events,
      int generation,
      Transactions.Work<Boolean> stillThere,
      Transactions.Work<Boolean> move,
      boolean folded)
      throws SQLException {
    if (!stillThere.run(connection)) {
      return new LostRace();
    }
    if (folded) {
      try {
        projection.applyAll(events, connection, generation);
      } catch (SQLException | RuntimeException e) {
        LOG.log(
            Level.FINE,
            "projection " + projection.name() + ": a batch failed; applying it event by event",
            e);
        return new FailedAt(0, e);
      }
    } else {
      for (int i = 0; i < events.size(); i++) {
        try {
          projection.apply(events.get(i), connection, generation);
        } catch (MasterKeyMismatch misconfigured) {
          throw misconfigured; // this server lacks a key: the pass ends, the event is fine
        } catch (SQLException | RuntimeException e) {
          return new FailedAt(
              i,
              new IllegalStateException(
                  projection.name() + " failed on " + describe(events.get(i)) + ": " + e, e));
        }
      }
    }
    return move.run(connection) ? new Applied() : new LostRace();
  }

  private static String describe(RecordedEvent event) {
    return event.type() + " at position " + event.globalPosition();
  }
}
