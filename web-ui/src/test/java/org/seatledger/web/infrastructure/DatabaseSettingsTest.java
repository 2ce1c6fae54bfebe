package org.seatledger.web.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.seatledger.web.infrastructure.DatabaseSettings.Account;

class DatabaseSettingsTest {

  private static final String MYSQL = "jdbc:mysql://db.example.org:3306/seatledger";

  private static UnaryOperator<String> environment(String... pairs) {
    Map<String, String> settings = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      settings.put(pairs[i], pairs[i + 1]);
    }
    return settings::get;
  }

  private static SQLException lookUpFailed() {
    return DatabaseSettings.notInjected("jdbc/seatledger");
  }

  @Test
  void aDataSourceThatCouldNotBeCreatedForAnEmptyUrlNamesTheEmptySetting() {
    assertEquals(
        DatabaseSettings.EMPTY_URL,
        DatabaseSettings.problem(
            lookUpFailed(), Account.APPLICATION, environment("SEATLEDGER_DB_URL", " ")));
  }

  @Test
  void aUrlNoDriverHereAcceptsIsNamedWithTheFormThatWorks() {
    for (String url :
        new String[] {
          "jdbc:mariadb://db:3306/seatledger", "jdbc:postgresql://db/seatledger", "mysql://db/x"
        }) {
      assertEquals(
          DatabaseSettings.NO_DRIVER,
          DatabaseSettings.problem(
              lookUpFailed(), Account.APPLICATION, environment("SEATLEDGER_DB_URL", url)),
          url);
    }
  }

  @Test
  void aDataSourceThatCouldNotBeCreatedWithAUrlOfADriverHereIsNotBlamedOnTheUrl() {
    for (String url : new String[] {MYSQL, "jdbc:h2:/data/seatledger"}) {
      assertNull(
          DatabaseSettings.problem(
              lookUpFailed(), Account.APPLICATION, environment("SEATLEDGER_DB_URL", url)),
          url);
    }
  }

  @Test
  void aRefusedPasswordNamesTheSettingsOfTheAccountThatWasRefused() {
    SQLException refused =
        new SQLException("Access denied for user 'seatledger'@'10.0.0.7'", "28000", 1045);
    UnaryOperator<String> own =
        environment("SEATLEDGER_DB_URL", MYSQL, "SEATLEDGER_DB_MIGRATION_USER", "owner");
    assertTrue(
        DatabaseSettings.problem(refused, Account.APPLICATION, own)
            .startsWith("SEATLEDGER_DB_USER and SEATLEDGER_DB_PASSWORD were refused"));
    assertTrue(
        DatabaseSettings.problem(new IllegalStateException(refused), Account.MIGRATIONS, own)
            .startsWith(
                "SEATLEDGER_DB_MIGRATION_USER and SEATLEDGER_DB_MIGRATION_PASSWORD were refused"));
    // without an owner account of their own the migrations use the application's
    assertTrue(
        DatabaseSettings.problem(
                refused, Account.MIGRATIONS, environment("SEATLEDGER_DB_URL", MYSQL))
            .startsWith("SEATLEDGER_DB_USER and SEATLEDGER_DB_PASSWORD were refused"));
  }

  @Test
  void aDatabaseTheServerDoesNotKnowIsNamed() {
    assertEquals(
        DatabaseSettings.UNKNOWN_DATABASE,
        DatabaseSettings.problem(
            new SQLNonTransientException("Unknown database 'seatledgr'", "42000", 1049),
            Account.APPLICATION,
            environment("SEATLEDGER_DB_URL", MYSQL)));
  }

  @Test
  void noRightsOnTheDatabaseAreTheOwnersProblemNotYetTheApplicationsAccount() {
    SQLException noRights =
        new SQLNonTransientException(
            "Access denied for user 'x'@'%' to database 'seatledger'", "42000", 1044);
    UnaryOperator<String> own =
        environment("SEATLEDGER_DB_URL", MYSQL, "SEATLEDGER_DB_MIGRATION_USER", "owner");
    assertTrue(
        DatabaseSettings.problem(noRights, Account.MIGRATIONS, own)
            .startsWith("SEATLEDGER_DB_MIGRATION_USER may not use the database"));
    // the first migrations give the application's account its rights: until then it has none
    assertNull(DatabaseSettings.problem(noRights, Account.APPLICATION, own));
  }

  /** Named as mysql-connector-j's is: the driver is not on the web module's class path. */
  private static final class WrongArgumentException extends RuntimeException {
    WrongArgumentException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** What the MySQL driver itself throws for this URL: it refuses each before it connects. */
  private static SQLException refusedByTheDriver(String url) {
    return assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "app", "pw"));
  }

  @Test
  void aConnectionPropertyTheDriverRefusesIsNamedAndAMalformedUrlStaysMalformed() {
    String url = "jdbc:mysql://127.0.0.1:9/seatledger";
    for (String refused : List.of(url + "?connectTimeout=abc", url + "?sslMode=SOMETIMES")) {
      assertEquals(
          DatabaseSettings.REFUSED_PROPERTY,
          DatabaseSettings.problem(
              refusedByTheDriver(refused),
              Account.APPLICATION,
              environment("SEATLEDGER_DB_URL", refused)),
          refused);
    }
    String malformed = "jdbc:mysql://127.0.0.1:notaport/seatledger";
    assertEquals(
        DatabaseSettings.MALFORMED_URL,
        DatabaseSettings.problem(
            refusedByTheDriver(malformed),
            Account.APPLICATION,
            environment("SEATLEDGER_DB_URL", malformed)));
  }

  @Test
  void aUrlTheDriverCannotReadIsNamedButAnArgumentOfAStatementIsNot() {
    UnaryOperator<String> mysql = environment("SEATLEDGER_DB_URL", MYSQL + ":x");
    WrongArgumentException unreadable =
        new WrongArgumentException(
            "Malformed database URL", new NumberFormatException("For input string: \"x\""));
    assertEquals(
        DatabaseSettings.MALFORMED_URL,
        DatabaseSettings.problem(
            new SQLNonTransientConnectionException(
                "Cannot load connection class", "08001", 0, unreadable),
            Account.APPLICATION,
            mysql));
    // a statement's argument the driver refuses, on a connection that is open, is our mistake
    assertNull(
        DatabaseSettings.problem(
            new SQLException("Invalid argument value", "S1009", 0, unreadable),
            Account.APPLICATION,
            mysql));
  }

  @Test
  void aDatabaseThatIsAwayIsNoSettingsProblem() {
    UnaryOperator<String> mysql = environment("SEATLEDGER_DB_URL", MYSQL);
    assertNull(
        DatabaseSettings.problem(
            new SQLNonTransientConnectionException("Communications link failure", "08S01"),
            Account.APPLICATION,
            mysql));
    assertNull(
        DatabaseSettings.problem(
            new SQLException("Lock wait timeout exceeded", "HY000", 1205),
            Account.MIGRATIONS,
            mysql));
  }
}
