package org.seatledger.eventlog.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.seatledger.eventlog.api.MasterKeyMismatch;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.projection.Projection;
import org.seatledger.eventlog.api.projection.TargetUnavailable;
import org.seatledger.eventlog.projection.BatchResult.Applied;
import org.seatledger.eventlog.projection.BatchResult.FailedAt;
import org.seatledger.eventlog.projection.BatchResult.LostRace;
import org.seatledger.eventlog.projection.BatchResult.TargetDown;

/**
 * Applies a batch of events and moves a checkpoint in one transaction. The batch is applied folded
 * ({@link Projection#applyAll}); when that fails, it is rolled back and applied again one event at
 * a time, which names the event that fails and commits none of the batch. A failure that passes (a
 * deadlock, a lost connection: {@link PassingFailures}) blames no event: the batch is rolled back
 * and tried again on the next pass.
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
   * @return {@link BatchResult.TargetDown}, rolled back, when the projection threw {@link
   *     TargetUnavailable} (its target is away) or the database failed in a way that passes: no
   *     event is blamed
   * @throws MasterKeyMismatch when this server cannot read an event: the pass ends, the event is
   *     fine and is not blamed
   */
  BatchResult apply(
      List<RecordedEvent> events,
      int generation,
      Transactions.Work<Boolean> stillThere,
      Transactions.Work<Boolean> move) {
    Optional<BatchResult> folded =
        transactions.run(
            c -> folded(c, events, generation, stillThere, move),
            result -> result.filter(Applied.class::isInstance).isPresent());
    if (folded.filter(TargetDown.class::isInstance).isPresent()) {
      return folded.get(); // the target is away, not an event: one by one would only wait again
    }
    return folded.orElseGet(
        () ->
            transactions.run(
                c -> oneByOne(c, events, generation, stillThere, move), Applied.class::isInstance));
  }

  /**
   * The batch in one {@link Projection#applyAll}; empty when that failed, which cannot tell which
   * event failed. The checkpoint row is locked first and must still be where the batch started: a
   * runner on another server that got there first makes this one stand down before it applies
   * anything.
   */
  private Optional<BatchResult> folded(
      Connection connection,
      List<RecordedEvent> events,
      int generation,
      Transactions.Work<Boolean> stillThere,
      Transactions.Work<Boolean> move)
      throws SQLException {
    if (!stillThere.run(connection)) {
      return Optional.of(new LostRace());
    }
    try {
      projection.applyAll(events, connection, generation);
    } catch (TargetUnavailable away) {
      return Optional.of(new TargetDown(away));
    } catch (SQLException | RuntimeException e) {
      Optional<TargetUnavailable> passing = PassingFailures.of(e);
      if (passing.isPresent()) {
        return Optional.of(new TargetDown(passing.get())); // the event is not to blame
      }
      LOG.log(
          Level.FINE,
          "projection " + projection.name() + ": a batch failed; applying it event by event",
          e);
      return Optional.empty();
    }
    return Optional.of(moved(connection, move));
  }

  /** The batch one event at a time, which names the event that fails. */
  private BatchResult oneByOne(
      Connection connection,
      List<RecordedEvent> events,
      int generation,
      Transactions.Work<Boolean> stillThere,
      Transactions.Work<Boolean> move)
      throws SQLException {
    if (!stillThere.run(connection)) {
      return new LostRace();
    }
    for (int i = 0; i < events.size(); i++) {
      try {
        projection.apply(events.get(i), connection, generation);
      } catch (MasterKeyMismatch misconfigured) {
        throw misconfigured; // this server lacks a key: the pass ends, the event is fine
      } catch (TargetUnavailable away) {
        return new TargetDown(away);
      } catch (SQLException | RuntimeException e) {
        Optional<TargetUnavailable> passing = PassingFailures.of(e);
        if (passing.isPresent()) {
          return new TargetDown(passing.get());
        }
        return new FailedAt(
            i,
            new IllegalStateException(
                projection.name() + " failed on " + describe(events.get(i)) + ": " + e, e));
      }
    }
    return moved(connection, move);
  }

  private static BatchResult moved(Connection connection, Transactions.Work<Boolean> move)
      throws SQLException {
    return move.run(connection) ? new Applied() : new LostRace();
  }

  private static String describe(RecordedEvent event) {
    return event.type() + " at position " + event.globalPosition();
  }
}
