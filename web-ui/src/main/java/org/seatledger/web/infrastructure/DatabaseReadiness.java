package org.seatledger.web.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means: the database answers and every module's schema is migrated. A load balancer sends no
 * traffic to a server that is not ready.
 *
 * <p>This endpoint needs no sign-in, so it says only that the database is not reachable; the
 * driver's own message goes to the server log, once when the database goes away and once when it is
 * back — not on every probe. Settings that cannot work (an empty or foreign {@code
 * SEATLEDGER_DB_URL}, a refused password, a database that does not exist: {@link DatabaseSettings})
 * are the one exception: the reason then names the setting, which tells nobody anything about the
 * database but tells the admin what to change.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  private static final int VALIDATION_TIMEOUT_SECONDS = 2;
  static final String NOT_REACHABLE = "the database is not reachable";
  private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

  /** Whether the last probe reached the database; a change of it is logged. */
  private final AtomicBoolean reachable = new AtomicBoolean(true);

  /**
   * Looked up by the probe, not injected, so that unusable settings fail the probe, not the bean.
   */
  private static final String DATA_SOURCE = "jdbc/seatledger";

  private volatile DataSource dataSource;

  @Inject SchemaMigrations migrations;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
    try (Connection connection = dataSource().getConnection()) {
      if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
        wentAway("the connection did not answer within " + VALIDATION_TIMEOUT_SECONDS + " s", null);
        return response.down().withData("reason", NOT_REACHABLE).build();
      }
      if (reachable.compareAndSet(false, true)) {
        LOG.info("The database is reachable again.");
      }
      DatabaseMetaData meta = connection.getMetaData();
      response.withData(
          "database", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
    } catch (SQLException e) {
      String settings = DatabaseSettings.problem(e);
      if (settings == null) {
        // the application's account has no rights before the first migration grants them: when
        // the migrations cannot run for their settings, that is what the admin must change
        settings = migrations.settingsProblem();
      }
      if (settings != null) {
        return response.down().withData("reason", settings).build();
      }
      wentAway(e.getMessage(), e);
      return response.down().withData("reason", NOT_REACHABLE).build();
    }
    String failure = migrations.failure();
    if (failure != null) {
      return response.down().withData("reason", failure).build();
    }
    migrations.versions().forEach((module, version) -> response.withData(module, version));
    return response.up().build();
  }

  private DataSource dataSource() throws SQLException {
    DataSource known = dataSource;
    if (known == null) {
      known = DatabaseSettings.lookUp(DATA_SOURCE);
      dataSource = known;
    }
    return known;
  }

  private void wentAway(String why, SQLException e) {
    if (reachable.compareAndSet(true, false)) {
      LOG.log(Level.WARNING, "Not ready: the database is not reachable: " + why, e);
    }
  }
}
