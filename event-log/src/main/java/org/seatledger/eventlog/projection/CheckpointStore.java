package org.seatledger.eventlog.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.seatledger.eventlog.api.projection.Sql;

/**
 * One projection's row in its module's checkpoint table, and every statement on it. Moves are
 * compare-and-set ({@code UPDATE … WHERE position = <what was read>}), so two servers racing for
 * the same batch cannot both move the checkpoint.
 */
final class CheckpointStore {

  private static final Logger LOG = Logger.getLogger(CheckpointStore.class.getName());
  private static final int MAX_ERROR_LENGTH = 1000;

  private final String name;
  private final String table;
  private final DataSource dataSource;
  private final Transactions transactions;
  private volatile boolean rowExists;

  CheckpointStore(String name, String table, DataSource dataSource, Transactions transactions) {
    this.name = name;
    this.table = table;
    this.dataSource = dataSource;
    this.transactions = transactions;
  }

  /** The row as it is now (outside any transaction of the runner's). */
  Checkpoint read() {
    try (Connection c = dataSource.getConnection()) {
      return select(c, "");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the checkpoint of " + name, e);
    }
  }

  /**
   * Locks the row in the transaction of {@code c} ({@code SELECT … FOR UPDATE}) and returns it as
   * it is once locked: a locking read sees what another runner committed while this one waited, on
   * every database here (the log's append lock relies on the same).
   */
  Checkpoint lock(Connection c) throws SQLException {
    return select(c, " FOR UPDATE");
  }

