package org.seatledger.eventlog.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.seatledger.eventlog.api.SchemaReady;

/**
 * EclipseLink repeats a read that met a broken connection outside a transaction three times, five
 * seconds apart: with the database away, every such read took ten seconds to fail, and the request
 * waiting on it as long. Liberty's pool already drops broken connections (purge policy
 * ValidateAllConnections), so one immediate retry is enough to step over a connection that died
 * while the database restarted; when the database is really away, the read fails at once and the
 * caller answers 503.
 *
 * <p>JPA has no property for this, and EclipseLink's own way, a session customizer, implements an
 * EclipseLink interface that Liberty hides from applications unless each one — the in-container
 * test deployments too — is given third-party API visibility. So the two settings are made here,
 * through the public methods of the session's login ({@code DatabaseLogin}), found by name, once
 * the schema is ready ({@link SchemaReady}): the database has just been reached then, so the unit
 * can start. Should it still fail, the settings are tried again every few seconds; until then reads
 * keep EclipseLink's default, which a warning says once. Nothing else depends on it.
 */
@ApplicationScoped
public class FailFastReads {

  static final int RETRIES = 1;
  private static final long TRY_AGAIN_SECONDS = 5;

  private static final Logger LOG = Logger.getLogger(FailFastReads.class.getName());

  @PersistenceUnit(unitName = "eventlog")
  EntityManagerFactory factory;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private boolean warned;

  void onSchemaReady(@Observes SchemaReady ready) {
    apply();
  }

  /**
   * Makes the settings, or, when the persistence unit cannot start yet (the database is away at
   * start-up, so EclipseLink cannot log in), tries again every few seconds until it can.
   */
  private void apply() {
    EntityManager entityManager = null;
    try {
      entityManager = factory.createEntityManager();
      Object eclipseLink = entityManager.getDelegate();
      Object session = eclipseLink.getClass().getMethod("getDatabaseSession").invoke(eclipseLink);
      Object login = session.getClass().getMethod("getLogin").invoke(session);
      login.getClass().getMethod("setQueryRetryAttemptCount", int.class).invoke(login, RETRIES);
      login.getClass().getMethod("setDelayBetweenConnectionAttempts", int.class).invoke(login, 0);
      if (warned) {
        LOG.info("Reads that meet a dead database now fail at once.");
      }
    } catch (ReflectiveOperationException e) {
      LOG.log(
          Level.WARNING,
          "Reads that meet a dead database keep EclipseLink's default of three retries five"
              + " seconds apart: this EclipseLink has no "
              + e.getMessage(),
          e);
    } catch (RuntimeException e) {
      if (!warned) {
        warned = true;
        LOG.log(
            Level.WARNING,
            "Reads that meet a dead database keep EclipseLink's default of three retries five"
                + " seconds apart until the persistence unit starts; trying again every "
                + TRY_AGAIN_SECONDS
                + " s: "
                + e,
            e);
      }
      try {
        scheduler.schedule(this::apply, TRY_AGAIN_SECONDS, TimeUnit.SECONDS);
      } catch (RuntimeException stopping) {
        // the server is stopping: nothing left to make fast
      }
    } finally {
      if (entityManager != null) {
        entityManager.close();
      }
    }
  }
}
