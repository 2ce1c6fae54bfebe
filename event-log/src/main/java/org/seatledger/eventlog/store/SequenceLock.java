package org.seatledger.eventlog.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * How a commit takes the append lock — the row lock of {@code event_sequence}, held until the
 * transaction ends — and its positions, in as few round trips as the database allows: the committer
 * holds this lock for every append of every server, so each round trip under it is paid by all of
 * them.
 *
 * <p>{@link #RESERVING} (MySQL, MariaDB): one statement, {@code UPDATE event_sequence SET
 * next_position = LAST_INSERT_ID(next_position + ?)}, locks the row (as {@code SELECT … FOR UPDATE}
 * would, until commit) and moves it past the positions the commit would take if every append in it
 * were written; the server sends the new value back in the statement's answer, which the driver
 * hands out as the statement's generated key. One round trip where the lock and the final {@code
 * UPDATE} took two. When the guards answer or refuse some appends, fewer positions are used and
 * {@link Held#settle} moves the row back to the first unused one before the commit: the lock is
 * still held, so no other transaction ever reads the larger value or writes past it, and positions
 * stay gap-free as readers and {@link ChainVerifier} expect.
 *
 * <p>{@link #SELECTING} (H2 and any other database): {@code SELECT … FOR UPDATE}, and an {@code
 * UPDATE} once the rows are written.
 */
enum SequenceLock {
  RESERVING {
    @Override
    Held lock(Connection c, long wanted) throws SQLException {
      try (PreparedStatement reserve =
          c.prepareStatement(
              "UPDATE event_sequence SET next_position = LAST_INSERT_ID(next_position + ?)"
                  + " WHERE id = "
                  + EventSequence.ID,
              Statement.RETURN_GENERATED_KEYS)) {
        // at least one, so the row always changes and the statement always reports it
        long reserved = Math.max(wanted, 1);
        reserve.setLong(1, reserved);
        if (reserve.executeUpdate() != 1) {
          throw new IllegalStateException("the event_sequence row is missing");
        }
        long stored = reservedEnd(c, reserve);
        return new Held(stored - reserved, stored);
      }
    }

    @Override
    boolean locksInUnion() {
      return true;
    }

    @Override
    boolean hasOneTripAppend() {
      return true;
    }

    /**
     * The value the statement stored, from its answer; should a driver not return it as a generated
     * key, asked for in a second statement (the same value, as the connection's own state).
     */
    private static long reservedEnd(Connection c, PreparedStatement reserve) throws SQLException {
      try (ResultSet key = reserve.getGeneratedKeys()) {
        if (key.next()) {
          return key.getLong(1);
        }
      }
      try (PreparedStatement ask = c.prepareStatement("SELECT LAST_INSERT_ID()");
          ResultSet row = ask.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  },

  SELECTING {
    @Override
    Held lock(Connection c, long wanted) throws SQLException {
      try (PreparedStatement lock =
              c.prepareStatement(
                  "SELECT next_position FROM event_sequence WHERE id = "
                      + EventSequence.ID
                      + " FOR UPDATE");
          ResultSet row = lock.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("the event_sequence row is missing");
        }
        long next = row.getLong(1);
        return new Held(next, next);
      }
    }
  };

  /**
   * Locks the sequence for this transaction, wanting at most {@code wanted} positions; {@link
   * Held#settle} must follow before the commit.
   */
  abstract Held lock(Connection c, long wanted) throws SQLException;

  /**
   * True when the database takes a row lock for a {@code SELECT … FOR UPDATE} that is one branch of
   * a {@code UNION ALL} (MySQL 8, MariaDB), so {@link GuardLookup} can read the master key with its
   * lock in the same round trip as the guards' lookup. Elsewhere the master key is read on its own:
   * a locking branch of a {@code UNION} is not standard SQL (PostgreSQL refuses it), and H2, which
   * takes the lock too (2.3), was not measured with it.
   */
  boolean locksInUnion() {
    return false;
  }

  /**
   * True when the database has the stored procedure {@code append_group_open} (event-log migration
   * V9: MySQL and MariaDB), so a group decided without a lookup can be written and committed in one
   * round trip ({@link OneTripAppend}). Elsewhere the migrations are comments.
   */
  boolean hasOneTripAppend() {
    return false;
  }

  /** The way for the database a connection's metadata describes. */
  static SequenceLock of(DatabaseMetaData database) throws SQLException {
    return of(database.getDatabaseProductName());
  }

  static SequenceLock of(String databaseProductName) {
    String name = databaseProductName == null ? "" : databaseProductName.toLowerCase(Locale.ROOT);
    return name.contains("mysql") || name.contains("mariadb") ? RESERVING : SELECTING;
  }

  /**
   * The lock, held.
   *
   * @param first the first position this commit may take
   * @param stored the value the row holds now, in this transaction
   */
  record Held(long first, long stored) {

    /** Leaves the row at {@code next}, the first position after the rows written. */
    void settle(Connection c, long next) throws SQLException {
      if (next == stored) {
        return;
      }
      try (PreparedStatement update =
          c.prepareStatement(
              "UPDATE event_sequence SET next_position = ? WHERE id = " + EventSequence.ID)) {
        update.setLong(1, next);
        update.executeUpdate();
      }
    }
  }
}
