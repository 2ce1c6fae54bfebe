package org.seatledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
  void everyModuleHasItsOwnSuccessfulMigrationHistory() throws SQLException {
    try (Connection connection = owner.getConnection();
        Statement statement = connection.createStatement()) {
      for (String module : Modules.IN_DEPENDENCY_ORDER) {
        try (ResultSet failed =
            statement.executeQuery(
                "SELECT COUNT(*) FROM " + module + "_schema_history WHERE success = FALSE")) {
          failed.next();
          assertEquals(0, failed.getInt(1), module + " has no failed migration");
        }
      }
      try (ResultSet web =
          statement.executeQuery(
              "SELECT COUNT(*) FROM web_schema_history WHERE version = '1' AND success = TRUE")) {
        web.next();
        assertEquals(1, web.getInt(1), "web V1 (users) is applied");
      }
    }
  }
}
