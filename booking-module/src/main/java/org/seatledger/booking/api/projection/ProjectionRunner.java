package org.seatledger.booking.api.projection;

import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.seatledger.booking.api.EventDecodingException;
import org.seatledger.booking.api.EventLog;
import org.seatledger.booking.api.EventPage;
import org.seatledger.booking.api.MasterKeyMismatch;
import org.seatledger.booking.api.RecordedEvent;

/**
 * Keeps one projection up to date: reads the log in global order from its checkpoint, applies a
 * batch and moves the checkpoint in one transaction, so a crash mid-batch leaves neither rows nor
 * checkpoint moved (the effect of each event is applied exactly once).
 *
 * <ul>
 *   <li><b>Several servers.</b> The checkpoint moves by compare-and-set ({@code UPDATE … WHERE
 *       position = <what was read>}); when two servers race, one batch commits and the other rolls
 *       back and reads again.
 *   <li><b>Poison events.</b> An event the projection cannot apply stops it at that event, with the
 *       error kept in the checkpoint row and shown on {@code /api/admin/projections}; events before
 *       it are applied; so does an event that cannot be read (decoded or decrypted), in a live pass
 *       or a rebuild. Nothing is skipped; {@link #retry()} resumes after a fix. A failure of the
 *       database itself only ends the pass: the next one tries again.
 *   <li><b>Pausing.</b> An admin may {@link #pause()} a projection (during a bulk load, say, or to
 *       take its writes off a struggling database): it applies nothing until {@link #resume()},
 *       then catches up from its checkpoint. The pause is kept in the checkpoint row, so it holds
 *       on every server and across restarts.
 *   <li><b>Rebuilds</b> fill the next generation of rows beside the live one (which keeps serving
 *       queries) and switch generations in the transaction that finds them caught up.
 * </ul>
 *
 * The runner is driven from outside: at start-up, on the wake-up after each commit, and by a short
 * timer, so a lost wake-up or another server's commit is caught up within one tick.
 */
public final class ProjectionRunner {

  private static final Logger LOG = Logger.getLogger(ProjectionRunner.class.getName());
  private static final int MAX_BATCHES_PER_RUN = 200;
  private static final int OK = -1;
  private static final int LOST_RACE = -2;
  private static final int FOLDED_FAILED = -3;

  /** A rebuild reads the log in pages this large: fewer round trips, larger folded batches. */
  private static final int REBUILD_BATCH_SIZE = 2_000;

  private final Projection projection;
  private final EventLog log;
  private final DataSource dataSource;
  private final UserTransaction transaction;
  private final String table;
  private final int batchSize;
  private final Executor readAhead;

  /** A rebuild's next page, read while the current one is applied (see {@link #rebuildPage}). */
  private CompletableFuture<EventPage> ahead;

  private long aheadAfter = -1;

  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean again;
  private volatile long known = -1;
  private boolean lastBatchFull;
  private volatile boolean rowExists;

  /** Why the last batch could not be applied (set by apply, read by the step that called it). */
  private RuntimeException failure;

  /**
   * @param table the module's checkpoint table (see the module's migrations)
   * @param readAhead where a rebuild reads and decodes its next page of the log while the current
   *     one is written (null: one after the other)
   */
  public ProjectionRunner(
      Projection projection,
      EventLog log,
      DataSource dataSource,
      UserTransaction transaction,
      String table,
      int batchSize,
      Executor readAhead) {
    this.projection = projection;
    this.log = log;
    this.dataSource = dataSource;
    this.transaction = transaction;
    this.table = table;
    this.batchSize = batchSize;
    this.readAhead = readAhead;
  }

  public String name() {
    return projection.name();
  }

  /** Catches up as far as the log goes; if already running, makes the running pass go on. */
  public void runOnce() {
    if (!running.compareAndSet(false, true)) {
      again = true;
      return;
    }
    try {
      do {
        again = false;
        catchUp();
      } while (again);
    } catch (RuntimeException e) {
      LOG.log(
          Level.FINE,
          "projection " + name() + " could not catch up now; the next run tries again",
          e);
    } finally {
      running.set(false);
    }
  }

