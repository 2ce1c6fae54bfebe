package org.seatledger.eventlog.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A fresh in-memory H2 database in MySQL mode with the log's own migrations, as the embedded server
 * runs.
 */
final class MigratedLog {

  private MigratedLog() {}

  /** A connection to a new database of its own, migrated. */
  static Connection open() throws SQLException {
    String url =
        "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/eventlog")
        .load()
        .migrate();
    return DriverManager.getConnection(url, "sa", "");
  }
}
