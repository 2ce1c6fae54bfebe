package org.seatledger.web.infrastructure;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Tells a database that is away from database settings that cannot work, and says what an admin
 * must change.
 *
 * <p>Some settings fail before any database is asked. Open Liberty creates a data source when it is
 * first looked up; with {@code SEATLEDGER_DB_URL} set but empty, or set to a URL that neither
 * driver shipped here accepts ({@code jdbc:mariadb:…}, {@code jdbc:postgresql:…}, a URL without
 * {@code jdbc:}), it cannot, and a bean that has the data source injected cannot even be created.
 * The start-up parts look their data source up here instead, on every attempt, so the application
 * starts all the same. Others are the database's answer: a user name or password it refuses, a
 * database name it does not know, an owner account without rights on the database.
 *
 * <p>Either way readiness stays DOWN with a sentence naming the setting, pages and the API answer
 * 503 as for an outage, and the log says once what to change. The sentences name settings, never
 * their values: readiness needs no sign-in, and a URL may carry a password.
 */
public final class DatabaseSettings {

  /** What the admin reads when the URL is empty: in the log and as the readiness reason. */
  public static final String EMPTY_URL =
      "SEATLEDGER_DB_URL is set but empty: unset it to use the embedded database, or set it to the"
          + " JDBC URL of the MySQL database (jdbc:mysql://host:3306/name)";

  /** When neither driver here accepts the URL. */
  public static final String NO_DRIVER =
      "SEATLEDGER_DB_URL is not a URL this server has a driver for: set it to the JDBC URL of the"
          + " MySQL or MariaDB database (jdbc:mysql://host:3306/name), or unset it to use the"
          + " embedded database";

  /** When the MySQL driver cannot read the URL (its own words go to the log). */
  public static final String MALFORMED_URL =
      "SEATLEDGER_DB_URL could not be read by the MySQL driver: its form is"
          + " jdbc:mysql://host:3306/name?property=value&property=value";

  /** When the MySQL driver refuses the value of a connection property the URL gives. */
  public static final String REFUSED_PROPERTY =
      "SEATLEDGER_DB_URL gives a connection property a value the MySQL driver does not accept: the"
          + " log names the property and the values it takes";

  /** When the database server does not know the database the URL names. */
  public static final String UNKNOWN_DATABASE =
      "The database named in SEATLEDGER_DB_URL does not exist on that server: create it (README,"
          + " \"Running on MySQL\") or correct the URL";

  /** Liberty's message id for a data source whose URL was not given. */
  private static final String NO_URL = "DSRA4014E";

  /** SQL states of a connection that could not be opened (class 08). */
  private static final String CONNECTION_STATES = "08";

  /**
   * What mysql-connector-j throws for a URL (or an argument) it cannot read, by its simple name:
   * the driver is a library of the server, not of the application.
   */
  private static final String DRIVER_REFUSED_ARGUMENT = "WrongArgumentException";

  /**
   * The package of mysql-connector-j that reads its URL and connection properties; its classes that
   * read a property's value have "Propert" in their names (DefaultPropertySet,
   * IntegerPropertyDefinition, …), the URL's parser does not.
   */
  private static final String DRIVER_CONFIGURATION = "com.mysql.cj.conf.";

  /** The SQL state of a refused user name or password (MySQL, MariaDB and H2 alike). */
  private static final String REFUSED_STATE = "28000";

  /** MySQL's and MariaDB's error codes: a database it does not know, no rights on a database. */
  private static final int UNKNOWN_DATABASE_CODE = 1049;

  private static final int NO_RIGHTS_CODE = 1044;

  /** URL prefixes the drivers shipped in {@code jdbc/} accept: mysql-connector-j and H2. */
  private static final Set<String> DRIVEN = Set.of("jdbc:mysql:", "jdbc:mysql+srv:", "jdbc:h2:");

  /** Whose account a connection was opened with: the settings that name it differ. */
  public enum Account {
    /** The application's own account, {@code SEATLEDGER_DB_USER}. */
    APPLICATION("SEATLEDGER_DB_USER", "SEATLEDGER_DB_PASSWORD"),
    /** The owner that runs the migrations; the application's account when it is not set. */
    MIGRATIONS("SEATLEDGER_DB_MIGRATION_USER", "SEATLEDGER_DB_MIGRATION_PASSWORD");

