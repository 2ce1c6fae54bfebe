package org.seatledger.eventlog.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.Decoding;
import org.seatledger.eventlog.api.EventDecodingException;
import org.seatledger.eventlog.api.EventPage;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.projection.Projection;

/**
 * What a wake-up after a commit hands to the executor, without a database: the group's step works
 * on checkpoints in a map, and the executor runs the wake-up's own task at once but only records
 * the passes it is handed after it (a pass of a runner of its own would need the database). Commits
 * that arrive during a step are played by the step's page read asking the runners to catch up
 * further, as the wake-up after such a commit does while they are taken.
 */
class ProjectorGroupTest {

  /** Larger than any page here: a step's page is never full, so nothing but a request goes on. */
  private static final int BATCH = 100;

  private final Map<String, Long> checkpoints = new LinkedHashMap<>();
  private final List<String> trace = new ArrayList<>();
  private final List<Runnable> handedOver = new ArrayList<>();
  private long head = 6;

  /** Commits played during the page reads, one list per read: the position each wakes for. */
  private final List<Map<String, Long>> commitsDuringRead = new ArrayList<>();

  private boolean unreadable;

  /** What the runners told their step times, with the last thing the step had done then. */
  private final List<String> told = new ArrayList<>();

  private final List<ProjectionRunner> runners =
      List.of(runner("r.one"), runner("r.two"), runner("r.three"));
  private final ProjectorGroup group = group();

  ProjectorGroupTest() {
    runners.forEach(r -> checkpoints.put(r.name(), 2L));
  }

  @Test
  void commitsArrivingDuringTheStepAreCaughtUpTogetherNotByAPassOfEachReadModel() {
    commitsDuringRead.add(Map.of("r.one", 8L, "r.two", 8L, "r.three", 8L));

    group.wake(6);

    assertEquals(
        List.of(
            "read after 2",
            "moved [r.one, r.two, r.three] to 6",
            "read after 6",
            "moved [r.one, r.two, r.three] to 8"),
        trace,
        "a second step of the three together, one page and one transaction");
    assertEquals(0, handedOver.size(), "no read model took a pass of its own");
    runners.forEach(r -> assertFalse(r.behind(8), r.name() + " is at 8"));
  }

  @Test
  void eachReadModelOfAStepTellsItsStepTimesTheEventsItAppliedAfterTheMove() {
    group.wake(6);

    assertEquals(
        List.of(
            "r.one applied [3, 4, 5, 6] after: moved [r.one, r.two, r.three] to 6",
            "r.two applied [3, 4, 5, 6] after: moved [r.one, r.two, r.three] to 6",
            "r.three applied [3, 4, 5, 6] after: moved [r.one, r.two, r.three] to 6"),
        told.stream().sorted(byRunner()).toList());
  }

  @Test
  void oneAskedForMoreAloneTakesItsOwnPass() {
    commitsDuringRead.add(Map.of("r.two", 8L));

    group.wake(6);

    assertEquals(List.of("read after 2", "moved [r.one, r.two, r.three] to 6"), trace);
    assertEquals(1, handedOver.size(), "r.two's own pass, and only it");
    assertTrue(runners.get(1).behind(8));
    assertFalse(runners.get(0).behind(6));
  }

  @Test
  void aStepTheGroupDeclinesLeavesEachReadModelToItsOwnPass() {
    unreadable = true;

    group.wake(6);

    assertEquals(List.of("read after 2 failed"), trace, "the group stepped once and gave up");
    assertEquals(List.of(), told, "a declined step applied nothing");
    assertEquals(3, handedOver.size(), "each of the three, still behind, takes its own pass");
    checkpoints.values().forEach(at -> assertEquals(2L, at));
  }

  private ProjectorGroup group() {
    List<Projection> projections =
        runners.stream().map(r -> (Projection) new Named(r.name())).toList();
    GroupStep step =
        new GroupStep(projections, new Direct(), this::lock, this::read, this::move, BATCH);
    return new ProjectorGroup(runners, executor(), true, step);
  }

  private ProjectionRunner runner(String name) {
    // nothing here reaches the log, the data source or the container: no pass of its own runs
    return new ProjectionRunner(
        new Named(name),
        null,
        null,
        null,
        "test_projections",
        BATCH,
        null,
        (projection, applied, nanos, at) -> {
          assertTrue(nanos >= 0, "a step's time is never negative");
          told.add(
              projection
                  + " applied "
                  + applied.stream().map(RecordedEvent::globalPosition).toList()
                  + " after: "
                  + trace.get(trace.size() - 1));
        });
  }

  /** Told entries in the order of the runners. */
  private Comparator<String> byRunner() {
    List<String> names = runners.stream().map(ProjectionRunner::name).toList();
    return Comparator.comparing(line -> names.indexOf(line.split(" ")[0]));
  }

  private Map<String, Checkpoint> lock(Connection c, List<String> names) {
    Map<String, Checkpoint> locked = new LinkedHashMap<>();
    names.forEach(
        name ->
            locked.put(
                name,
                new Checkpoint(checkpoints.get(name), 1, "RUNNING", null, null, null, 0, null, 0)));
    return locked;
  }

  private EventPage read(long after, Set<Class<?>> classes, Decoding decoding) {
    if (unreadable) {
      trace.add("read after " + after + " failed");
      throw new EventDecodingException("cannot decode position " + (after + 1));
    }
    trace.add("read after " + after);
    long last = head;
    if (!commitsDuringRead.isEmpty()) {
      Map<String, Long> commits = commitsDuringRead.remove(0);
      commits.forEach(
          (name, position) -> {
            head = Math.max(head, position);
            runners.stream().filter(r -> r.name().equals(name)).forEach(r -> r.catchUpTo(position));
          });
    }
    List<RecordedEvent> events = new ArrayList<>();
    for (long p = after + 1; p <= last; p++) {
      events.add(event(p));
    }
    return new EventPage(events, last, (int) (last - after));
  }

  private int move(Connection c, Set<String> names, long to) {
    List<String> ordered = checkpoints.keySet().stream().filter(names::contains).toList();
    trace.add("moved " + ordered + " to " + to);
    names.forEach(name -> checkpoints.put(name, to));
    return names.size();
  }

  /** Runs the first task handed to it (the wake-up's) at once; records every later one. */
  private ScheduledExecutorService executor() {
    boolean[] first = {true};
    return (ScheduledExecutorService)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {ScheduledExecutorService.class},
            (proxy, method, args) -> {
              if (method.getName().equals("execute")) {
                Runnable task = (Runnable) args[0];
                if (first[0]) {
                  first[0] = false;
                  task.run();
                } else {
                  handedOver.add(task);
                }
                return null;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  private static final class Direct implements Transactions {
    @Override
    public <T> T run(Work<T> work, Predicate<? super T> commit) {
      try {
        return work.run(null);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private record Named(String name) implements Projection {
    @Override
    public void apply(RecordedEvent event, Connection connection, int generation) {}

    @Override
    public void drop(Connection connection, int generation) {}
  }

  private static RecordedEvent event(long position) {
    return LogEvents.at(position, "Something", new Object());
  }
}
