package org.seatledger.eventlog.projection;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.eventlog.api.projection.Projectors;

/**
 * The runners of one projection set, their timer and their wake-ups. Each runner catches up on a
 * task of its own on the managed executor, side by side: one slow read model (or one busy with a
 * long batch) does not hold back the others' lag.
 */
final class ProjectorGroup implements Projectors {

  private static final Logger LOG = Logger.getLogger(ProjectorGroup.class.getName());

  private final Map<String, ProjectionRunner> runners = new LinkedHashMap<>();
  private final ScheduledExecutorService executor;
  private final boolean wakeUp;
  private ScheduledFuture<?> timer;
  private boolean stopped;

  /**
   * @param wakeUp false: {@link #wake()} does nothing, the timer alone keeps the projections
   *     current
   */
  ProjectorGroup(
      List<ProjectionRunner> runners, ScheduledExecutorService executor, boolean wakeUp) {
    runners.forEach(runner -> this.runners.put(runner.name(), runner));
    this.executor = executor;
    this.wakeUp = wakeUp;
  }

  /** Starts the timer (its first tick at once), unless it runs or the group was stopped. */
  synchronized void start(long intervalMillis) {
    if (timer == null && !stopped) {
      timer =
          executor.scheduleWithFixedDelay(this::runAll, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public synchronized void stop() {
    stopped = true;
    if (timer != null) {
      timer.cancel(false);
    }
  }

  @Override
  public List<String> names() {
    return List.copyOf(runners.keySet());
  }

  @Override
  public void wake() {
    if (wakeUp) {
      runAll();
    }
  }

  @Override
  public void wake(long position) {
    if (wakeUp) {
      for (ProjectionRunner runner : runners.values()) {
        if (runner.behind(position)) {
          run(runner, () -> runner.catchUpTo(position));
        }
      }
    }
  }

  private void runAll() {
    runners.values().forEach(this::runSoon);
  }

  private void runSoon(ProjectionRunner runner) {
    run(runner, runner::runOnce);
  }

  private void run(ProjectionRunner runner, Runnable pass) {
    try {
      executor.execute(pass);
    } catch (RejectedExecutionException stopping) {
      // the server is stopping: the projection catches up from its checkpoint at the next start
      LOG.log(Level.FINE, "projection " + runner.name() + " not woken: shutting down", stopping);
    }
  }

  @Override
  public long position(String projection) {
    return runner(projection).position();
  }

  @Override
  public int generation(String projection) {
    return runner(projection).generation();
  }

  @Override
  public boolean awaitPosition(String projection, long position, Duration patience) {
    ProjectionRunner runner = runners.get(projection);
    return runner != null && runner.awaitPosition(position, patience);
  }

  @Override
  public List<ProjectionStatus> status() {
    return runners.values().stream().map(ProjectionRunner::status).toList();
  }

  @Override
  public boolean retry(String projection) {
    ProjectionRunner runner = runners.get(projection);
    if (runner == null) {
      return false;
    }
    runner.retry();
    runner.runOnce();
    return true;
  }

  @Override
  public boolean pause(String projection) {
    ProjectionRunner runner = runners.get(projection);
    return runner != null && runner.pause();
  }

  @Override
  public boolean resume(String projection) {
    ProjectionRunner runner = runners.get(projection);
    if (runner == null || !runner.resume()) {
      return false;
    }
    runSoon(runner);
    return true;
  }

  @Override
  public boolean rebuild(String projection) {
    ProjectionRunner runner = runners.get(projection);
    if (runner == null || !runner.startRebuild()) {
      return false;
    }
    runSoon(runner);
    return true;
  }

  private ProjectionRunner runner(String projection) {
    ProjectionRunner runner = runners.get(projection);
    if (runner == null) {
      throw new IllegalArgumentException("no projection " + projection + " here: " + names());
    }
    return runner;
  }
}
