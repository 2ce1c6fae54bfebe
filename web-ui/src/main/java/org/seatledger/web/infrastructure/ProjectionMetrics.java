package org.seatledger.web.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.seatledger.audit.api.AuditQueries;
import org.seatledger.booking.api.BookingCommands;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.reporting.api.ReportingQueries;
import org.seatledger.web.messaging.IntegrationRelay;

/**
 * Projection lag on {@code /metrics}: {@code seatledger_projection_lag_events}, {@code
 * seatledger_projection_lag_milliseconds}, {@code seatledger_projection_stopped}, {@code …_paused}
 * and {@code …_retrying} (the integration relay while its broker is away), one series per
 * projection (the relay's -1 when no broker is configured), read at most once a second however
 * often Prometheus asks; and {@code seatledger_command_retries}, how often a batch of commands was
 * decided again because another server had changed its streams first.
 */
@ApplicationScoped
public class ProjectionMetrics {

  private static final List<String> NAMES =
      List.of(
          ReportingQueries.AVAILABILITY,
          ReportingQueries.BOOKINGS,
          ReportingQueries.STATS,
          "audit.trail",
          "integration.relay");

  @Inject MetricRegistry metrics;
  @Inject ReportingQueries reporting;
  @Inject AuditQueries audit;
  @Inject BookingCommands commands;
  @Inject IntegrationRelay relay;

  private volatile Map<String, ProjectionStatus> latest = Map.of();
  private volatile long readAt;

  void register(@Observes Startup startup) {
    metrics.gauge("seatledger_command_retries", commands::conflictRetries);
    for (String name : NAMES) {
      Tag projection = new Tag("projection", name);
      metrics.gauge(
          "seatledger_projection_lag_events", () -> value(name, s -> s.lagEvents()), projection);
      metrics.gauge(
          "seatledger_projection_lag_milliseconds",
          () -> value(name, s -> s.lagMillis()),
          projection);
      metrics.gauge(
          "seatledger_projection_stopped",
          () -> value(name, s -> "STOPPED".equals(s.status()) ? 1 : 0),
          projection);
      metrics.gauge(
          "seatledger_projection_retrying",
          () -> value(name, s -> "RETRYING".equals(s.status()) ? 1 : 0),
          projection);
      metrics.gauge(
          "seatledger_projection_paused",
          () -> value(name, s -> "PAUSED".equals(s.status()) ? 1 : 0),
          projection);
    }
  }

  private long value(String name, java.util.function.ToLongFunction<ProjectionStatus> field) {
    if (System.currentTimeMillis() - readAt > 1000) {
      try {
        Map<String, ProjectionStatus> fresh = new ConcurrentHashMap<>();
        List<ProjectionStatus> all = new ArrayList<>(reporting.projections());
        all.addAll(audit.projections());
        all.addAll(relay.projections());
        all.forEach(status -> fresh.put(status.name(), status));
        latest = fresh;
      } catch (RuntimeException databaseAway) {
        latest = Map.of();
      }
      readAt = System.currentTimeMillis();
    }
    ProjectionStatus status = latest.get(name);
    return status == null ? -1 : field.applyAsLong(status);
  }
}