  private Checkpoint select(Connection c, String suffix) throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE name = ?" + suffix)) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          rowExists = false;
          throw new IllegalStateException("no checkpoint row for " + name);
        }
        return checkpoint(rows);
      }
    }
  }

  private static final String COLUMNS =
      "position, generation, status, error, error_position, rebuild_generation, rebuild_position,"
          + " rebuild_target, rebuild_started_at, name";

  private static Checkpoint checkpoint(ResultSet rows) throws SQLException {
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

  /**
   * Locks the rows of the projections {@code names} of {@code table} in one statement, in the order
   * of their names (so two servers locking the same rows cannot deadlock), and returns those that
   * exist by name.
   */
  static Map<String, Checkpoint> lockAll(Connection c, String table, List<String> names)
      throws SQLException {
    String marks = String.join(", ", Collections.nCopies(names.size(), "?"));
    Map<String, Checkpoint> found = new LinkedHashMap<>();
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM "
                + table
                + " WHERE name IN ("
                + marks
                + ") ORDER BY name FOR UPDATE")) {
      for (int i = 0; i < names.size(); i++) {
        query.setString(i + 1, names.get(i));
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.put(rows.getString(10), checkpoint(rows));
        }
      }
    }
    return found;
  }

  /**
   * Moves the live positions of the running projections {@code names} of {@code table} to {@code
   * to}; their rows are locked by the caller's transaction. Returns how many moved.
   */
  static int moveAll(Connection c, String table, Set<String> names, long to) throws SQLException {
    if (names.isEmpty()) {
      return 0;
    }
    List<Object> parameters = new ArrayList<>(List.of(to, now()));
    parameters.addAll(names);
    return Sql.update(
        c,
        "UPDATE "
            + table
            + " SET position = ?, updated_at = ? WHERE name IN ("
            + String.join(", ", Collections.nCopies(names.size(), "?"))
            + ") AND status = 'RUNNING' AND position < ?",
        append(parameters, to));
  }

  private static Object[] append(List<Object> parameters, Object last) {
    parameters.add(last);
    return parameters.toArray();
  }

  /** Creates the row (at position 0, generation 1, running) unless some server already has. */
  void ensureRow() {
    if (rowExists) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement exists =
            c.prepareStatement("SELECT 1 FROM " + table + " WHERE name = ?")) {
      exists.setString(1, name);
      try (ResultSet rows = exists.executeQuery()) {
        if (rows.next()) {
          rowExists = true;
          return;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the checkpoint of " + name, e);
    }
    try {
      transactions.run(
          c -> {
            try (PreparedStatement insert =
                c.prepareStatement(
                    "INSERT INTO "
                        + table
                        + " (name, position, generation, status, updated_at)"
                        + " VALUES (?, 0, 1, 'RUNNING', ?)")) {
              insert.setString(1, name);
              insert.setLong(2, now());
              return insert.executeUpdate() == 1;
            }
          });
    } catch (RuntimeException anotherServerWasFaster) {
      LOG.fine(() -> "checkpoint row of " + name + " was created elsewhere");
    }
  }

  /** Locks the row; true when the live position is still {@code expected}. */
  boolean liveStillAt(Connection c, long expected) throws SQLException {
    return lockedAt(c, "position", expected);
  }

  /** Locks the row; true when the rebuild position is still {@code expected}. */
  boolean rebuildStillAt(Connection c, long expected) throws SQLException {
    return lockedAt(c, "rebuild_position", expected);
  }

  /**
   * Locks the checkpoint row ({@code SELECT … FOR UPDATE}, one round trip where an update and a
   * read were two): true when {@code column} holds {@code expected} once the lock is held.
   */
  private boolean lockedAt(Connection c, String column, long expected) throws SQLException {
    try (PreparedStatement read =
        c.prepareStatement("SELECT " + column + " FROM " + table + " WHERE name = ? FOR UPDATE")) {
      read.setString(1, name);
      try (ResultSet rows = read.executeQuery()) {
        return rows.next() && rows.getLong(1) == expected;
      }
    }
  }

  /** Moves the live position from {@code from} to {@code to}, if it is still running there. */
  boolean moveLive(Connection c, long from, long to, int generation) throws SQLException {
    return update(
            c,
            "UPDATE "
                + table
                + " SET position = ?, updated_at = ? WHERE name = ? AND position = ? AND generation = ?"
                + " AND status = 'RUNNING'",
            to,
            now(),
            name,
            from,
            generation)
        == 1;
  }

  /** Moves the rebuild position from {@code from} to {@code to}, if it is still there. */
  boolean moveRebuild(Connection c, long from, long to, int generation) throws SQLException {
    return update(
            c,
            "UPDATE "
                + table
                + " SET rebuild_position = ?, updated_at = ?"
                + " WHERE name = ? AND rebuild_position = ? AND rebuild_generation = ?",
            to,
            now(),
            name,
            from,
            generation)
        == 1;
  }

  /** Makes the caught-up rebuild generation the live one; false when {@code row} is out of date. */
  boolean switchToRebuild(Checkpoint row) {
    return transactions.run(
        c ->
            update(
                    c,
                    "UPDATE "
                        + table
                        + " SET generation = ?, position = ?, rebuild_generation = NULL,"
                        + " rebuild_position = NULL, rebuild_target = NULL, rebuild_started_at = NULL,"
                        + " updated_at = ? WHERE name = ? AND position = ? AND rebuild_generation = ?",
                    row.rebuildGeneration(),
                    row.rebuildPosition(),
                    now(),
                    name,
                    row.position(),
                    row.rebuildGeneration())
                == 1);
  }

  /** Records a rebuild into {@code generation} up to {@code target}, unless one is running. */
  boolean startRebuild(Connection c, int generation, long target) throws SQLException {
    long now = now();
    return update(
            c,
            "UPDATE "
                + table
                + " SET rebuild_generation = ?, rebuild_position = 0, rebuild_target = ?,"
                + " rebuild_started_at = ?, updated_at = ? WHERE name = ? AND rebuild_generation IS NULL",
            generation,
            target,
            now,
            now,
            name)
        == 1;
  }

  /** Stops the projection at {@code position} on every server, with what {@code cause} says. */
  void stop(long position, Exception cause) {
    String message = String.valueOf(cause == null ? "unknown error" : cause.getMessage());
    LOG.log(
        Level.SEVERE,
        "projection " + name + " STOPPED at position " + position + ": " + message,
        cause);
    String error =
        message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
    transactions.run(
        c ->
            update(
                    c,
                    "UPDATE "
                        + table
                        + " SET status = 'STOPPED', error = ?, error_position = ?, updated_at = ?"
                        + " WHERE name = ?",
                    error,
                    position,
                    now(),
                    name)
                == 1);
  }

  /** Clears a stop: the projection tries the event it stopped at again. */
  boolean clearStop() {
    return transactions.run(
        c ->
            update(
                    c,
                    "UPDATE "
                        + table
                        + " SET status = 'RUNNING', error = NULL, error_position = NULL, updated_at = ?"
                        + " WHERE name = ? AND status = 'STOPPED'",
                    now(),
                    name)
                == 1);
  }

  /** Sets the status to {@code to} when it is {@code from}. */
  boolean setStatus(String to, String from) {
    return transactions.run(
        c ->
            update(
                    c,
                    "UPDATE "
                        + table
                        + " SET status = ?, updated_at = ? WHERE name = ? AND status = ?",
                    to,
                    now(),
                    name,
                    from)
                == 1);
  }

  private static int update(Connection c, String sql, Object... parameters) throws SQLException {
    return Sql.update(c, sql, parameters);
  }

  /** The checkpoint table's time unit: UTC microseconds, as the log's. */
  static long now() {
    return Sql.micros(Instant.now());
  }
}
