package org.seatledger.eventlog.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.eventlog.api.projection.Projectors;

/**
 * The runners of one projection set, their timer and their wake-ups. On the timer and {@link
 * #wake()} each runner catches up on a task of its own on the managed executor, side by side: one
 * slow read model (or one busy with a long batch) does not hold back the others' lag. After a
 * commit ({@link #wake(long)}) the runners that are behind first try to catch up together, in one
 * task and one transaction per page ({@link GroupStep}); any of them the group step leaves behind
 * (busy, paused, rebuilding, failing) then takes its own pass as above.
 */
final class ProjectorGroup implements Projectors {

  private static final Logger LOG = Logger.getLogger(ProjectorGroup.class.getName());
  private static final int MAX_STEPS_TOGETHER = 200;
  private static final int MAX_ROUNDS_TOGETHER = 1_000;

  private final Map<String, ProjectionRunner> runners = new LinkedHashMap<>();
  private final ScheduledExecutorService executor;
  private final boolean wakeUp;
  private final GroupStep together;
  private ScheduledFuture<?> timer;
  private boolean stopped;

  /**
   * @param wakeUp false: {@link #wake()} does nothing, the timer alone keeps the projections
   *     current
   * @param together the step that catches several of them up in one transaction after a commit;
   *     null: each on its own
   */
  ProjectorGroup(
      List<ProjectionRunner> runners,
      ScheduledExecutorService executor,
      boolean wakeUp,
      GroupStep together) {
    runners.forEach(runner -> this.runners.put(runner.name(), runner));
    this.executor = executor;
    this.wakeUp = wakeUp;
    this.together = together;
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

  /**
   * After a commit: the projections behind it catch up together in one task and one transaction per
   * page ({@link GroupStep}) when there are several; those the group step leaves behind (busy with
   * a pass of their own, paused, rebuilding, failing) take their own passes, side by side.
   */
  @Override
  public void wake(long position) {
    if (!wakeUp) {
      return;
    }
    if (together != null && runners.values().stream().filter(r -> r.behind(position)).count() > 1) {
      run(runners.values().iterator().next(), () -> together(position));
    } else {
      wakeBehind(position);
    }
  }

  private void wakeBehind(long position) {
    for (ProjectionRunner runner : runners.values()) {
      if (runner.behind(position)) {
        run(runner, () -> runner.catchUpTo(position));
      }
    }
  }

  /**
   * Steps the runners behind {@code position} together, and again for as long as several of them
   * were asked for another pass meanwhile: under a steady stream of commits every wake-up arrives
   * while the step before runs, and each runner going on alone afterwards would pay a transaction
   * and a read of the same page of its own. Runners left with a request alone, or after a step the
   * group declined (one of them failing, paused, rebuilding), take their own passes.
   */
  private void together(long position) {
    List<ProjectionRunner> taken = take(runners.values(), r -> r.behind(position));
    boolean askedFor = false; // taken because a pass was asked for during the step before
    for (int round = 0; taken.size() > 1 && round < MAX_ROUNDS_TOGETHER; round++) {
      boolean stepped = false;
      List<ProjectionRunner> asked = new ArrayList<>();
      try {
        stepped = stepTogether(taken);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "projections could not catch up together now", e);
      } finally {
        for (ProjectionRunner runner : taken) {
          if (runner.giveBack()) {
            asked.add(runner);
          }
        }
      }
      taken = List.of();
      if (!stepped) {
        asked.forEach(this::runSoon);
        break;
      }
      taken = take(asked, runner -> true);
      askedFor = true;
    }
    // one left (or the rounds used up): its own pass, if one was asked for
    for (ProjectionRunner runner : taken) {
      if (runner.giveBack() || askedFor) {
        runSoon(runner);
      }
    }
    wakeBehind(position);
  }

  /**
   * Those of {@code candidates} that {@code want} and could be taken ({@link
   * ProjectionRunner#take}).
   */
  private static List<ProjectionRunner> take(
      Collection<ProjectionRunner> candidates, Predicate<ProjectionRunner> want) {
    List<ProjectionRunner> taken = new ArrayList<>();
    for (ProjectionRunner runner : candidates) {
      if (want.test(runner) && runner.take()) {
        taken.add(runner);
      }
    }
    return taken;
  }

  /** Steps {@code taken} together until caught up; false when the group step was declined. */
  private boolean stepTogether(List<ProjectionRunner> taken) {
    Map<String, ProjectionRunner> byName = new LinkedHashMap<>();
    taken.forEach(runner -> byName.put(runner.name(), runner));
    for (int i = 0; i < MAX_STEPS_TOGETHER; i++) {
      long started = System.nanoTime();
      GroupStep.Outcome outcome = together.run(List.copyOf(byName.keySet()));
      if (outcome instanceof GroupStep.Moved moved) {
        long took = System.nanoTime() - started;
        moved.applied().forEach((name, part) -> byName.get(name).advanced(moved.to(), part, took));
        if (!moved.full()) {
          return true;
        }
      } else if (outcome instanceof GroupStep.Idle idle) {
        idle.positions().forEach((name, at) -> byName.get(name).advanced(at));
        return true;
      } else {
        return false;
      }
    }
    return true;
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
