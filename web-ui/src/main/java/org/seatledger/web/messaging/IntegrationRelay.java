package org.seatledger.web.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.List;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.LogAdvanced;
import org.seatledger.eventlog.api.SchemaReady;
import org.seatledger.eventlog.api.projection.ProjectionHost;
import org.seatledger.eventlog.api.projection.ProjectionSet;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.eventlog.api.projection.Projectors;

/**
 * Runs the integration relay ({@link RelayProjection}) on the projection engine when a broker is
 * configured ({@link MessagingSettings}), and lets admins see and steer it beside the read models:
 * {@code /api/admin/projections} and {@code /admin/read-models} list it, with RETRYING and the
 * reason while the broker is away. Readiness does not count it: the rest of the application serves
 * while the broker is away, and the relay catches up from its checkpoint when it is back.
 *
 * <p>Its checkpoint is a row of the web module's {@code web_projections}; the checkpoint's
 * compare-and-set makes several servers relay each batch once between them (as for read models).
 */
@ApplicationScoped
public class IntegrationRelay {

  @Inject ProjectionHost host;
  @Inject EventLog log;
  @Inject KafkaPublisher publisher;

  private volatile Projectors projectors;

  void start(@Observes SchemaReady ready) {
    if (MessagingSettings.enabled(System.getenv())) {
      projectors =
          host.projectors(
              new ProjectionSet(
                  "web_projections",
                  List.of(new RelayProjection(new BookingConferences(log), publisher))));
    }
  }

  /** After each commit: relay it now rather than at the next tick. */
  void wake(@ObservesAsync LogAdvanced advanced) {
    Projectors running = projectors;
    if (running != null) {
      running.wake(advanced.position());
    }
  }

  /** The relay's status, or nothing when no broker is configured. */
  public List<ProjectionStatus> projections() {
    Projectors running = projectors;
    return running == null ? List.of() : running.status();
  }

  public boolean retry(String name) {
    Projectors running = projectors;
    return running != null && running.retry(name);
  }

  public boolean pause(String name) {
    Projectors running = projectors;
    return running != null && running.pause(name);
  }

  public boolean resume(String name) {
    Projectors running = projectors;
    return running != null && running.resume(name);
  }
}
