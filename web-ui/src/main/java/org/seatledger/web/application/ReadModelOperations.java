package org.seatledger.web.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.seatledger.audit.api.AuditQueries;
import org.seatledger.eventlog.api.CommandMetadata;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.eventlog.api.StreamAppend;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.reporting.api.ReportingQueries;
import org.seatledger.web.messaging.IntegrationRelay;

/**
 * What an admin does to the read models — pause, resume, retry, rebuild — for the read-models page
 * and {@code /api/admin/projections} alike: the reporting module's, the audit trail's and the
 * integration relay's (which keeps no rows, so it is never rebuilt), by name. Each operation that
 * takes effect is recorded as a {@link ReadModelEvent} naming who did it.
 */
@ApplicationScoped
public class ReadModelOperations {

  /** What an operation came to. */
  public enum Outcome {
    /** Done, and recorded. */
    DONE,
    /** There is no read model of that name. */
    NOT_FOUND,
    /** Not possible in its state (pausing a paused one, a second rebuild); nothing recorded. */
    REFUSED
  }

  @Inject ReportingQueries reporting;
  @Inject AuditQueries audit;
  @Inject IntegrationRelay relay;
  @Inject EventStore store;

  /** Every read model, the reporting module's first. */
  public List<ProjectionStatus> all() {
    List<ProjectionStatus> all = new ArrayList<>(reporting.projections());
    all.addAll(audit.projections());
    all.addAll(relay.projections());
    return all;
  }

  public Optional<ProjectionStatus> find(String name) {
    return all().stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public Outcome pause(String actor, String name) {
    if (find(name).isEmpty()) {
      return Outcome.NOT_FOUND;
    }
    return recorded(
        reporting.pause(name) || audit.pause(name) || relay.pause(name),
        actor,
        new ReadModelEvent.ReadModelPaused(name));
  }

  public Outcome resume(String actor, String name) {
    if (find(name).isEmpty()) {
      return Outcome.NOT_FOUND;
    }
    return recorded(
        reporting.resume(name) || audit.resume(name) || relay.resume(name),
        actor,
        new ReadModelEvent.ReadModelResumed(name));
  }

  /**
   * Lets a stopped read model try the event it stopped at again. On one that is not stopped it
   * changes nothing, and nothing is recorded.
   */
  public Outcome retry(String actor, String name) {
    Optional<ProjectionStatus> before = find(name);
    if (before.isEmpty()) {
      return Outcome.NOT_FOUND;
    }
    boolean done = reporting.retry(name) || audit.retry(name) || relay.retry(name);
    if (!"STOPPED".equals(before.get().status())) {
      return done ? Outcome.DONE : Outcome.REFUSED;
    }
    return recorded(
        done, actor, new ReadModelEvent.ReadModelRetried(name, before.get().errorPosition()));
  }

  public Outcome rebuild(String actor, String name) {
    Optional<ProjectionStatus> before = find(name);
    if (before.isEmpty()) {
      return Outcome.NOT_FOUND;
    }
    return recorded(
        reporting.rebuild(name) || audit.rebuild(name),
        actor,
        new ReadModelEvent.ReadModelRebuildStarted(name, before.get().head()));
  }

  private Outcome recorded(boolean done, String actor, ReadModelEvent event) {
    if (!done) {
      return Outcome.REFUSED;
    }
    String id = UUID.randomUUID().toString();
    store.append(
        new CommandMetadata(id, id, id, actor, null),
        List.of(
            new StreamAppend(
                ReadModelEvent.streamOf(event.readModel()),
                ReadModelEvent.STREAM_TYPE,
                ExpectedVersion.ANY,
                List.of(event))),
        "{}");
    return Outcome.DONE;
  }
}
