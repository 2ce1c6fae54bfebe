package org.seatledger.bench.driver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's database as the benchmark reads it, beside the server: counts that check what the
 * server acknowledged, the head of the log, and whether the read models have caught up with it.
 */
final class Database {

  final String url;
  final String user;
  final String password;
  final Connection connection;

  Database(String url, String user, String password) throws Exception {
    this.url = url;
    this.user = user;
    this.password = password;
    this.connection = DriverManager.getConnection(url, user, password);
  }

  /** The global position of the newest event, 0 for an empty log. */
  long headPosition() throws Exception {
    return count("SELECT COALESCE(MAX(global_position), 0) FROM events", null);
  }

  /** At most this many seconds are waited for the database to be quiet ({@link #awaitQuiet}). */
  static final int QUIET_PATIENCE_SECONDS = 90;

  /**
   * Waits until the database has written out what the phase before left it (at most {@value
   * #QUIET_PATIENCE_SECONDS} s): in each of two seconds in a row it flushed no more pages than its
   * background rate, {@code innodb_io_capacity}. (Its redo log's checkpoint age is no sign: an idle
   * InnoDB flushes nothing and leaves the age where it was.) A load that starts while the database
   * still flushes the last phase's writes measures that phase: in full run c2dd260c the steady load
   * began right after the rival's knee ladder, with the database flushing up to 4,068 pages a
   * second, and 203 of its first 617 requests took over 200 ms against 4 in the 28 seconds after.
   *
   * @return the seconds waited, negative when the database was still busy at the end
   */
  double awaitQuiet() throws Exception {
    long backgroundRate = Math.max(1, globalVariable(connection, "innodb_io_capacity"));
    long start = System.nanoTime();
    long before = pagesFlushed();
    int quietSeconds = 0;
    while (true) {
      Thread.sleep(1000);
      long now = pagesFlushed();
      double waited = (System.nanoTime() - start) / 1e9;
      quietSeconds = now - before <= backgroundRate ? quietSeconds + 1 : 0;
      if (quietSeconds == 2) {
        return waited;
      }
      if (waited >= QUIET_PATIENCE_SECONDS) {
        return -waited;
      }
      before = now;
    }
  }

  private static final Pattern HISTORY_LENGTH = Pattern.compile("History list length (\\d+)");

  /**
   * Waits until InnoDB has purged the old versions of the rows changed and deleted before (its
   * history list is empty; at most {@value #QUIET_PATIENCE_SECONDS} s). A rebuilt read model's
   * replaced generation is deleted in one transaction, and InnoDB purges those rows from the
   * indexes after it commits: for the bookings list's 330,000 rows about 7 s of deleting and 8 s of
   * purging, a core busy with it. A measurement that starts meanwhile measures that purge too.
   *
   * @return the seconds waited, negative when the history list was still not empty at the end
   */
  double awaitPurged() throws Exception {
    long start = System.nanoTime();
    while (true) {
      double waited = (System.nanoTime() - start) / 1e9;
      if (historyLength() == 0) {
        return waited;
      }
      if (waited >= QUIET_PATIENCE_SECONDS) {
        return -waited;
      }
      Thread.sleep(100);
    }
  }

  /** InnoDB's history list length (0 when the database does not report one). */
  private long historyLength() throws Exception {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SHOW ENGINE INNODB STATUS")) {
      if (rs.next()) {
        Matcher length = HISTORY_LENGTH.matcher(rs.getString(3));
        if (length.find()) {
          return Long.parseLong(length.group(1));
        }
      }
    }
    return 0;
  }

  /** A numeric global variable of the database (0 when it has none of that name). */
  static long globalVariable(Connection connection, String name) throws Exception {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SHOW GLOBAL VARIABLES LIKE '" + name + "'")) {
      return rs.next() ? Long.parseLong(rs.getString(2)) : 0;
    }
  }

  private long pagesFlushed() throws Exception {
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_flushed'")) {
      return rs.next() ? Long.parseLong(rs.getString(2)) : 0;
    }
  }

  /** Waits until every read model (reporting and audit) has reached the head of the log. */
  void awaitProjections(Duration atMost) throws Exception {
    long head = headPosition();
    long until = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < until) {
      long behind =
          count(
              "SELECT COUNT(*) FROM (SELECT position FROM reporting_projections UNION ALL"
                  + " SELECT position FROM audit_projections) p WHERE p.position < ?",
              head);
      if (behind == 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("projections did not reach position " + head + " in " + atMost);
  }

  /** The one number {@code sql} answers, with its one parameter (none when null). */
  long count(String sql, Object parameter) throws Exception {
    try (PreparedStatement q = connection.prepareStatement(sql)) {
      if (parameter != null) {
        q.setObject(1, parameter);
      }
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
