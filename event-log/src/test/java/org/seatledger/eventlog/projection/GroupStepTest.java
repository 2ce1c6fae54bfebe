package org.seatledger.eventlog.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.Decoding;
import org.seatledger.eventlog.api.EventDecodingException;
import org.seatledger.eventlog.api.EventPage;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.projection.Projection;
import org.seatledger.eventlog.projection.GroupStep.Declined;
import org.seatledger.eventlog.projection.GroupStep.Idle;
import org.seatledger.eventlog.projection.GroupStep.Moved;

/**
 * What one step of several projections together decides, without a database: checkpoints and rows
 * live in maps, the log is positions 1 to {@link #head} whose events alternate between two classes,
 * and a transaction keeps what it wrote only when it commits.
 */
class GroupStepTest {

  private static final int BATCH = 4;

  /** Odd positions hold an {@link Odd}, even ones an {@link Even}. */
  record Odd(long position) {}

  record Even(long position) {}

  private long head = 6;
  private final Map<String, Checkpoint> checkpoints = new LinkedHashMap<>();

  /** Committed rows, by projection: the positions applied. */
  private final Map<String, List<Long>> rows = new HashMap<>();

  private final List<String> trace = new ArrayList<>();
  private Map<String, List<Long>> pendingRows;
  private Map<String, Long> pendingMoves;
  private long unreadableAt = -1;

  private final Rows all = new Rows("all", Set.of());
  private final Rows odd = new Rows("odd", Set.of(Odd.class));
  private final Rows even = new Rows("even", Set.of(Even.class));

  GroupStepTest() {
    for (String name : List.of("all", "odd", "even")) {
      checkpoints.put(name, row(2, "RUNNING", null));
      rows.put(name, new ArrayList<>());
    }
  }

  @Test
  void everyProjectionGetsItsOwnEventsOfOnePageAndAllMoveInOneCommit() {
    Moved moved = assertInstanceOf(Moved.class, step().run(List.of("all", "odd", "even")));

    assertEquals(Set.of("all", "odd", "even"), moved.moved());
    assertEquals(6, moved.to());
    assertEquals(List.of(3L, 4L, 5L, 6L), rows.get("all"));
    assertEquals(List.of(3L, 5L), rows.get("odd"));
    assertEquals(List.of(4L, 6L), rows.get("even"));
    checkpoints.values().forEach(c -> assertEquals(6, c.position()));
    assertEquals(
        List.of("lock [all, odd, even]", "read after 2", "commit"), trace, "one page, one commit");
  }

  @Test
  void aProjectionAheadOfTheOthersGetsOnlyWhatItHasNotAppliedAndOneAheadOfThePageIsLeft() {
    head = 9;
    checkpoints.put("odd", row(4, "RUNNING", null));
    checkpoints.put("even", row(8, "RUNNING", null));

    Moved moved = assertInstanceOf(Moved.class, step().run(List.of("all", "odd", "even")));

    assertEquals(Set.of("all", "odd"), moved.moved());
    assertEquals(List.of(3L, 4L, 5L, 6L), rows.get("all"));
    assertEquals(List.of(5L), rows.get("odd"), "nothing it had applied, each event once");
    assertEquals(List.of(), rows.get("even"));
    assertEquals(8, checkpoints.get("even").position(), "never moved back");
    assertEquals(6, checkpoints.get("odd").position());
  }

  @Test
  void aPausedProjectionIsLeftOutAndTheOthersGoOn() {
    checkpoints.put("odd", row(2, "PAUSED", null));

    Moved moved = assertInstanceOf(Moved.class, step().run(List.of("all", "odd", "even")));

    assertEquals(Set.of("all", "even"), moved.moved());
    assertEquals(List.of(), rows.get("odd"));
    assertEquals(2, checkpoints.get("odd").position());
  }

  @Test
  void withOnlyOneRunningWithoutARebuildEachTakesItsOwnStep() {
    checkpoints.put("odd", row(2, "STOPPED", null));
    checkpoints.put("even", row(2, "RUNNING", 2));

    assertInstanceOf(Declined.class, step().run(List.of("all", "odd", "even")));
    assertEquals(List.of("lock [all, odd, even]", "rollback"), trace);
  }

  @Test
  void oneProjectionFailingRollsBackTheOthersTooSoEachCanTakeItsOwnStep() {
    even.failsAt = 4;

    assertInstanceOf(Declined.class, step().run(List.of("all", "odd", "even")));

    rows.values().forEach(applied -> assertEquals(List.of(), applied));
    checkpoints.values().forEach(c -> assertEquals(2, c.position()));
    assertEquals("rollback", trace.get(trace.size() - 1));
  }

  @Test
  void aPageThatCannotBeReadIsDeclinedNotBlamedOnAnyone() {
    unreadableAt = 5;

    assertInstanceOf(Declined.class, step().run(List.of("all", "odd", "even")));
    checkpoints.values().forEach(c -> assertEquals("RUNNING", c.status()));
  }

  @Test
  void nothingNewSaysWhereEachStands() {
    head = 2;

    Idle idle = assertInstanceOf(Idle.class, step().run(List.of("all", "odd")));

    assertEquals(Map.of("all", 2L, "odd", 2L), idle.positions());
    assertEquals(List.of("lock [all, odd]", "read after 2", "rollback"), trace);
  }

