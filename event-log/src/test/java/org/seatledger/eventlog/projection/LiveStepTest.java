package org.seatledger.eventlog.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.EventDecodingException;
import org.seatledger.eventlog.api.EventPage;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.projection.Projection;
import org.seatledger.eventlog.api.projection.TargetUnavailable;
import org.seatledger.eventlog.projection.LiveStep.FoldFailed;
import org.seatledger.eventlog.projection.LiveStep.Idle;
import org.seatledger.eventlog.projection.LiveStep.Moved;
import org.seatledger.eventlog.projection.LiveStep.NotMoved;
import org.seatledger.eventlog.projection.LiveStep.Rebuilding;
import org.seatledger.eventlog.projection.LiveStep.TargetAway;
import org.seatledger.eventlog.projection.LiveStep.Unreadable;

/**
 * What one live step decides, without a database: the checkpoint and the rows live in fields, the
 * log is a list of positions, and a transaction keeps what it wrote only when it commits.
 */
class LiveStepTest {

  private static final int BATCH = 4;

  /** The log: positions 1 to {@link #head}. */
  private long head = 6;

  private Checkpoint checkpoint = row(2, "RUNNING", null);

  /** Committed rows: the positions applied. */
  private final List<Long> rows = new ArrayList<>();

  /** What happened, in order: lock, read, commit, rollback. */
  private final List<String> trace = new ArrayList<>();

  private List<Long> pendingRows;
  private Long pendingCheckpoint;
  private long poisonAt = -1;
  private long connectionLostAt = -1;
  private long unreadableAt = -1;
  private boolean targetAway;

  @Test
  void aStepLocksReadsAppliesAndMovesTheCheckpointInOneCommit() {
    Moved moved = assertInstanceOf(Moved.class, step().run());

    assertEquals(List.of(3L, 4L, 5L, 6L), rows);
    assertEquals(6, checkpoint.position());
    assertEquals("2..6 full, applied [3, 4, 5, 6]", span(moved), "a full page: there may be more");
    assertEquals(List.of("lock", "read after 2", "commit"), trace, "the page read under the lock");
  }

  @Test
  void aPageShorterThanTheBatchMeansCaughtUp() {
    head = 4;

    assertEquals("2..4, applied [3, 4]", span(step().run()));
    assertEquals(List.of(3L, 4L), rows);
  }

  @Test
  void nothingAfterTheCheckpointRollsBackAndReadsNoMore() {
    head = 2;

    assertInstanceOf(Idle.class, step().run());
    assertEquals(List.of("lock", "read after 2", "rollback"), trace);
  }

  @Test
  void aPausedOrStoppedProjectionDoesNotEvenReadTheLog() {
    checkpoint = row(2, "PAUSED", null);

    Idle idle = assertInstanceOf(Idle.class, step().run());

    assertEquals("PAUSED", idle.row().status());
    assertEquals(List.of("lock", "rollback"), trace);
    assertEquals(List.of(), rows);
  }

  @Test
  void aRebuildBesideTheLiveGenerationIsLeftToTheRunnersOtherPath() {
    checkpoint = row(2, "RUNNING", 2);

    assertInstanceOf(Rebuilding.class, step().run());
    assertEquals(List.of("lock", "rollback"), trace);
  }

  @Test
  void anUnreadableEventMovesNothingAndIsReportedWithTheCheckpoint() {
    unreadableAt = 4;

    Unreadable unreadable = assertInstanceOf(Unreadable.class, step().run());

    assertEquals(2, unreadable.row().position());
    assertEquals(2, checkpoint.position());
    assertEquals(List.of(), rows);
  }

  @Test
  void aFoldThatFailsRollsBackAndHandsItsPageOnToNameTheEvent() {
    poisonAt = 5;

    FoldFailed failed = assertInstanceOf(FoldFailed.class, step().run());

    assertEquals(6, failed.page().lastPosition(), "the page, so the same events are tried");
    assertEquals(List.of(), rows, "nothing of the batch committed");
    assertEquals(2, checkpoint.position());
    assertEquals("rollback", trace.get(trace.size() - 1));
  }

  @Test
  void aTargetThatIsAwayRollsBackAndBlamesNoEvent() {
    targetAway = true;

    TargetAway away = assertInstanceOf(TargetAway.class, step().run());

    assertEquals("broker away", away.cause().getMessage());
    assertEquals(List.of(), rows);
    assertEquals(2, checkpoint.position());
  }