    private final String user;
    private final String password;

    Account(String user, String password) {
      this.user = user;
      this.password = password;
    }

    /** The account as configured: the migrations use the application's unless given their own. */
    private Account asSet(UnaryOperator<String> environment) {
      return this == MIGRATIONS && environment.apply(user) == null ? APPLICATION : this;
    }
  }

  private DatabaseSettings() {}

  /**
   * The data source bound at {@code jndiName}; an SQLException, not a naming error, when Liberty
   * cannot create it, so callers handle it as they handle a database that is away.
   */
  static DataSource lookUp(String jndiName) throws SQLException {
    try {
      return InitialContext.doLookup(jndiName);
    } catch (NamingException | RuntimeException e) {
      throw new NotCreated(jndiName, e);
    }
  }

  /**
   * For a data source that was to be injected and was not, because Liberty could not create it
   * (Weld leaves the field empty and logs why): fail as a database that is away fails.
   */
  public static SQLException notInjected(String jndiName) {
    return new NotCreated(jndiName, null);
  }

  /**
   * What an admin must change when this failure of the application's account comes from settings
   * that cannot work, or {@code null} when it does not (a database that is away, our own mistake).
   */
  public static String problem(Throwable failure) {
    return problem(failure, Account.APPLICATION, System::getenv);
  }

  /** The same for a connection opened with {@code account}. */
  public static String problem(Throwable failure, Account account) {
    return problem(failure, account, System::getenv);
  }

  /**
   * The same, with the settings as {@code environment} holds them (the server's environment, which
   * also carries its server.env).
   */
  static String problem(Throwable failure, Account account, UnaryOperator<String> environment) {
    String url = environment.apply("SEATLEDGER_DB_URL");
    Account used = account.asSet(environment);
    boolean connecting = false;
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      // an injection that failed keeps Liberty's message; a plain lookup loses it on the way
      if (String.valueOf(t.getMessage()).contains(NO_URL)) {
        return EMPTY_URL;
      }
      if (t instanceof NotCreated && url != null) {
        if (url.isBlank()) {
          return EMPTY_URL;
        }
        if (DRIVEN.stream().noneMatch(url.strip()::startsWith)) {
          return NO_DRIVER;
        }
      }
      if (t.getClass().getSimpleName().equals(DRIVER_REFUSED_ARGUMENT)) {
        if (readingAProperty(t)) {
          return REFUSED_PROPERTY; // the driver read a property's value and could not use it
        }
        if (connecting) {
          return MALFORMED_URL; // not for an argument of a statement: that is our own mistake
        }
      }
      if (t instanceof SQLException sql) {
        connecting |= String.valueOf(sql.getSQLState()).startsWith(CONNECTION_STATES);
        if (REFUSED_STATE.equals(sql.getSQLState())) {
          return used.user
              + " and "
              + used.password
              + " were refused by the database: check both (the account must exist for the"
              + " address this server connects from)";
        }
        if (sql.getErrorCode() == UNKNOWN_DATABASE_CODE) {
          return UNKNOWN_DATABASE;
        }
        if (sql.getErrorCode() == NO_RIGHTS_CODE && used == Account.MIGRATIONS) {
          // the application's account has no rights until the first migrations grant them
          return used.user
              + " may not use the database named in SEATLEDGER_DB_URL: grant it all privileges on"
              + " that database (README, \"Running on MySQL\")";
        }
      }
    }
    return null;
  }

  /** Whether the driver threw {@code t} while it read the value of a connection property. */
  private static boolean readingAProperty(Throwable t) {
    for (StackTraceElement frame : t.getStackTrace()) {
      String name = frame.getClassName();
      if (name.startsWith(DRIVER_CONFIGURATION)
          && name.substring(DRIVER_CONFIGURATION.length()).contains("Propert")) {
        return true;
      }
    }
    return false;
  }

  /** A data source Liberty could not create. */
  private static final class NotCreated extends SQLNonTransientConnectionException {
    NotCreated(String jndiName, Exception cause) {
      super(
          "the data source "
              + jndiName
              + " could not be created"
              + (cause == null ? "" : ": " + DatabaseOutage.rootMessage(cause)),
          cause);
    }
  }
}