  @Test
  void
      thePageDecodesOnlyTheClassesTheStepsProjectionsReadAndDecryptsOnlyForOneThatReadsPersonalData() {
    odd.personalData = false;
    even.personalData = false;
    List<Set<Class<?>>> asked = new ArrayList<>();
    List<Decoding> decodings = new ArrayList<>();
    GroupStep step = recording(List.of(all, odd, even), asked, decodings);

    step.run(List.of("odd", "even"));
    step.run(List.of("all", "odd"));

    assertEquals(List.of(Set.of(Odd.class, Even.class), Set.of()), asked);
    assertEquals(List.of(Decoding.WITHOUT_PERSONAL_DATA, Decoding.FULL), decodings);
  }

  @Test
  void thePageIsReadWithoutDataOnlyWhenNoneOfTheStepsProjectionsReadsDataOrChoosesClasses() {
    Rows trail = new Rows("trail", Set.of());
    checkpoints.put("trail", row(2, "RUNNING", null));
    rows.put("trail", new ArrayList<>());
    trail.data = false;
    all.data = false;
    odd.data = false;
    List<Decoding> decodings = new ArrayList<>();
    GroupStep step = recording(List.of(all, odd, even, trail), new ArrayList<>(), decodings);

    step.run(List.of("all", "trail"));
    step.run(List.of("odd", "trail"));
    step.run(List.of("even", "trail"));

    assertEquals(
        List.of(Decoding.METADATA_ONLY, Decoding.WITHOUT_PERSONAL_DATA, Decoding.FULL),
        decodings,
        "odd reads no data but is told its events by their class");
    assertEquals(List.of(3L, 4L, 5L, 6L), rows.get("trail"));
  }

  /** A step over {@code projections} that records the classes and the decoding of each read. */
  private GroupStep recording(
      List<Projection> projections, List<Set<Class<?>>> asked, List<Decoding> decodings) {
    return new GroupStep(
        projections,
        new InMemory(),
        this::lock,
        (after, classes, decoding) -> {
          asked.add(classes);
          decodings.add(decoding);
          return read(after, classes, decoding);
        },
        this::move,
        BATCH);
  }

  private GroupStep step() {
    return new GroupStep(
        List.of(all, odd, even), new InMemory(), this::lock, this::read, this::move, BATCH);
  }

  private Map<String, Checkpoint> lock(Connection c, List<String> names) {
    trace.add("lock " + names);
    Map<String, Checkpoint> locked = new LinkedHashMap<>();
    names.forEach(name -> locked.put(name, checkpoints.get(name)));
    return locked;
  }

  private EventPage read(long after, Set<Class<?>> classes, Decoding decoding) {
    trace.add("read after " + after);
    List<RecordedEvent> events = new ArrayList<>();
    long last = after;
    for (long p = after + 1; p <= Math.min(head, after + BATCH); p++) {
      if (p == unreadableAt) {
        throw new EventDecodingException("cannot decode position " + p);
      }
      RecordedEvent event = event(p);
      if (classes.isEmpty() || classes.contains(event.event().getClass())) {
        events.add(decoding == Decoding.METADATA_ONLY ? event.withoutData() : event);
      }
      last = p;
    }
    return new EventPage(events, last, (int) (last - after));
  }

  private int move(Connection c, Set<String> names, long to) {
    names.forEach(name -> pendingMoves.put(name, to));
    return names.size();
  }

  private static Checkpoint row(long position, String status, Integer rebuildGeneration) {
    return new Checkpoint(position, 1, status, null, null, rebuildGeneration, 0, null, 0);
  }

  private final class InMemory implements Transactions {
    @Override
    public <T> T run(Work<T> work, Predicate<? super T> commit) {
      pendingRows = new HashMap<>();
      pendingMoves = new HashMap<>();
      T result;
      try {
        result = work.run(null);
      } catch (SQLException e) {
        trace.add("rollback");
        throw new IllegalStateException(e);
      }
      if (commit.test(result)) {
        pendingRows.forEach((name, applied) -> rows.get(name).addAll(applied));
        pendingMoves.forEach(
            (name, to) -> checkpoints.put(name, row(to, checkpoints.get(name).status(), null)));
        trace.add("commit");
      } else {
        trace.add("rollback");
      }
      return result;
    }
  }

  private final class Rows implements Projection {
    private final String name;
    private final Set<Class<?>> classes;
    long failsAt = -1;
    boolean personalData = true;
    boolean data = true;

    Rows(String name, Set<Class<?>> classes) {
      this.name = name;
      this.classes = classes;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Set<Class<?>> eventClasses() {
      return classes;
    }

    @Override
    public boolean readsPersonalData() {
      return personalData;
    }

    @Override
    public boolean readsEventData() {
      return data;
    }

    @Override
    public void apply(RecordedEvent event, Connection connection, int generation)
        throws SQLException {
      if (event.globalPosition() == failsAt) {
        throw new SQLException("constraint violated");
      }
      pendingRows.computeIfAbsent(name, n -> new ArrayList<>()).add(event.globalPosition());
    }

    @Override
    public void drop(Connection connection, int generation) {}
  }

  private static RecordedEvent event(long position) {
    Object payload = position % 2 == 1 ? new Odd(position) : new Even(position);
    return LogEvents.at(position, payload.getClass().getSimpleName(), payload);
  }
}
