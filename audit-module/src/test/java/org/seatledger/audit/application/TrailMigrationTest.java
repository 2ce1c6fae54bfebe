package org.seatledger.audit.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Audit V7 on a trail written before it: the recorded hashes stay, the trail applies on. */
class TrailMigrationTest {

  @Test
  void aTrailWrittenWithSentencesKeepsItsRecordedHashesAndAcceptsNewRows() throws Exception {
    String url =
        "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/audit")
        .target("6")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO audit_entries (generation, global_position, summary, reason, event_hash)"
              + " VALUES (1, 1, 'alice published the conference', 'launch', 'h1'),"
              + " (1, 2, 'bob cancelled the booking', NULL, 'h2')");

      Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/audit").load().migrate();

      new AuditTrailProjection().apply(Streams.recorded("carol", null, new Object()), c, 2);
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
}
