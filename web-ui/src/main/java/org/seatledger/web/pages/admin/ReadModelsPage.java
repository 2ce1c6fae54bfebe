package org.seatledger.web.pages.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.seatledger.audit.api.AuditQueries;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.reporting.api.ReportingQueries;
import org.seatledger.web.messaging.IntegrationRelay;
import org.seatledger.web.pages.FormAnswers;

/**
 * {@code /admin/read-models}: every projection — the reporting module's, the audit trail and, with
 * a broker configured, the integration relay (RETRYING with the reason while the broker is away) —
 * with its status, checkpoint, head and lag, the error and position where one stopped; pause,
 * resume, retry, and a rebuild after a confirmation ({@code ?confirm=rebuild&name=…}). While a
 * rebuild runs {@code js/read-models.js} reloads the table every two seconds: progress, rate, time
 * left, and the switch to the new rows when it is done. The same services as {@code
 * /api/admin/projections}.
 */
@Named
@RequestScoped
public class ReadModelsPage {

  static final String ADDRESS = "/admin/read-models";

  @Inject ReportingQueries reporting;
  @Inject AuditQueries audit;
  @Inject IntegrationRelay relay;
  @Inject FacesContext faces;
  @Inject FormAnswers answers;

  private List<ProjectionStatus> all;

  public List<ProjectionStatus> getProjections() {
    if (all == null) {
      all = new ArrayList<>(reporting.projections());
      all.addAll(audit.projections());
      all.addAll(relay.projections());
    }
    return all;
  }

  /** True while any rebuild runs: the page then refreshes itself. */
  public boolean isRebuilding() {
    return getProjections().stream().anyMatch(p -> p.rebuild() != null);
  }

  /** The projection a confirmation is about ({@code ?name=}), when it exists. */
  public ProjectionStatus getConfirming() {
    return find(faces.getExternalContext().getRequestParameterMap().get("name")).orElse(null);
  }

  public void pause(String name) {
    boolean done = reporting.pause(name) || audit.pause(name) || relay.pause(name);
    answer(
        name,
        done,
        name + " is paused on every server; it applies nothing until resumed.",
        "only a running read model pauses.");
  }

  public void resume(String name) {
    boolean done = reporting.resume(name) || audit.resume(name) || relay.resume(name);
    answer(
        name,
        done,
        name + " resumed; it catches up from its checkpoint.",
        "only a paused read model resumes.");
  }

  public void retry(String name) {
    boolean done = reporting.retry(name) || audit.retry(name) || relay.retry(name);
    answer(name, done, name + " tries the event it stopped at again.", "it could not be retried.");
  }

  public void rebuild(String name) {
    boolean done = reporting.rebuild(name) || audit.rebuild(name);
    answer(
        name,
        done,
        "The rebuild of " + name + " started; the current rows keep serving until it is done.",
        "a rebuild of it is already running.");
  }

  private void answer(String name, boolean done, String success, String why) {
    Optional<ProjectionStatus> status = find(name);
    if (status.isEmpty()) {
      answers.refuse(null, "There is no read model '" + name + "'.");
    } else if (!done) {
      answers.refuse(null, name + " is " + status.get().status() + ": " + why);
    } else {
      answers.done(ADDRESS, success);
    }
  }

  private Optional<ProjectionStatus> find(String name) {
    return getProjections().stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The rebuild's progress in whole percent. */
  public long percent(ProjectionStatus.Rebuild rebuild) {
    return rebuild.total() <= 0 ? 0 : Math.min(100, rebuild.done() * 100 / rebuild.total());
  }

  /** A lag in time as a person reads it: "none", "350 ms", "12 s", "4 min". */
  public String lag(long millis) {
    if (millis <= 0) {
      return "none";
    }
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 120_000) {
      return millis / 1000 + " s";
    }
    return millis / 60_000 + " min";
  }

  /** Seconds left as a person reads them. */
  public String eta(long seconds) {
    return seconds < 120 ? seconds + " s" : seconds / 60 + " min";
  }
}
