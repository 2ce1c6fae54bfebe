package org.seatledger.web.infrastructure;

import jakarta.persistence.PersistenceException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every part of the application says when the database cannot be used, and how it tells such a
 * failure from our own bugs.
 *
 * <p>A failure counts as the database's when its cause chain holds a {@link SQLException}, a
 * connector's {@code jakarta.resource.ResourceException} (the pool could not get a connection) or a
 * {@link PersistenceException} — wherever it was wrapped, e.g. in an {@code IllegalStateException}
 * — and holds none of the SQL errors that mean our statement or data was wrong: a constraint
 * violation (a duplicate is a conflict, not an outage), a syntax error, bad data, an unsupported
 * feature. Those stay distinguishable and are answered as what they are.
 */
public final class DatabaseOutage {

  /** The sentence a person reads, on the API and on pages. */
  public static final String SENTENCE = "The database is not reachable; try again shortly.";

  /** The same for a person at a page of the site. */
  public static final String PAGE_SENTENCE =
      "Seat Ledger cannot reach its database right now; please try again in a moment.";

  /** Seconds a client should wait before trying again. */
  public static final String RETRY_AFTER_SECONDS = "5";

  private static final Logger LOG = Logger.getLogger(DatabaseOutage.class.getName());
  private static final long LOG_EVERY_MILLIS = 60_000;
  private static final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE / 2);

  /**
   * Known by name: the Connectors API is not visible to the application without Liberty's {@code
   * connectors} feature, and naming the class in code fails with NoClassDefFoundError.
   */
  private static final String RESOURCE_EXCEPTION = "jakarta.resource.ResourceException";

  private DatabaseOutage() {}

  /** True when this failure came from the database being unusable, not from our own mistake. */
  public static boolean causedBy(Throwable failure) {
    boolean database = false;
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof SQLIntegrityConstraintViolationException
          || t instanceof SQLSyntaxErrorException
          || t instanceof SQLDataException
          || t instanceof SQLFeatureNotSupportedException) {
        return false;
      }
      if (t instanceof SQLException
          || t instanceof PersistenceException
          || isA(t, RESOURCE_EXCEPTION)) {
        database = true;
      }
    }
    return database;
  }

  /**
   * Writes the driver's own words to the server log — never to a client — at most once a minute
   * while the database stays away, so an outage does not flood the log with one stack per request.
   */
  public static void noticed(Throwable failure) {
    long now = System.currentTimeMillis();
    long last = lastLogged.get();
    if (now - last >= LOG_EVERY_MILLIS && lastLogged.compareAndSet(last, now)) {
      String settings = DatabaseSettings.problem(failure);
      if (settings != null) {
        LOG.severe("The database cannot be used: " + settings + ". (" + rootMessage(failure) + ")");
      } else {
        LOG.log(Level.WARNING, "The database cannot be used: " + rootMessage(failure), failure);
      }
    } else {
      LOG.log(Level.FINE, "The database cannot be used", failure);
    }
  }

  private static boolean isA(Throwable t, String className) {
    for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
      if (type.getName().equals(className)) {
        return true;
      }
    }
    return false;
  }

  static String rootMessage(Throwable failure) {
    Throwable root = failure;
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    while (root.getCause() != null && seen.add(root)) {
      root = root.getCause();
    }
    return root.getClass().getName() + ": " + root.getMessage();
  }
}
