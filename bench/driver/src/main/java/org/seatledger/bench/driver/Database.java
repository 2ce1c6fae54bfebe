package org.seatledger.bench.driver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

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