  private void catchUp() {
    ensureRow();
    for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
      Checkpoint row = read();
      known = row.position;
      if (!row.running()) {
        return;
      }
      lastBatchFull = false;
      boolean moved = live(row);
      if (row.rebuildGeneration != null) {
        moved |= rebuild(row);
      } else if (moved && !lastBatchFull) {
        return; // caught up with what was there; a wake-up or the next tick brings the rest
      }
      if (!moved) {
        return;
      }
    }
  }

  private boolean live(Checkpoint row) {
    EventPage page;
    try {
      page = log.readPage(row.position, batchSize, projection.eventClasses());
    } catch (EventDecodingException unreadable) {
      stop(row.position + 1, unreadable);
      return false;
    }
    if (page.scanned() == 0) {
      return false;
    }
    List<RecordedEvent> events = page.events();
    long last = page.lastPosition();
    lastBatchFull = page.scanned() == batchSize;
    int result =
        apply(
            events,
            row.generation,
            c -> lockedAt(c, "position", row.position),
            c -> moveLive(c, row.position, last, row.generation));
    if (result == OK) {
      known = last;
      return true;
    }
    if (result == LOST_RACE) {
      return true;
    }
    RecordedEvent poison = events.get(result);
    if (result > 0) {
      long before = events.get(result - 1).globalPosition();
      apply(
          events.subList(0, result),
          row.generation,
          c -> lockedAt(c, "position", row.position),
          c -> moveLive(c, row.position, before, row.generation));
    }
    stop(poison.globalPosition(), failure);
    return false;
  }

  private boolean rebuild(Checkpoint row) {
    if (row.rebuildPosition >= row.position) {
      boolean switched =
          transactionally(
              c -> {
                try (PreparedStatement swap =
                    c.prepareStatement(
                        "UPDATE "
                            + table
                            + " SET generation = ?, position = ?, rebuild_generation = NULL,"
                            + " rebuild_position = NULL, rebuild_target = NULL, rebuild_started_at = NULL,"
                            + " updated_at = ? WHERE name = ? AND position = ? AND rebuild_generation = ?")) {
                  swap.setInt(1, row.rebuildGeneration);
                  swap.setLong(2, row.rebuildPosition);
                  swap.setLong(3, now());
                  swap.setString(4, name());
                  swap.setLong(5, row.position);
                  swap.setInt(6, row.rebuildGeneration);
                  return swap.executeUpdate() == 1;
                }
              });
      if (!switched) {
        return true;
      }
      transactionally(
          c -> {
            projection.drop(c, row.generation);
            return true;
          });
      LOG.info(
          () ->
              "projection "
                  + name()
                  + " rebuilt up to position "
                  + row.rebuildPosition
                  + "; switched");
      return true;
    }
    EventPage page;
    try {
      page = rebuildPage(row.rebuildPosition);
    } catch (EventDecodingException unreadable) {
      stop(row.rebuildPosition + 1, unreadable);
      return false;
    }
    if (page.scanned() == 0) {
      return false;
    }
    List<RecordedEvent> events = page.events();
    long last = page.lastPosition();
    int result =
        apply(
            events,
            row.rebuildGeneration,
            c -> lockedAt(c, "rebuild_position", row.rebuildPosition),
            c -> moveRebuild(c, row.rebuildPosition, last, row.rebuildGeneration));
    if (result >= 0) {
      stop(events.get(result).globalPosition(), failure);
      return false;
    }
    return true;
  }

  /**
   * The rebuild's page after {@code after}. A full page sets off the read of the next one on the
   * read-ahead executor, so reading and decoding page n+1 (the application's CPU) overlaps writing
   * page n (mostly the database's). Events never change once written, so a page read ahead is as
   * good as one read later; one that failed is read again here, where a real failure shows.
   */
  private EventPage rebuildPage(long after) {
    int size = Math.max(batchSize, REBUILD_BATCH_SIZE);
    EventPage page = null;
    if (ahead != null && aheadAfter == after) {
      try {
        page = ahead.join();
      } catch (CompletionException | CancellationException readAgain) {
        LOG.log(Level.FINE, "projection " + name() + ": a page read ahead failed", readAgain);
      }
    }
    ahead = null;
    if (page == null) {
      page = log.readPage(after, size, projection.eventClasses());
    }
    if (readAhead != null && page.scanned() == size) {
      long next = page.lastPosition();
      aheadAfter = next;
      try {
        ahead =
            CompletableFuture.supplyAsync(
                () -> log.readPage(next, size, projection.eventClasses()), readAhead);
      } catch (RejectedExecutionException busy) {
        ahead = null;
      }
    }
    return page;
  }

  /**
   * Applies events and moves a checkpoint in one transaction: OK, LOST_RACE or the failing index.
   * The batch is applied folded ({@link Projection#applyAll}); when that fails, it is rolled back
   * and applied again one event at a time, which names the event that fails and applies none of it.
   */
  private int apply(List<RecordedEvent> events, int generation, SqlStep stillThere, SqlStep move) {
    int result = apply(events, generation, stillThere, move, true);
    return result == FOLDED_FAILED ? apply(events, generation, stillThere, move, false) : result;
  }

  /**
   * One attempt. The checkpoint row is locked first and must still be where the batch started: a
   * runner on another server that got there first makes this one stand down before it applies
   * anything.
   */
  private int apply(
      List<RecordedEvent> events,
      int generation,
      SqlStep stillThere,
      SqlStep move,
      boolean folded) {
    try {
      transaction.begin();
      try (Connection connection = dataSource.getConnection()) {
        if (!stillThere.run(connection)) {
          transaction.setRollbackOnly();
          return LOST_RACE;
        }
        if (folded) {
          try {
            projection.applyAll(events, connection, generation);
          } catch (SQLException | RuntimeException e) {
            LOG.log(
                Level.FINE,
                "projection " + name() + ": a batch failed; applying it event by event",
                e);
            transaction.setRollbackOnly();
            return FOLDED_FAILED;
          }
        } else {
          for (int i = 0; i < events.size(); i++) {
            try {
              projection.apply(events.get(i), connection, generation);
            } catch (MasterKeyMismatch misconfigured) {
              throw misconfigured; // this server lacks a key: the pass ends, the event is fine
            } catch (SQLException | RuntimeException e) {
              failure =
                  new IllegalStateException(
                      name() + " failed on " + describe(events.get(i)) + ": " + e, e);
              transaction.setRollbackOnly();
              return i;
            }
          }
        }
        if (!move.run(connection)) {
          transaction.setRollbackOnly();
          return LOST_RACE;
        }
      }
      return OK;
    } catch (Exception e) {
      rollbackQuietly();
      throw new IllegalStateException("projection " + name() + " batch failed", e);
    } finally {
      end();
    }
  }

  private static String describe(RecordedEvent event) {
    return event.type() + " at position " + event.globalPosition();
  }

  /**
   * Locks the checkpoint row, then reads it again: true when {@code column} still holds {@code
   * expected}. The read is a new statement after the lock is held, so under READ COMMITTED it sees
   * what another runner committed while this one waited, on every database.
   */
  private boolean lockedAt(Connection c, String column, long expected) throws SQLException {
    try (PreparedStatement lock =
        c.prepareStatement("UPDATE " + table + " SET updated_at = ? WHERE name = ?")) {
      lock.setLong(1, now());
      lock.setString(2, name());
      lock.executeUpdate();
    }
    try (PreparedStatement read =
        c.prepareStatement("SELECT " + column + " FROM " + table + " WHERE name = ?")) {
      read.setString(1, name());
      try (ResultSet rows = read.executeQuery()) {
        return rows.next() && rows.getLong(1) == expected;
      }
    }
  }

  private boolean moveLive(Connection c, long from, long to, int generation) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE "
                + table
                + " SET position = ?, updated_at = ? WHERE name = ? AND position = ? AND generation = ?"
                + " AND status = 'RUNNING'")) {
      update.setLong(1, to);
      update.setLong(2, now());
      update.setString(3, name());
      update.setLong(4, from);
      update.setInt(5, generation);
      return update.executeUpdate() == 1;
    }
  }

  private boolean moveRebuild(Connection c, long from, long to, int generation)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE "
                + table
                + " SET rebuild_position = ?, updated_at = ?"
                + " WHERE name = ? AND rebuild_position = ? AND rebuild_generation = ?")) {
      update.setLong(1, to);
      update.setLong(2, now());
      update.setString(3, name());
      update.setLong(4, from);
      update.setInt(5, generation);
      return update.executeUpdate() == 1;
    }
  }

  private void stop(long position, RuntimeException cause) {
    String message = String.valueOf(cause == null ? "unknown error" : cause.getMessage());
    LOG.log(
        Level.SEVERE,
        "projection " + name() + " STOPPED at position " + position + ": " + message,
        cause);
    transactionally(
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE "
                      + table
                      + " SET status = 'STOPPED', error = ?, error_position = ?, updated_at = ?"
                      + " WHERE name = ?")) {
            update.setString(1, message.length() > 1000 ? message.substring(0, 1000) : message);
            update.setLong(2, position);
            update.setLong(3, now());
            update.setString(4, name());
            return update.executeUpdate() == 1;
          }
        });
  }

  /**
   * Pauses a running projection on every server: it applies nothing more (a batch in flight rolls
   * back) until {@link #resume()}. False when it is not running (stopped or paused already).
   */
  public boolean pause() {
    return setStatus("PAUSED", "RUNNING");
  }

  /** Resumes a paused projection from its checkpoint. False when it is not paused. */
  public boolean resume() {
    return setStatus("RUNNING", "PAUSED");
  }

  private boolean setStatus(String to, String from) {
    ensureRow();
    return transactionally(
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE "
                      + table
                      + " SET status = ?, updated_at = ? WHERE name = ? AND status = ?")) {
            update.setString(1, to);
            update.setLong(2, now());
            update.setString(3, name());
            update.setString(4, from);
            return update.executeUpdate() == 1;
          }
        });
  }

  /** Resumes a stopped projection: it tries the event it stopped at again. */
  public void retry() {
    transactionally(
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE "
                      + table
                      + " SET status = 'RUNNING', error = NULL, error_position = NULL, updated_at = ?"
                      + " WHERE name = ? AND status = 'STOPPED'")) {
            update.setLong(1, now());
            update.setString(2, name());
            return update.executeUpdate() == 1;
          }
        });
  }

  /**
   * Starts filling the next generation from the beginning of the log; the live generation keeps
   * serving queries until the new one has caught up. False when a rebuild is already running.
   */
  public boolean startRebuild() {
    ensureRow();
    Checkpoint row = read();
    if (row.rebuildGeneration != null) {
      return false;
    }
    int next = row.generation + 1;
    long head = log.headPosition();
    return transactionally(
        c -> {
          projection.drop(c, next);
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE "
                      + table
                      + " SET rebuild_generation = ?, rebuild_position = 0, rebuild_target = ?,"
                      + " rebuild_started_at = ?, updated_at = ? WHERE name = ? AND rebuild_generation IS NULL")) {
            update.setInt(1, next);
            update.setLong(2, head);
            update.setLong(3, now());
            update.setLong(4, now());
            update.setString(5, name());
            return update.executeUpdate() == 1;
          }
        });
  }

  /** The generation queries should read. */
  public int generation() {
    ensureRow();
    return read().generation;
  }

  /** The checkpoint (from this server's last look, or the database). */
  public long position() {
    return known >= 0 ? known : read().position;
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
      known = Math.max(known, read().position);
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
    ensureRow();
    Checkpoint row = read();
    long head = log.headPosition();
    long lag = Math.max(0, head - row.position);
    long lagMillis = 0;
    if (lag > 0 && !row.stopped()) {
      List<RecordedEvent> next = List.of();
      try {
        next = log.readAll(row.position, 1);
      } catch (RuntimeException unreadable) {
        // reported by the runner as STOPPED soon
      }
      if (!next.isEmpty()) {
        lagMillis =
            Math.max(0, Duration.between(next.get(0).recordedAt(), Instant.now()).toMillis());
      }
    }
    ProjectionStatus.Rebuild rebuild = null;
    if (row.rebuildGeneration != null) {
      long total = Math.max(row.rebuildTarget == null ? head : row.rebuildTarget, 1);
      double seconds = Math.max(0.001, (now() - row.rebuildStartedAt) / 1_000_000.0);
      double rate = row.rebuildPosition / seconds;
      long eta = rate <= 0 ? -1 : (long) Math.ceil(Math.max(0, head - row.rebuildPosition) / rate);
      rebuild =
          new ProjectionStatus.Rebuild(
              row.rebuildPosition, total, Math.round(rate * 10) / 10.0, eta);
    }
    String status =
        !row.running() ? row.status : row.rebuildGeneration != null ? "REBUILDING" : "RUNNING";
    return new ProjectionStatus(
        name(), row.position, head, lag, lagMillis, status, row.error, row.errorPosition, rebuild);
  }

  private record Checkpoint(
      long position,
      int generation,
      String status,
      String error,
      Long errorPosition,
      Integer rebuildGeneration,
      long rebuildPosition,
      Long rebuildTarget,
      long rebuildStartedAt) {
    boolean stopped() {
      return "STOPPED".equals(status);
    }

    /** Neither stopped at a poison event nor paused by an admin. */
    boolean running() {
      return "RUNNING".equals(status);
    }
  }

  private Checkpoint read() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement query =
            c.prepareStatement(
                "SELECT position, generation, status, error, error_position, rebuild_generation,"
                    + " rebuild_position, rebuild_target, rebuild_started_at FROM "
                    + table
                    + " WHERE name = ?")) {
      query.setString(1, name());
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          rowExists = false;
          throw new IllegalStateException("no checkpoint row for " + name());
        }
        return new Checkpoint(
            rows.getLong(1),
            rows.getInt(2),
            rows.getString(3),
            rows.getString(4),
            (Long) rows.getObject(5, Long.class),
            (Integer) rows.getObject(6, Integer.class),
            rows.getLong(7),
            (Long) rows.getObject(8, Long.class),
            rows.getLong(9));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the checkpoint of " + name(), e);
    }
  }

  private void ensureRow() {
    if (rowExists) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement exists =
            c.prepareStatement("SELECT 1 FROM " + table + " WHERE name = ?")) {
      exists.setString(1, name());
      try (ResultSet rows = exists.executeQuery()) {
        if (rows.next()) {
          rowExists = true;
          return;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the checkpoint of " + name(), e);
    }
    try {
      transactionally(
          c -> {
            try (PreparedStatement insert =
                c.prepareStatement(
                    "INSERT INTO "
                        + table
                        + " (name, position, generation, status, updated_at)"
                        + " VALUES (?, 0, 1, 'RUNNING', ?)")) {
              insert.setString(1, name());
              insert.setLong(2, now());
              return insert.executeUpdate() == 1;
            }
          });
    } catch (RuntimeException anotherServerWasFaster) {
      LOG.fine(() -> "checkpoint row of " + name() + " was created elsewhere");
    }
  }

  /** A step on a connection inside a transaction; false rolls it back. */
  @FunctionalInterface
  private interface SqlStep {
    boolean run(Connection connection) throws SQLException;
  }

  private boolean transactionally(SqlStep step) {
    try {
      transaction.begin();
      boolean done;
      try (Connection connection = dataSource.getConnection()) {
        done = step.run(connection);
      }
      if (!done) {
        transaction.setRollbackOnly();
      }
      return done;
    } catch (Exception e) {
      rollbackQuietly();
      throw new IllegalStateException("projection " + name() + ": " + e.getMessage(), e);
    } finally {
      end();
    }
  }

  private void end() {
    try {
      int status = transaction.getStatus();
      if (status == Status.STATUS_MARKED_ROLLBACK) {
        transaction.rollback();
      } else if (status == Status.STATUS_ACTIVE) {
        transaction.commit();
      }
    } catch (Exception e) {
      rollbackQuietly();
      throw new IllegalStateException("projection " + name() + " could not commit", e);
    }
  }

  private void rollbackQuietly() {
    try {
      if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
        transaction.rollback();
      }
    } catch (Exception ignored) {
      // the transaction is gone either way
    }
  }

  private static long now() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }
}
