package org.seatledger.eventlog.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Where the committer sends a group in one round trip ({@link OneTripAppend}): the data source
 * {@value #JNDI_NAME}, the application's database on connections that take several statements in
 * one text (the server's configuration sets Connector/J's {@code allowMultiQueries} there and
 * nowhere else: no other statement of the server may carry a second one).
 *
 * <p>A server without it — an administrator's own {@code server.xml} that defines only {@code
 * jdbc/seatledger} — or whose connections there take one statement at a time, writes every group
 * the ordinary way: correct, with five to seven round trips a group instead of one. The log says so
 * once.
 */
@ApplicationScoped
public class OneTripConnections {

  static final String JNDI_NAME = "jdbc/seatledger-appends";

  private static final Logger LOG = Logger.getLogger(OneTripConnections.class.getName());

  private volatile Optional<DataSource> source;

  public OneTripConnections() {}

  /** Connections already found (tests). */
  OneTripConnections(DataSource known) {
    source = Optional.of(known);
  }

  /** The data source, or empty when there is none to use; looked up once. */
  Optional<DataSource> source() {
    Optional<DataSource> known = source;
    if (known == null) {
      synchronized (this) {
        known = source;
        if (known == null) {
          known = lookUp();
          source = known;
        }
      }
    }
    return known;
  }

  /** Its connections answered a text of several statements with a syntax error: not used again. */
  void refusedSeveralStatements(SQLException refusal) {
    source = Optional.empty();
    LOG.warning(
        "the connections of "
            + JNDI_NAME
            + " take one statement at a time ("
            + refusal.getMessage()
            + "): appends are written the ordinary way, five to seven round trips a group; set"
            + " allowMultiQueries=\"true\" on that data source's properties (README, Configuration)");
  }

  private static Optional<DataSource> lookUp() {
    try {
      return Optional.of(InitialContext.doLookup(JNDI_NAME));
    } catch (NamingException | RuntimeException absent) {
      LOG.warning(
          "no data source "
              + JNDI_NAME
              + " ("
              + absent
              + "): appends are written the ordinary way, five to seven round trips a group;"
              + " the server.xml of the liberty module defines it (README, Configuration)");
      return Optional.empty();
    }
  }
}
