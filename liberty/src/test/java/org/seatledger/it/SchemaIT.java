package org.seatledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.seatledger.eventlog.api.Modules;

/**
 * Runs inside the server, on the server's own data source: the migrations have created each
 * module's tables and recorded them in that module's own history table.
 */
@ExtendWith(ArquillianExtension.class)
class SchemaIT {

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.create(WebArchive.class, "schema-it.war")
        .addClasses(SchemaIT.class, Modules.class);
  }

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  /** The account that runs migrations (on MySQL possibly an owner apart from the application). */
  @Resource(lookup = "jdbc/seatledger-migrations")
  DataSource owner;

  @Test
  void theUserTablesExistAndAreEmptyOfPlainPasswords() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT username, password_hash FROM app_users")) {
      boolean any = false;
      while (rows.next()) {
        any = true;
        String hash = rows.getString(2);
        assertTrue(
            hash.startsWith("PBKDF2WithHmacSHA512:210000:"),
            "stored as a PBKDF2 hash with its parameters, not as typed");
      }
      assertTrue(any, "the first start created the admin user");
    }
  }

  @Test
  void everyModuleWithTablesHasItsOwnSuccessfulMigrationHistory() throws SQLException {
    try (Connection connection = owner.getConnection();
        Statement statement = connection.createStatement()) {
      int histories = 0;
      for (String module : Modules.IN_DEPENDENCY_ORDER) {
        if (!tableExists(connection, module + "_schema_history")) {
          continue; // a module without tables (booking keeps its events in the event log)
        }
        histories++;
        try (ResultSet failed =
            statement.executeQuery(
                "SELECT COUNT(*) FROM " + module + "_schema_history WHERE success = FALSE")) {
          failed.next();
          assertEquals(0, failed.getInt(1), module + " has no failed migration");
        }
      }
      assertTrue(histories >= 4, "the event log, reporting, audit and web keep a history each");
      assertApplied(statement, "eventlog", "3", "the event log's master-key table");
      assertApplied(statement, "web", "1", "the users");
    }
  }

  private static void assertApplied(Statement statement, String module, String version, String what)
      throws SQLException {
    try (ResultSet applied =
        statement.executeQuery(
            "SELECT COUNT(*) FROM "
                + module
                + "_schema_history WHERE version = '"
                + version
                + "' AND success = TRUE")) {
      applied.next();
      assertEquals(1, applied.getInt(1), module + " V" + version + " (" + what + ") is applied");
    }
  }

  private static boolean tableExists(Connection connection, String table) throws SQLException {
    for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
      try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
