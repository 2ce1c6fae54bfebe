package org.seatledger.web.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.reporting.api.ReportingQueries;

/**
 * Not ready while a read model is stopped at a poison event or has fallen far behind: staff would
 * see stale or incomplete data. A read model an admin paused does not count against readiness (its
 * status and lag are shown): the admin chose to let it fall behind.
 */
@Readiness
@ApplicationScoped
public class ProjectionsReadiness implements HealthCheck {

  @Inject ReportingQueries reporting;

  @Inject
  @ConfigProperty(name = "seatledger.max-projection-lag-seconds", defaultValue = "60")
  long maxLagSeconds;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("projections").up();
    try {
      for (ProjectionStatus status : reporting.projections()) {
        response.withData(
            status.name(), status.status() + ", " + status.lagEvents() + " events behind");
        if ("STOPPED".equals(status.status())) {
          response
              .down()
              .withData("reason", status.name() + " stopped at position " + status.errorPosition());
        } else if (!"PAUSED".equals(status.status()) && status.lagMillis() > maxLagSeconds * 1000) {
          response
              .down()
              .withData("reason", status.name() + " is " + status.lagMillis() / 1000 + " s behind");
        }
      }
    } catch (RuntimeException notYet) {
      response.down().withData("reason", "read models not available yet");
    }
    return response.build();
  }
}
