package org.seatledger.eventlog.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.MasterKeyMismatch;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.projection.Projection;
import org.seatledger.eventlog.api.projection.TargetUnavailable;
import org.seatledger.eventlog.projection.BatchResult.Applied;
import org.seatledger.eventlog.projection.BatchResult.FailedAt;
import org.seatledger.eventlog.projection.BatchResult.LostRace;
import org.seatledger.eventlog.projection.BatchResult.TargetDown;

/**
 * What the batch applier reports, decided without a database: the projection keeps its rows in a
 * list, and each transaction keeps what it wrote only when it commits.
 */
class BatchApplierTest {

  private final List<RecordedEvent> events =
      LongStream.rangeClosed(11, 15).mapToObj(BatchApplierTest::event).toList();

  /** Committed rows: the positions applied. */
  private final List<Long> rows = new ArrayList<>();

  private final List<String> transactions = new ArrayList<>();
  private long checkpoint = 10;

  @Test
  void aBatchThatAppliesMovesTheCheckpointWithItsRowsInOneCommit() {
    BatchResult result = applier(new Rows(-1, false)).apply(events, 1, stillAt(10), moveTo(15));

    assertInstanceOf(Applied.class, result);
    assertEquals(List.of(11L, 12L, 13L, 14L, 15L), rows);
    assertEquals(15, checkpoint);
    assertEquals(List.of("commit"), transactions, "folded: one transaction");
  }

  @Test
  void aFoldThatFailsIsAppliedEventByEventToNameTheEventAndCommitsNothing() {
    BatchResult result = applier(new Rows(13, false)).apply(events, 1, stillAt(10), moveTo(15));

    FailedAt failed = assertInstanceOf(FailedAt.class, result);
    assertEquals(2, failed.index(), "the event at position 13");
    assertTrue(
        failed.cause().getMessage().contains("SeatsReserved at position 13"),
        failed.cause().getMessage());
    assertEquals(List.of(), rows);
    assertEquals(10, checkpoint);
    assertEquals(List.of("rollback", "rollback"), transactions);
  }

  @Test
  void aFoldThatFailsWhereEventByEventSucceedsIsApplied() {
    BatchResult result = applier(new Rows(-1, true)).apply(events, 1, stillAt(10), moveTo(15));

    assertInstanceOf(Applied.class, result);
    assertEquals(List.of(11L, 12L, 13L, 14L, 15L), rows);
    assertEquals(List.of("rollback", "commit"), transactions);
  }

  @Test
  void aCheckpointMovedByAnotherServerBeforeTheBatchIsALostRaceThatAppliesNothing() {
    checkpoint = 12;

    BatchResult result = applier(new Rows(-1, false)).apply(events, 1, stillAt(10), moveTo(15));

    assertInstanceOf(LostRace.class, result);
    assertEquals(List.of(), rows);
    assertEquals(12, checkpoint);
    assertEquals(List.of("rollback"), transactions);
  }

  @Test
  void aCheckpointThatCannotMoveAfterTheBatchIsALostRaceThatRollsTheRowsBack() {
    Transactions.Work<Boolean> pausedMeanwhile = c -> false;

    BatchResult result =
        applier(new Rows(-1, false)).apply(events, 1, stillAt(10), pausedMeanwhile);

    assertInstanceOf(LostRace.class, result);
    assertEquals(List.of(), rows);
    assertEquals(List.of("rollback"), transactions);
  }

  @Test
  void aMissingMasterKeyEndsThePassInsteadOfBlamingTheEvent() {
    Rows projection = new Rows(-1, false);
    projection.keyMissingAt = 14;

    assertThrows(
        MasterKeyMismatch.class,
        () -> applier(projection).apply(events, 1, stillAt(10), moveTo(15)));
    assertEquals(List.of(), rows);
    assertEquals(List.of("rollback", "rollback"), transactions);
  }

  @Test
  void aTargetThatIsAwayRollsTheBatchBackOnceAndBlamesNoEvent() {
    Rows projection = new Rows(-1, false);
    projection.targetAwayAt = 13;

    BatchResult result = applier(projection).apply(events, 1, stillAt(10), moveTo(15));

    TargetDown down = assertInstanceOf(TargetDown.class, result);
    assertEquals("broker away", down.cause().getMessage());
    assertEquals(List.of(), rows);
    assertEquals(10, checkpoint, "the same batch is tried again on the next pass");
    assertEquals(List.of("rollback"), transactions, "not applied again event by event");
  }

