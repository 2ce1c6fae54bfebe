package org.seatledger.web.pages.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.web.application.ReadModelOperations;
import org.seatledger.web.pages.FormAnswers;

/**
 * {@code /admin/log}: the log's head, the contiguity check (run on demand and on a schedule, its
 * results kept: the last one and the ones before it), and the slowest read model — the promise that
 * no event is ever skipped, made visible.
 */
@Named
@RequestScoped
public class LogPage {

  @Inject LogMonitor monitor;
  @Inject ReadModelOperations readModels;
  @Inject SecurityContext security;
  @Inject FormAnswers answers;

  public long getHead() {
    return monitor.head();
  }

  /** How many kept checks the page lists. */
  static final int RECENT = 10;

  private List<LogChecks.Check> recent;

  /** The newest kept check, or null when none has run yet. */
  public LogChecks.Check getLastCheck() {
    List<LogChecks.Check> checks = getRecentChecks();
    return checks.isEmpty() ? null : checks.get(0);
  }

  /** The newest kept checks, newest first. */
  public List<LogChecks.Check> getRecentChecks() {
    if (recent == null) {
      recent = monitor.recent(RECENT);
    }
    return recent;
  }

  /** How often the scheduled check runs, as a person reads it; "never" when it is off. */
  public String getSchedule() {
    try {
      Duration every = monitor.interval();
      if (every.isZero()) {
        return "never (only on demand)";
      }
      long seconds = every.toSeconds();
      if (seconds % 3600 == 0) {
        return "every " + plural(seconds / 3600, "hour");
      }
      if (seconds % 60 == 0) {
        return "every " + plural(seconds / 60, "minute");
      }
      return "every " + plural(seconds, "second");
    } catch (RuntimeException unreadable) {
      return "never: SEATLEDGER_LOG_CHECK_INTERVAL is not a duration such as PT10M";
    }
  }

  private static String plural(long count, String unit) {
    return count == 1 ? unit : count + " " + unit + "s";
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
    return readModels.all().stream()
        .max(
            Comparator.comparingLong(ProjectionStatus::lagEvents)
                .thenComparingLong(ProjectionStatus::lagMillis))
        .orElse(null);
  }

  public void check() {
    LogChecks.Check check = monitor.check(security.getCallerPrincipal().getName());
    if (check.result().contiguous()) {
      answers.done("/admin/log", "Checked: " + check.result().sentence());
    } else {
      answers.refuse(null, "The log has a problem: " + check.result().sentence());
    }
  }
}
