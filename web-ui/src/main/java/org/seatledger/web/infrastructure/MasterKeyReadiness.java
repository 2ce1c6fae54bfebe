package org.seatledger.web.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.seatledger.eventlog.api.MasterKeyAdmin;
import org.seatledger.eventlog.api.SchemaReady;

/**
 * Ready only while this server holds the master key the database names: a server with another key
 * would refuse every booking with personal data, so a load balancer should send it nothing. The
 * check runs once at start-up as soon as the schema is there (recording the key on a new database,
 * logging what to do on a mismatch) and again on every readiness probe.
 */
@Readiness
@ApplicationScoped
public class MasterKeyReadiness implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(MasterKeyReadiness.class.getName());

  @Inject MasterKeyAdmin masterKey;
  @Inject SchemaMigrations migrations;

  void onSchemaReady(@Observes SchemaReady ready) {
    try {
      masterKey.mismatch(); // a mismatch is logged SEVERE, with what to do, by the check itself
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the master key could not be checked at start-up; checked later", e);
    }
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("master-key");
    if (migrations.failure() != null) {
      return response.down().withData("reason", "waiting for the database schema").build();
    }
    Optional<String> mismatch;
    try {
      mismatch = masterKey.mismatch();
    } catch (RuntimeException e) {
      return response
          .down()
          .withData("reason", "the master key could not be compared with the database's")
          .build();
    }
    return mismatch
        .map(reason -> response.down().withData("reason", reason))
        .orElseGet(response::up)
        .build();
  }
}
