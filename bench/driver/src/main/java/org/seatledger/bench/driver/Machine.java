package org.seatledger.bench.driver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

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
            : " (NOT as shipped: acknowledged commits can be lost in a crash)");
  }

  private static String one(Connection db, String sql) throws Exception {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
