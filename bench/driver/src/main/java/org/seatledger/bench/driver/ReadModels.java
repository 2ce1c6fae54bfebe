package org.seatledger.bench.driver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The read models' tables, and a digest of a table's live rows to compare with after a replay. */
final class ReadModels {
  private ReadModels() {}

  /** Per projection: its tables and their key order. */
  static final Map<String, List<String[]>> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put(
        "reporting.availability",
        List.of(
            new String[] {"reporting_conferences", "conference_id"},
            new String[] {"reporting_seat_types", "conference_id, code"}));
    TABLES.put(
        "reporting.bookings",
        List.of(
            new String[] {"reporting_bookings", "booking_id"},
            new String[] {"reporting_attendees", "booking_id, ordinal"}));
    TABLES.put(
        "reporting.stats",
        List.of(
            new String[] {"reporting_daily_stats", "conference_id, stat_day"},
            new String[] {"reporting_stat_bookings", "booking_id"}));
    TABLES.put("audit.trail", List.<String[]>of(new String[] {"audit_hash_blocks", "block"}));
  }

  static String checkpoints(String projection) {
    return projection.startsWith("audit.") ? "audit_projections" : "reporting_projections";
  }

  static int generation(Connection db, String projection) throws Exception {
    try (PreparedStatement q =
        db.prepareStatement(
            "SELECT generation FROM " + checkpoints(projection) + " WHERE name = ?")) {
      q.setString(1, projection);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /**
   * Waits until no table of {@code projection} holds rows of {@code generation} any more: the
   * runner deletes a replaced generation right after the switch, in its own transaction. The next
   * measurement must not share the database with that delete (hundreds of thousands of rows with
   * their indexes). The seconds waited.
   */
  static double awaitDropped(Connection db, String projection, int generation, Duration timeout)
      throws Exception {
    long start = System.nanoTime();
    for (String[] table : TABLES.get(projection)) {
      try (PreparedStatement q =
          db.prepareStatement("SELECT 1 FROM " + table[0] + " WHERE generation = ? LIMIT 1")) {
        q.setInt(1, generation);
        while (true) {
          try (ResultSet rs = q.executeQuery()) {
            if (!rs.next()) {
              break;
            }
          }
          if (System.nanoTime() - start > timeout.toNanos()) {
            throw new IllegalStateException(
                "generation " + generation + " of " + projection + " was not dropped");
          }
          Thread.sleep(50);
        }
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * Per table: row count and SHA-256 over every column but the generation, rows in key order. Equal
   * digests before and after a rebuild mean the live rows equal a full replay of the log. The audit
   * trail's blocks of recorded hashes (a slot of {@value #TRAIL_SLOT} characters per event) count
   * the events up to {@code upTo} only: a rebuild appends an event of its own (the admin operation
   * is recorded in the log), which the rebuilt rows hold and the rows before it did not.
   */
  /** Characters of one event's slot in a block of the audit trail (its {@code TrailBlocks}). */
  private static final int TRAIL_SLOT = 65;

  /** Positions to a block of the audit trail. */
  private static final int TRAIL_BLOCK = 32;

  /** The events up to {@code upTo} in a generation's blocks, and a SHA-256 over their slots. */
  private static String blocksDigest(Connection db, String table, int generation, long upTo)
      throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    long events = 0;
    try (PreparedStatement q =
        db.prepareStatement(
            "SELECT block, applied, hashes FROM "
                + table
                + " WHERE generation = ? AND block <= ? ORDER BY block")) {
      q.setInt(1, generation);
      q.setLong(2, (upTo - 1) / TRAIL_BLOCK);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          long first = rs.getLong(1) * TRAIL_BLOCK + 1;
          int count = (int) Math.min(rs.getInt(2), upTo - first + 1);
          String slots = rs.getString(3);
          String kept = slots.substring(0, slots.offsetByCodePoints(0, count * TRAIL_SLOT));
          sha.update((first + ":" + kept + "\u0001").getBytes(StandardCharsets.UTF_8));
          events += count;
        }
      }
    }
    return events + " rows " + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
  }

  static Map<String, String> digests(
      Connection db, String projection, List<String[]> tables, long upTo) throws Exception {
    int generation = generation(db, projection);
    Map<String, String> digests = new LinkedHashMap<>();
    for (String[] table : tables) {
      if (table[1].equals("block")) {
        digests.put(table[0], blocksDigest(db, table[0], generation, upTo));
        continue;
      }
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long rows = 0;
      try (PreparedStatement q =
          db.prepareStatement(
              "SELECT * FROM " + table[0] + " WHERE generation = ? ORDER BY " + table[1])) {
        q.setInt(1, generation);
        try (ResultSet rs = q.executeQuery()) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              if (!meta.getColumnLabel(i).equalsIgnoreCase("generation")) {
                String value = rs.getString(i);
                sha.update(((value == null ? "\u0000" : value) + "\u0001").getBytes());
              }
            }
            rows++;
          }
        }
      }
      digests.put(
          table[0], rows + " rows " + HexFormat.of().formatHex(sha.digest()).substring(0, 16));
    }
    return digests;
  }
}
