package org.seatledger.eventlog.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.seatledger.eventlog.api.Decoding;
import org.seatledger.eventlog.api.EventDecodingException;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.EventPage;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.projection.Projection;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.eventlog.projection.BatchResult.Applied;
import org.seatledger.eventlog.projection.BatchResult.FailedAt;
import org.seatledger.eventlog.projection.BatchResult.TargetDown;

/**
 * Keeps one projection up to date: locks its checkpoint, reads the log in global order after it,
 * applies the batch and moves the checkpoint in one transaction ({@link LiveStep}), so a crash
 * mid-batch leaves neither rows nor checkpoint moved (the effect of each event is applied exactly
 * once).
 *
 * <ul>
 *   <li><b>Several servers.</b> A live step reads the checkpoint under its row lock ({@code SELECT
 *       … FOR UPDATE}) and moves it by compare-and-set ({@code UPDATE … WHERE position = <what was
 *       read>}); when two servers race, the second waits for the first's commit and reads on from
 *       where it left off. (A rebuild's steps, and a failed fold's event-by-event retry, read the
 *       checkpoint first and lock it in the batch's transaction: the loser of a race rolls back and
 *       reads again.)
 *   <li><b>Poison events.</b> An event the projection cannot apply stops it at that event, with the
 *       error kept in the checkpoint row and shown on {@code /api/admin/projections}; events before
 *       it are applied; so does an event that cannot be read (decoded or decrypted), in a live pass
 *       or a rebuild. Nothing is skipped; {@link #retry()} resumes after a fix. A failure of the
 *       database itself only ends the pass: the next one tries again. One met while the batch is
 *       applied — a deadlock, a lock wait timeout, a lost connection ({@link PassingFailures}) —
 *       blames no event either: the projection waits as for a target that is away (below).
 *   <li><b>A target that is away.</b> A projection that writes to another system (the integration
 *       relay and its broker) throws {@link
 *       org.seatledger.eventlog.api.projection.TargetUnavailable}: the batch rolls back, the
 *       projection shows RETRYING with the reason (on this server, which saw it), and every pass
 *       tries the same batch again until the target takes it.
 *   <li><b>Pausing.</b> An admin may {@link #pause()} a projection (during a bulk load, say, or to
 *       take its writes off a struggling database): it applies nothing until {@link #resume()},
 *       then catches up from its checkpoint. The pause is kept in the checkpoint row, so it holds
 *       on every server and across restarts.
 *   <li><b>Rebuilds</b> fill the next generation of rows beside the live one (which keeps serving
 *       queries) and switch generations in the transaction that finds them caught up.
 * </ul>
 *
 * The runner is driven from outside ({@link ProjectorGroup}): once the schema is ready, on the
 * wake-up after each commit, and by a short timer, so a lost wake-up or another server's commit is
 * caught up within one tick.
 *
 * <p>It decides what a pass does and wires the parts that do it: {@link CheckpointStore} (the
 * checkpoint table's statements), {@link LiveStep} (lock, read, apply and move in one transaction:
 * the usual step), {@link BatchApplier} (a batch and its checkpoint move in one transaction,
 * reported as a {@link BatchResult}: beside a rebuild, and event by event after a failed fold),
 * {@link RebuildReader} (a rebuild's pages, read ahead) and {@link StatusReport} (lag and a
 * rebuild's ETA).
 *
 * <p>About 300 lines because it holds the pass's decisions (live or rebuild, paused, poisoned, lost
 * race, caught up) in one place; the statements and transactions are in the parts above.
 */
public final class ProjectionRunner {

  private static final Logger LOG = Logger.getLogger(ProjectionRunner.class.getName());
  private static final int MAX_BATCHES_PER_RUN = 200;

  private final Projection projection;
  private final EventLog log;
  private final int batchSize;
  private final Decoding decoding;
  private final Transactions transactions;
  private final CheckpointStore checkpoints;
  private final BatchApplier applier;
  private final LiveStep liveStep;
  private final RebuildReader rebuildReader;
  private final StepTimes times;

  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean again;

  /** The highest position a wake-up asked this server's passes to reach ({@link #catchUpTo}). */
  private final AtomicLong wanted = new AtomicLong(-1);

