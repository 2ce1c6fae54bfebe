package org.seatledger.web.pages.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.web.application.ReadModelOperations;
import org.seatledger.web.pages.FormAnswers;

/**
 * {@code /admin/read-models}: every projection — the reporting module's, the audit trail and, with
 * a broker configured, the integration relay (RETRYING with the reason while the broker is away) —
 * with its status, checkpoint, head and lag, a chart of its lag over the last minutes ({@link
 * LagSampler}), the error and position where one stopped; pause, resume, retry, and a rebuild after
 * a confirmation ({@code ?confirm=rebuild&name=…}). While a rebuild runs {@code js/read-models.js}
 * reloads the table every two seconds: progress, rate, time left, and the switch to the new rows
 * when it is done. The same services as {@code /api/admin/projections}.
 */
@Named
@RequestScoped
public class ReadModelsPage {

  static final String ADDRESS = "/admin/read-models";

  @Inject ReadModelOperations operations;
  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject FormAnswers answers;
  @Inject LagSampler sampler;

  private List<ProjectionStatus> all;
  private Map<String, LagChart> charts;

  /** Each projection's lag chart over the last minutes, by name. */
  public Map<String, LagChart> getCharts() {
    if (charts == null) {
      charts = new HashMap<>();
      getProjections().forEach(p -> charts.put(p.name(), sampler.chart(p.name())));
    }
    return charts;
  }

  public List<ProjectionStatus> getProjections() {
    if (all == null) {
      all = operations.all();
    }
    return all;
  }

  /**
   * True while any rebuild runs: the page then refreshes itself. A paused or stopped rebuild does
   * not move, so the page stays still (and its buttons stay where they are) until it is let go.
   */
  public boolean isRebuilding() {
    return getProjections().stream().anyMatch(p -> "REBUILDING".equals(p.status()));
  }

  /** The projection a confirmation is about ({@code ?name=}), when it exists. */
  public ProjectionStatus getConfirming() {
    return find(faces.getExternalContext().getRequestParameterMap().get("name")).orElse(null);
  }

  public void pause(String name) {
    answer(
        name,
        operations.pause(actor(), name),
        name + " is paused on every server; it applies nothing until resumed.",
        "only a running read model pauses.");
  }

  public void resume(String name) {
    answer(
        name,
        operations.resume(actor(), name),
        name + " resumed; it catches up from its checkpoint.",
        "only a paused read model resumes.");
  }

  public void retry(String name) {
    answer(
        name,
        operations.retry(actor(), name),
        name + " tries the event it stopped at again.",
        "it could not be retried.");
  }

  public void rebuild(String name) {
    answer(
        name,
        operations.rebuild(actor(), name),
        "The rebuild of " + name + " started; the current rows keep serving until it is done.",
        "a rebuild of it is already running.");
  }

  private String actor() {
    return security.getCallerPrincipal().getName();
  }

  private void answer(
      String name, ReadModelOperations.Outcome outcome, String success, String why) {
    if (outcome == ReadModelOperations.Outcome.NOT_FOUND) {
      answers.refuse(null, "There is no read model '" + name + "'.");
    } else if (outcome == ReadModelOperations.Outcome.REFUSED) {
      String status = find(name).map(ProjectionStatus::status).orElse("gone");
      answers.refuse(null, name + " is " + status + ": " + why);
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
    return lagText(millis);
  }

  static String lagText(long millis) {
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

  /**
   * A rebuild's progress in words: its position of the total, and while it runs its rate and the
   * time left; a paused or stopped one says so instead (its rate since the start means nothing
   * then).
   */
  public String progress(ProjectionStatus p) {
    return progressText(p.status(), p.rebuild());
  }

  static String progressText(String status, ProjectionStatus.Rebuild rebuild) {
    NumberFormat count = NumberFormat.getIntegerInstance(Locale.ENGLISH);
    String at = count.format(rebuild.done()) + " of " + count.format(rebuild.total()) + " events";
    if ("PAUSED".equals(status)) {
      return "Paused at " + at + "; it goes on when resumed.";
    }
    if ("STOPPED".equals(status)) {
      return "Stopped at " + at + "; it goes on after a retry.";
    }
    String rate = count.format(Math.round(rebuild.eventsPerSecond())) + " a second";
    String left =
        rebuild.etaSeconds() < 0 || rebuild.eventsPerSecond() <= 0
            ? "time left not known yet"
            : "about " + etaText(rebuild.etaSeconds()) + " left";
    return at + ", " + rate + ", " + left + ".";
  }

  /** Seconds left as a person reads them. */
  private static String etaText(long seconds) {
    return seconds < 120 ? seconds + " s" : seconds / 60 + " min";
  }
}
