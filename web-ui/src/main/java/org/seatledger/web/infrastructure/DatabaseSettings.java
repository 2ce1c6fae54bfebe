package org.seatledger.web.infrastructure;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Tells a database that is away from database settings the server cannot use at all, and says what
 * an admin must change.
 *
 * <p>Open Liberty creates a data source when it is first looked up. With {@code SEATLEDGER_DB_URL}
 * set but empty (an environment file with {@code SEATLEDGER_DB_URL=}) it cannot: the lookup fails
 * with {@code DSRA4014E} ("no URL attribute was specified"), and a bean that has the data source
 * injected cannot even be created. The start-up parts look their data source up here instead, on
 * every attempt, so the application starts all the same: readiness stays DOWN naming the setting,
 * pages and the API answer 503, and the log says what to change.
 */
public final class DatabaseSettings {

  /** What the admin reads when the URL is empty: in the log and as the readiness reason. */
  public static final String EMPTY_URL =
      "SEATLEDGER_DB_URL is set but empty: unset it to use the embedded database, or set it to the"
          + " JDBC URL of the MySQL database (jdbc:mysql://host:3306/name)";

  /** Liberty's message id for a data source whose URL was not given. */
  private static final String NO_URL = "DSRA4014E";

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
   * What an admin must change when this failure comes from settings the server cannot use, or
   * {@code null} when it does not (a database that is away, a wrong password, our own mistake).
   */
  public static String problem(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      // an injection that failed keeps Liberty's message; a plain lookup loses it on the way
      if (String.valueOf(t.getMessage()).contains(NO_URL)
          || t instanceof NotCreated && urlSetButEmpty()) {
        return EMPTY_URL;
      }
    }
    return null;
  }

  /** As the admin set it: in the environment or in the server's server.env. */
  private static boolean urlSetButEmpty() {
    String url = System.getenv("SEATLEDGER_DB_URL");
    return url != null && url.isBlank();
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
