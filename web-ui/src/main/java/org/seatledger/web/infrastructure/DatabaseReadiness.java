package org.seatledger.web.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means: the database answers and every module's schema is migrated. A load balancer sends no
 * traffic to a server that is not ready.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  private static final int VALIDATION_TIMEOUT_SECONDS = 2;

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  @Inject SchemaMigrations migrations;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
        return response.down().withData("reason", "the database did not answer in time").build();
      }
      DatabaseMetaData meta = connection.getMetaData();
      response.withData(
          "database", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
    } catch (SQLException e) {
      return response.down().withData("reason", "no connection: " + e.getMessage()).build();
    }
    String failure = migrations.failure();
    if (failure != null) {
      return response.down().withData("reason", failure).build();
    }
    migrations.versions().forEach((module, version) -> response.withData(module, version));
    return response.up().build();
  }
}
