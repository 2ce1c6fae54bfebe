package org.seatledger.web.pages.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.seatledger.audit.api.AuditQueries;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.reporting.api.ReportingQueries;
import org.seatledger.web.pages.FormAnswers;

/**
 * {@code /admin/log}: the log's head, the contiguity check (run on demand, its last result kept),
 * and the slowest read model — the promise that no event is ever skipped, made visible.
 */
@Named
@RequestScoped
public class LogPage {

  @Inject LogMonitor monitor;
  @Inject ReportingQueries reporting;
  @Inject AuditQueries audit;
  @Inject SecurityContext security;
  @Inject FormAnswers answers;

  public long getHead() {
    return monitor.head();
  }

  public LogMonitor.Check getLastCheck() {
    return monitor.last();
  }

  /** The read model furthest behind the head (by events, then by time), or null. */
  public ProjectionStatus getSlowest() {
    if (slowest == null) {
      slowest = slowestNow();
    }
    return slowest;
  }

  private ProjectionStatus slowest;

  private ProjectionStatus slowestNow() {
    List<ProjectionStatus> all = new ArrayList<>(reporting.projections());
    all.addAll(audit.projections());
    return all.stream()
        .max(
            Comparator.comparingLong(ProjectionStatus::lagEvents)
                .thenComparingLong(ProjectionStatus::lagMillis))
        .orElse(null);
  }

  public void check() {
    LogMonitor.Check check = monitor.check(security.getCallerPrincipal().getName());
    if (check.result().contiguous()) {
      answers.done("/admin/log", "Checked: " + check.result().sentence());
    } else {
      answers.refuse(null, "The log has a problem: " + check.result().sentence());
    }
  }
}