  /** Counts requests for a pass, so a pass can tell whether any came while it ran. */
  private final AtomicLong requests = new AtomicLong();

  private volatile long known = -1;
  private volatile long takenAt;
  private volatile String targetDown;

  /**
   * @param dataSource where the checkpoint is read outside any transaction (status, rebuilds)
   * @param container the transactions batches and checkpoint changes run in
   * @param table the module's checkpoint table (see the module's migrations)
   * @param readAhead where a rebuild reads and decodes its next pages of the log while the current
   *     one is written (null: one after the other)
   */
  public ProjectionRunner(
      Projection projection,
      EventLog log,
      DataSource dataSource,
      ProjectionTransactions container,
      String table,
      int batchSize,
      Executor readAhead) {
    this(projection, log, dataSource, container, table, batchSize, readAhead, StepTimes.NONE);
  }

  /** As above, telling {@code times} of every live step that moved it. */
  ProjectionRunner(
      Projection projection,
      EventLog log,
      DataSource dataSource,
      ProjectionTransactions container,
      String table,
      int batchSize,
      Executor readAhead,
      StepTimes times) {
    this.projection = projection;
    this.times = times;
    this.log = log;
    this.batchSize = batchSize;
    this.decoding = Projection.decodingFor(projection);
    this.transactions = new ContainerTransactions(container, projection.name());
    this.checkpoints = new CheckpointStore(projection.name(), table, dataSource, transactions);
    this.applier = new BatchApplier(projection, transactions);
    this.liveStep =
        new LiveStep(
            projection,
            transactions,
            checkpoints::lock,
            after -> log.readPage(after, batchSize, projection.eventClasses(), decoding),
            checkpoints::moveLive,
            batchSize);
    this.rebuildReader =
        new RebuildReader(
            projection.name(), log, projection.eventClasses(), decoding, batchSize, readAhead);
  }

  public String name() {
    return projection.name();
  }

  /** Catches up as far as the log goes; if already running, makes the running pass go on. */
  public void runOnce() {
    again = true;
    requests.incrementAndGet();
    drive();
  }

  /**
   * True when this projection has not applied {@code position} as far as this server knows: a
   * wake-up for it is worth a pass.
   */
  public boolean behind(long position) {
    return known < position;
  }

  /**
   * Catches up at least to {@code position}, a commit's last one (the wake-up after it): nothing
   * when a pass of this server has applied it already, and a running pass goes on afterwards only
   * when it did not reach it. At a steady trickle of bookings every commit wakes every projector,
   * usually while its pass for the commit before still runs; a pass that went on unconditionally
   * then mostly found nothing new, at the price of reading its checkpoint and the log again.
   */
  public void catchUpTo(long position) {
    wanted.accumulateAndGet(position, Math::max);
    if (behind(position)) {
      requests.incrementAndGet();
      drive();
    }
  }

  /**
   * Runs passes while something asked for one during the last pass: {@link #runOnce}, or a wanted
   * position the pass did not reach. A request that arrives just as the last pass ends is not lost:
   * the pass looks again after letting go of {@code running}, when the requester's own attempt to
   * run may have found it still taken.
   */
  private void drive() {
    while (running.compareAndSet(false, true)) {
      long seen;
      try {
        do {
          seen = requests.get();
          again = false;
          catchUp();
        } while (askedSince(seen));
      } catch (RuntimeException e) {
        LOG.log(
            Level.FINE,
            "projection " + name() + " could not catch up now; the next run tries again",
            e);
        return;
      } finally {
        running.set(false);
      }
      if (!askedSince(seen)) {
        return;
      }
    }
  }

  /**
   * Takes this runner for a step of its group ({@link GroupStep}) on the caller's thread: false
   * when a pass of its own runs. A runner taken is given back with {@link #giveBack}.
   */
  boolean take() {
    if (!running.compareAndSet(false, true)) {
      return false;
    }
    takenAt = requests.get();
    return true;
  }

  /** A group step applied the log up to {@code position} for this projection. */
  void advanced(long position) {
    known = Math.max(known, position);
    targetBack();
  }

  /**
   * A group step applied {@code applied} for this projection and committed: told to the step times
   * as one of its own.
   */
  void advanced(long position, List<RecordedEvent> applied, long stepNanos) {
    advanced(position);
    times.moved(name(), applied, stepNanos, Instant.now());
  }