  @Test
  void aConnectionLostMidPageRollsBackAndBlamesNoEvent() {
    connectionLostAt = 5;

    TargetAway away = assertInstanceOf(TargetAway.class, step().run());

    assertTrue(away.cause().getMessage().contains("Communications link failure"), "" + away);
    assertEquals(List.of(), rows);
    assertEquals(2, checkpoint.position(), "the same page is tried again on the next pass");
    assertEquals("rollback", trace.get(trace.size() - 1));
  }

  @Test
  void aCheckpointThatWouldNotMoveRollsTheRowsBack() {
    LiveStep step =
        new LiveStep(
            new Rows(), new InMemory(), this::lock, this::read, (c, f, t, g) -> false, BATCH);

    assertInstanceOf(NotMoved.class, step.run());
    assertEquals(List.of(), rows);
  }

  @Test
  void twoStepsOneAfterTheOtherEachStartWhereTheLastCommitted() {
    head = 9;
    LiveStep step = step();

    Moved first = assertInstanceOf(Moved.class, step.run());
    Moved second = assertInstanceOf(Moved.class, step.run());

    assertEquals(6, first.to());
    assertEquals("6..9, applied [7, 8, 9]", span(second));
    assertEquals(LongStream.rangeClosed(3, 9).boxed().toList(), rows, "each event once");
    assertEquals(9, checkpoint.position());
  }

  /** A moved step as {@code from..to[ full], applied [positions]}. */
  private static String span(LiveStep.Outcome outcome) {
    Moved moved = assertInstanceOf(Moved.class, outcome);
    return moved.from()
        + ".."
        + moved.to()
        + (moved.full() ? " full" : "")
        + ", applied "
        + moved.applied().stream().map(RecordedEvent::globalPosition).toList();
  }

  private LiveStep step() {
    return new LiveStep(new Rows(), new InMemory(), this::lock, this::read, this::move, BATCH);
  }

  private Checkpoint lock(Connection c) {
    trace.add("lock");
    return checkpoint;
  }

  private EventPage read(long after) {
    trace.add("read after " + after);
    List<RecordedEvent> events = new ArrayList<>();
    long last = after;
    for (long p = after + 1; p <= Math.min(head, after + BATCH); p++) {
      if (p == unreadableAt) {
        throw new EventDecodingException("cannot decode position " + p);
      }
      events.add(event(p));
      last = p;
    }
    return new EventPage(events, last, (int) (last - after));
  }

  private boolean move(Connection c, long from, long to, int generation) {
    if (checkpoint.position() != from || checkpoint.generation() != generation) {
      return false;
    }
    pendingCheckpoint = to;
    return true;
  }

  private static Checkpoint row(long position, String status, Integer rebuildGeneration) {
    return new Checkpoint(position, 1, status, null, null, rebuildGeneration, 0, null, 0);
  }

  private final class InMemory implements Transactions {
    @Override
    public <T> T run(Work<T> work, Predicate<? super T> commit) {
      pendingRows = new ArrayList<>();
      pendingCheckpoint = null;
      T result;
      try {
        result = work.run(null);
      } catch (SQLException e) {
        trace.add("rollback");
        throw new IllegalStateException(e);
      }
      if (commit.test(result)) {
        rows.addAll(pendingRows);
        if (pendingCheckpoint != null) {
          checkpoint = row(pendingCheckpoint, checkpoint.status(), null);
        }
        trace.add("commit");
      } else {
        trace.add("rollback");
      }
      return result;
    }
  }

  private final class Rows implements Projection {
    @Override
    public String name() {
      return "test.rows";
    }

    @Override
    public void apply(RecordedEvent event, Connection connection, int generation)
        throws SQLException {
      if (targetAway) {
        throw new TargetUnavailable("broker away", null);
      }
      if (event.globalPosition() == poisonAt) {
        throw new SQLException("constraint violated");
      }
      if (event.globalPosition() == connectionLostAt) {
        throw new SQLException("Communications link failure", "08S01");
      }
      pendingRows.add(event.globalPosition());
    }

    @Override
    public void drop(Connection connection, int generation) {}
  }

  private static RecordedEvent event(long position) {
    return LogEvents.at(position, "SeatsReserved", new Object());
  }
}
