package org.seatledger.booking.eventstore;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink repeats a read that met a broken connection outside a transaction three times, five
 * seconds apart: with the database away, every such read took ten seconds to fail, and the request
 * waiting on it as long. Liberty's pool already drops broken connections (purge policy
 * ValidateAllConnections), so one immediate retry is enough to step over a connection that died
 * while the database restarted; when the database is really away, the read fails at once and the
 * caller answers 503.
 */
public class FailFastReads implements SessionCustomizer {

  static final int RETRIES = 1;

  @Override
  public void customize(Session session) {
    if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
      login.setQueryRetryAttemptCount(RETRIES);
      login.setDelayBetweenConnectionAttempts(0);
    }
  }
}
