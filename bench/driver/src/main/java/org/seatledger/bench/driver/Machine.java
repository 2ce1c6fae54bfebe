package org.seatledger.bench.driver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;

/** What the numbers were measured on. */
final class Machine {
  private Machine() {}

  static String describe(Connection db) throws Exception {
    String cpu = "unknown CPU";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.substring(l.indexOf(':') + 1).trim())
              .findFirst()
              .orElse(cpu);
    } catch (Exception ignored) {
      // not Linux: the CPU stays unnamed
    }
    long memoryGiB = 0;
    try {
      String total =
          Files.readAllLines(Path.of("/proc/meminfo")).stream()
              .filter(l -> l.startsWith("MemTotal"))
              .findFirst()
              .orElse("MemTotal: 0 kB");
      memoryGiB = Math.round(Long.parseLong(total.replaceAll("\\D", "")) / 1024.0 / 1024.0);
    } catch (Exception ignored) {
      // not Linux
    }
    return Runtime.getRuntime().availableProcessors()
        + " cores ("
        + cpu
        + "), "
        + memoryGiB
        + " GiB, "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.version")
        + ", Java "
        + System.getProperty("java.version")
        + ", database "
        + one(db, "SELECT VERSION()")
        + "; server, database and load driver share the machine";
  }

  static String durability(Connection db) throws Exception {
    String flush = one(db, "SELECT @@innodb_flush_log_at_trx_commit");
    return "innodb_flush_log_at_trx_commit="
        + flush
        + ", sync_binlog="
        + one(db, "SELECT @@sync_binlog")
        + ", log_bin="
        + one(db, "SELECT @@log_bin")
        + ("1".equals(flush)
            ? " (as shipped: every acknowledged commit was flushed to disk)"
            : " (NOT as shipped: acknowledged commits can be lost in a crash)")
        + "; "
        + commitLatency(db);
  }

  /**
   * What one durable commit costs on this disk: one-row inserts, each its own transaction, one
   * after the other. A row lock held across such a commit is what caps the CRUD baseline on one hot
   * row; the cheaper the commit, the less the event store's batching can win over it.
   */
  static String commitLatency(Connection db) throws Exception {
    int commits = 300;
    long[] nanos = new long[commits];
    try (Statement s = db.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS bench_commit_probe"
              + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(100) NOT NULL)");
      try {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(true);
        try (PreparedStatement insert =
            db.prepareStatement("INSERT INTO bench_commit_probe (note) VALUES (?)")) {
          for (int i = 0; i < commits; i++) {
            insert.setString(1, "commit " + i);
            long start = System.nanoTime();
            insert.executeUpdate();
            nanos[i] = System.nanoTime() - start;
          }
        } finally {
          db.setAutoCommit(autoCommit);
        }
      } finally {
        s.execute("DROP TABLE bench_commit_probe");
      }
    }
    Arrays.sort(nanos);
    return String.format(
        Locale.ROOT,
        "a one-row commit takes %.2f ms (median; p99 %.2f ms) on this disk",
        nanos[commits / 2] / 1e6,
        nanos[commits * 99 / 100] / 1e6);
  }

  private static String one(Connection db, String sql) throws Exception {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
