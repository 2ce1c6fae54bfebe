package org.seatledger.audit.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Audit V7 and V8 on a trail written before them: the recorded hashes stay, exactly as they were
 * recorded, and the trail applies on.
 */
class TrailMigrationTest {

  @Test
  void aTrailWrittenWithSentencesKeepsItsRecordedHashesAndAcceptsNewRows() throws Exception {
    String url = database();
    migrate(url, "6");
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO audit_entries (generation, global_position, summary, reason, event_hash)"
              + " VALUES (1, 1, 'alice published the conference', 'launch', 'h1'),"
              + " (1, 2, 'bob cancelled the booking', NULL, 'h2')");

      migrate(url, "7");

      s.executeUpdate(
          "INSERT INTO audit_entries (generation, global_position, event_hash) VALUES (2, 1, 'hash-1')");
      try (ResultSet rows =
          s.executeQuery(
              "SELECT generation, global_position, event_hash FROM audit_entries"
                  + " ORDER BY generation, global_position")) {
        StringBuilder all = new StringBuilder();
        while (rows.next()) {
          all.append(rows.getInt(1))
              .append('/')
              .append(rows.getLong(2))
              .append('/')
              .append(rows.getString(3))
              .append(' ');
        }
        assertEquals("1/1/h1 1/2/h2 2/1/hash-1 ", all.toString());
      }
    }
  }

  @Test
  void aTrailOfRowsMovesIntoBlocksWithEveryRecordedHashAsItWasAndAppliesOn() throws Exception {
    String url = database();
    migrate(url, "7");
    List<String> recorded = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      for (int position = 1; position <= 40; position++) {
        String hash =
            position == 5
                ? null
                : position == 9 ? "rewritten by 'hand'" : "%064d".formatted(position);
        recorded.add(String.valueOf(hash));
        s.executeUpdate(
            "INSERT INTO audit_entries (generation, global_position, event_hash) VALUES (1, "
                + position
                + ", "
                + (hash == null ? "NULL" : "'" + hash.replace("'", "''") + "'")
                + ")");
      }
      s.executeUpdate(
          "INSERT INTO audit_entries (generation, global_position, event_hash) VALUES (2, 1, 'x')");

      migrate(url, "latest");
      new AuditTrailProjection().apply(Streams.recorded("carol", null, new Object(), 41), c, 1);
      recorded.add("hash-41");

      List<String> found = new ArrayList<>();
      List<String> applied = new ArrayList<>();
      try (ResultSet rows =
          s.executeQuery(
              "SELECT block, applied, hashes FROM audit_hash_blocks WHERE generation = 1"
                  + " ORDER BY block")) {
        while (rows.next()) {
          applied.add(rows.getLong(1) + ":" + rows.getInt(2));
          TrailBlocks.hashes(rows.getString(3)).forEach(h -> found.add(String.valueOf(h)));
        }
      }
      assertEquals(List.of("0:32", "1:9"), applied);
      assertEquals(recorded, found);
      try (ResultSet rows =
          s.executeQuery("SELECT applied, hashes FROM audit_hash_blocks WHERE generation = 2")) {
        rows.next();
        assertEquals(1, rows.getInt(1));
        assertEquals(List.of("x"), TrailBlocks.hashes(rows.getString(2)));
      }
    }
  }

  /** A new in-memory database in MySQL mode, as the embedded server runs. */
  private static String database() {
    return "jdbc:h2:mem:"
        + UUID.randomUUID()
        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
  }

  /** Migrates the audit schema of {@code url} up to {@code target} ("latest": all). */
  private static void migrate(String url, String target) {
    Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/audit")
        .target(target)
        .load()
        .migrate();
  }
}
