package org.seatledger.web.pages.admin;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.SchemaReady;

/**
 * Runs the contiguity check — on demand and every {@code SEATLEDGER_LOG_CHECK_INTERVAL} — and keeps
 * each result ({@link LogChecks}).
 *
 * <p>Cheap on a big log: a check reads positions only (no payload, nothing decoded) and walks only
 * the positions after the last contiguous check; for those before it, it counts the events up to
 * that position on the primary key's index, and the count must equal the position (no position is
 * ever repeated: it is the primary key). Only when the count differs, or the last check found a
 * problem, does it walk the whole log again to name the first position missing.
 */
@ApplicationScoped
public class LogMonitor {

  private static final Logger LOG = Logger.getLogger(LogMonitor.class.getName());

  /** Positions read per query: only the position column, so a page is small. */
  static final int PAGE = 10_000;

  /** Who a scheduled check is recorded as. */
  static final String SCHEDULE = "schedule";

  @Inject EventLog log;
  @Inject LogChecks checks;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "seatledger.log-check-interval", defaultValue = "PT10M")
  String interval;

  private ScheduledFuture<?> scheduled;

  /** Starts the scheduled check once the web module's table exists. */
  synchronized void onSchemaReady(@Observes SchemaReady ready) {
    Duration every;
    try {
      every = interval();
    } catch (RuntimeException e) {
      LOG.severe(
          "SEATLEDGER_LOG_CHECK_INTERVAL is not an ISO-8601 duration such as PT10M ("
              + interval
              + "); the log is checked only on demand.");
      return;
    }
    if (scheduled == null && !every.isZero()) {
      scheduled =
          scheduler.scheduleWithFixedDelay(
              this::scheduledCheck, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (scheduled != null) {
      scheduled.cancel(false);
    }
  }

  /** The configured interval; zero (or "0") turns the schedule off. */
  Duration interval() {
    return parseInterval(interval);
  }

  static Duration parseInterval(String text) {
    String value = text == null ? "" : text.trim();
    if (value.isEmpty() || value.equals("0")) {
      return Duration.ZERO;
    }
    Duration parsed = Duration.parse(value);
    if (parsed.isNegative()) {
      throw new IllegalArgumentException("SEATLEDGER_LOG_CHECK_INTERVAL is negative: " + text);
    }
    return parsed;
  }

  private void scheduledCheck() {
    try {
      LogChecks.Check check = check(SCHEDULE);
      if (!check.result().contiguous()) {
        LOG.severe("The scheduled log check found a problem: " + check.result().sentence());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the scheduled log check could not run; it runs again later", e);
    }
  }

  /** Checks the log (from where the last good check ended), keeps the result and returns it. */
  public synchronized LogChecks.Check check(String requestedBy) {
    long started = System.nanoTime();
    long from = verifiedUpTo();
    Contiguity contiguity = new Contiguity(from);
    long after = from;
    boolean going = true;
    while (going) {
      long[] page = log.positions(after, PAGE);
      for (long position : page) {
        going = contiguity.next(position);
        if (!going) {
          break;
        }
        after = position;
      }
      going = going && page.length == PAGE;
    }
    LogChecks.Check check =
        new LogChecks.Check(
            contiguity.result(),
            from,
            Instant.now(),
            requestedBy,
            (System.nanoTime() - started) / 1_000_000);
    checks.keep(check);
    return check;
  }

  /**
   * Where the walk may start: the position the newest check found contiguous up to, if the events
   * up to it still number as many; else 0 (walk it all, to name the first position missing).
   */
  private long verifiedUpTo() {
    List<LogChecks.Check> newest = checks.newest(1);
    if (newest.isEmpty() || !newest.get(0).result().contiguous()) {
      return 0;
    }
    long upTo = newest.get(0).result().upTo();
    return upTo > 0 && log.countUpTo(upTo) == upTo ? upTo : 0;
  }

  /** The newest kept check, or null. */
  public LogChecks.Check last() {
    List<LogChecks.Check> newest = checks.newest(1);
    return newest.isEmpty() ? null : newest.get(0);
  }

  /** The newest {@code limit} kept checks, newest first. */
  public List<LogChecks.Check> recent(int limit) {
    return checks.newest(limit);
  }

  public long head() {
    return log.headPosition();
  }
}