  @Test
  void aDeadlockRollsTheBatchBackForTheNextPassAndBlamesNoEvent() {
    Rows projection = new Rows(-1, false);
    projection.failure = new SQLException("Deadlock found when trying to get lock", "40001", 1213);
    projection.failureAt = 13;

    BatchResult result = applier(projection).apply(events, 1, stillAt(10), moveTo(15));

    TargetDown down = assertInstanceOf(TargetDown.class, result);
    assertTrue(down.cause().getMessage().contains("Deadlock found"), down.cause().getMessage());
    assertEquals(List.of(), rows);
    assertEquals(10, checkpoint, "the same batch is tried again on the next pass");
    assertEquals(List.of("rollback"), transactions, "not applied again event by event");
  }

  @Test
  void aLockWaitTimeoutMetEventByEventAfterAFailedFoldBlamesNoEventEither() {
    Rows projection = new Rows(-1, true);
    projection.failure =
        new IllegalStateException(
            "cannot write",
            new SQLException(
                "Lock wait timeout exceeded; try restarting transaction", "HY000", 1205));
    projection.failureAt = 14;

    BatchResult result = applier(projection).apply(events, 1, stillAt(10), moveTo(15));

    assertInstanceOf(TargetDown.class, result);
    assertEquals(List.of(), rows);
    assertEquals(10, checkpoint);
    assertEquals(List.of("rollback", "rollback"), transactions);
  }

  @Test
  void aFailureTheEventCausesStillStopsAtTheEvent() {
    Rows projection = new Rows(-1, false);
    projection.failure = new SQLException("Data too long for column 'name'", "22001", 1406);
    projection.failureAt = 12;

    FailedAt failed =
        assertInstanceOf(
            FailedAt.class, applier(projection).apply(events, 1, stillAt(10), moveTo(15)));

    assertEquals(1, failed.index(), "the event at position 12");
  }

  private BatchApplier applier(Projection projection) {
    return new BatchApplier(projection, new InMemoryTransactions());
  }

  private Transactions.Work<Boolean> stillAt(long position) {
    return c -> checkpoint == position;
  }

  private Transactions.Work<Boolean> moveTo(long position) {
    return c -> {
      pending.checkpoint = position;
      return true;
    };
  }

  /** What the running transaction wrote; kept on commit. */
  private static final class Pending {
    final List<Long> rows = new ArrayList<>();
    Long checkpoint;
  }

  private Pending pending;

  private final class InMemoryTransactions implements Transactions {
    @Override
    public <T> T run(Work<T> work, Predicate<? super T> commit) {
      pending = new Pending();
      T result;
      try {
        result = work.run(null); // nothing here touches a connection
      } catch (SQLException | RuntimeException e) {
        transactions.add("rollback");
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
      if (commit.test(result)) {
        rows.addAll(pending.rows);
        if (pending.checkpoint != null) {
          checkpoint = pending.checkpoint;
        }
        transactions.add("commit");
      } else {
        transactions.add("rollback");
      }
      return result;
    }
  }

  /** A projection that fails on one position, or only when folded, or lacks a master key. */
  private final class Rows implements Projection {
    private final long failsAt;
    private final boolean foldFails;
    long keyMissingAt = -1;
    long targetAwayAt = -1;
    long failureAt = -1;
    Exception failure;

    Rows(long failsAt, boolean foldFails) {
      this.failsAt = failsAt;
      this.foldFails = foldFails;
    }

    @Override
    public String name() {
      return "test.rows";
    }

    @Override
    public void apply(RecordedEvent event, Connection connection, int generation)
        throws SQLException {
      if (event.globalPosition() == targetAwayAt) {
        throw new TargetUnavailable("broker away", null);
      }
      if (event.globalPosition() == keyMissingAt) {
        throw MasterKeyMismatch.onRead("k2");
      }
      if (event.globalPosition() == failsAt) {
        throw new SQLException("constraint violated");
      }
      if (event.globalPosition() == failureAt) {
        if (failure instanceof SQLException sql) {
          throw sql;
        }
        throw (RuntimeException) failure;
      }
      pending.rows.add(event.globalPosition());
    }

    @Override
    public void applyAll(List<RecordedEvent> batch, Connection connection, int generation)
        throws SQLException {
      if (foldFails) {
        pending.rows.add(-1L);
        throw new SQLException("folded statement failed");
      }
      Projection.super.applyAll(batch, connection, generation);
    }

    @Override
    public void drop(Connection connection, int generation) {}
  }

  private static RecordedEvent event(long position) {
    return LogEvents.at(position, "SeatsReserved", new Object());
  }
}