  /**
   * Gives back a runner {@link #take() taken}: true when a pass was asked for meanwhile (by a
   * wake-up or the timer) that the group's step has not made needless, and must be run now.
   */
  boolean giveBack() {
    running.set(false);
    return askedSince(takenAt);
  }

  private boolean askedSince(long seen) {
    return requests.get() != seen && (again || wanted.get() > known);
  }

  private void catchUp() {
    checkpoints.ensureRow();
    for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
      long started = System.nanoTime();
      if (!step(liveStep.run(), started)) {
        return;
      }
    }
  }

  /**
   * Acts on what a live step started at {@code started} (nano time) found; true when the pass
   * should take another step.
   */
  private boolean step(LiveStep.Outcome outcome, long started) {
    if (outcome instanceof LiveStep.Moved moved) {
      known = moved.to();
      targetBack();
      times.moved(name(), moved.applied(), System.nanoTime() - started, Instant.now());
      return moved.full(); // not full: caught up with what was there
    }
    if (outcome instanceof LiveStep.Idle idle) {
      known = idle.row().position();
      return false;
    }
    if (outcome instanceof LiveStep.Unreadable unreadable) {
      known = unreadable.row().position();
      checkpoints.stop(unreadable.row().position() + 1, unreadable.cause());
      return false;
    }
    if (outcome instanceof LiveStep.FoldFailed failed) {
      known = failed.row().position();
      return live(failed.row(), failed.page(), started).moved();
    }
    if (outcome instanceof LiveStep.TargetAway away) {
      targetDown(new TargetDown(away.cause()));
      return false;
    }
    if (outcome instanceof LiveStep.Rebuilding rebuilding) {
      Checkpoint row = rebuilding.row();
      known = row.position();
      boolean moved = live(row, started).moved();
      return rebuild(row) || moved;
    }
    return true; // not moved: read the checkpoint again
  }

  /** What a live step did: whether the checkpoint moved, and whether its page was full. */
  private record Live(boolean moved, boolean full) {}

  /**
   * The live generation's step beside a rebuild: the page read on its own, then the batch in the
   * {@link BatchApplier}'s transaction.
   */
  private Live live(Checkpoint row, long started) {
    EventPage page;
    try {
      page = log.readPage(row.position(), batchSize, projection.eventClasses(), decoding);
    } catch (EventDecodingException unreadable) {
      checkpoints.stop(row.position() + 1, unreadable);
      return new Live(false, false);
    }
    if (page.scanned() == 0) {
      return new Live(false, false);
    }
    return live(row, page, started);
  }

  /**
   * Applies {@code page} after the checkpoint {@code row} in the {@link BatchApplier}'s
   * transactions: folded, else event by event, which stops the projection at an event that fails. A
   * page applied whole is told to the step times as a step that began at {@code started}.
   */
  private Live live(Checkpoint row, EventPage page, long started) {
    List<RecordedEvent> events = page.events();
    long last = page.lastPosition();
    boolean full = page.scanned() == batchSize;
    BatchResult result = applyLive(events, row, last);
    if (result instanceof FailedAt failed) {
      int index = failed.index();
      if (index > 0) {
        // the events before the poison one are fine: apply them, then stop at it
        applyLive(events.subList(0, index), row, events.get(index - 1).globalPosition());
      }
      checkpoints.stop(events.get(index).globalPosition(), failed.cause());
      return new Live(false, full);
    }
    if (result instanceof TargetDown down) {
      targetDown(down);
      return new Live(false, false);
    }
    if (result instanceof Applied) {
      known = last;
      targetBack();
      times.moved(name(), events, System.nanoTime() - started, Instant.now());
    }
    return new Live(true, full); // applied, or lost the race: read the checkpoint again
  }

  private BatchResult applyLive(List<RecordedEvent> events, Checkpoint row, long to) {
    return applier.apply(
        events,
        row.generation(),
        c -> checkpoints.liveStillAt(c, row.position()),
        c -> checkpoints.moveLive(c, row.position(), to, row.generation()));
  }

  private boolean rebuild(Checkpoint row) {
    if (row.rebuildPosition() >= row.position()) {
      if (!checkpoints.switchToRebuild(row)) {
        return true;
      }
      rebuildReader.forget();
      transactions.run(
          c -> {
            projection.drop(c, row.generation());
            return true;
          });
      LOG.info(
          () ->
              "projection "
                  + name()
                  + " rebuilt up to position "
                  + row.rebuildPosition()
                  + "; switched");
      return true;
    }
    EventPage page;
    try {
      page = rebuildReader.pageAfter(row.rebuildPosition());
    } catch (EventDecodingException unreadable) {
      checkpoints.stop(row.rebuildPosition() + 1, unreadable);
      return false;
    }
    if (page.scanned() == 0) {
      return false;
    }
    List<RecordedEvent> events = page.events();
    long last = page.lastPosition();
    BatchResult result =
        applier.apply(
            events,
            row.rebuildGeneration(),
            c -> checkpoints.rebuildStillAt(c, row.rebuildPosition()),
            c -> checkpoints.moveRebuild(c, row.rebuildPosition(), last, row.rebuildGeneration()));
    if (result instanceof FailedAt failed) {
      checkpoints.stop(events.get(failed.index()).globalPosition(), failed.cause());
      return false;
    }
    if (result instanceof TargetDown down) {
      targetDown(down);
      return false;
    }
    return true; // applied, or lost the race: read the checkpoint again
  }

  private void targetDown(TargetDown down) {
    String reason = down.cause().getMessage();
    if (targetDown == null) {
      LOG.log(
          Level.WARNING,
          "projection " + name() + " waits: " + reason + "; it retries on every pass",
          down.cause());
    }
    targetDown = reason;
  }

  private void targetBack() {
    if (targetDown != null) {
      LOG.info(() -> "projection " + name() + " goes on: a batch went through again");
      targetDown = null;
    }
  }

  /**
   * Pauses a running projection on every server: it applies nothing more (a batch in flight rolls
   * back) until {@link #resume()}. False when it is not running (stopped or paused already).
   */
  public boolean pause() {
    checkpoints.ensureRow();
    return checkpoints.setStatus("PAUSED", "RUNNING");
  }

  /** Resumes a paused projection from its checkpoint. False when it is not paused. */
  public boolean resume() {
    checkpoints.ensureRow();
    return checkpoints.setStatus("RUNNING", "PAUSED");
  }

  /** Resumes a stopped projection: it tries the event it stopped at again. */
  public void retry() {
    checkpoints.clearStop();
  }

  /**
   * Starts filling the next generation from the beginning of the log; the live generation keeps
   * serving queries until the new one has caught up. False when a rebuild is already running.
   */
  public boolean startRebuild() {
    checkpoints.ensureRow();
    Checkpoint row = checkpoints.read();
    if (row.rebuilding()) {
      return false;
    }
    int next = row.generation() + 1;
    long head = log.headPosition();
    return transactions.run(
        c -> {
          projection.drop(c, next);
          return checkpoints.startRebuild(c, next, head);
        });
  }

  /** The generation queries should read. */
  public int generation() {
    checkpoints.ensureRow();
    return checkpoints.read().generation();
  }

  /** The checkpoint (from this server's last look, or the database). */
  public long position() {
    return known >= 0 ? known : checkpoints.read().position();
  }

  /**
   * Waits until the projection has applied {@code position}, at most {@code patience}.
   *
   * @return true when it has
   */
  public boolean awaitPosition(long position, Duration patience) {
    Instant deadline = Instant.now().plus(patience);
    while (true) {
      if (known >= position) {
        return true;
      }
      known = Math.max(known, checkpoints.read().position());
      if (known >= position) {
        return true;
      }
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
      runOnce();
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  public ProjectionStatus status() {
    checkpoints.ensureRow();
    Checkpoint row = checkpoints.read();
    long head = log.headPosition();
    Instant next = null;
    if (head > row.position() && !row.stopped()) {
      try {
        List<RecordedEvent> unapplied = log.readAll(row.position(), 1);
        next = unapplied.isEmpty() ? null : unapplied.get(0).recordedAt();
      } catch (RuntimeException unreadable) {
        // reported by the runner as STOPPED soon
      }
    }
    return StatusReport.of(name(), row, head, next, CheckpointStore.now(), targetDown);
  }
}
