package org.seatledger.eventlog.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.inject.Instance;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.SchemaReady;
import org.seatledger.eventlog.api.projection.Projection;
import org.seatledger.eventlog.api.projection.ProjectionSet;
import org.seatledger.eventlog.api.projection.Projectors;

/**
 * The lifecycle the engine runs for every module, without a container: the executor only records
 * what was asked of it (nothing runs, so no database is needed).
 */
class ProjectionEngineTest {

  private final List<String> asked = new ArrayList<>();
  private final List<String> cancelled = new ArrayList<>();

  private final ProjectionSet reporting = set("reporting_projections", "r.one", "r.two", "r.three");
  private final ProjectionSet audit = set("audit_projections", "a.trail");

  @Test
  void nothingRunsBeforeTheSchemaIsReadyThenEveryDeclaredSetGetsOneTimer() {
    ProjectionEngine engine = engine(true, reporting, audit);
    engine.projectors(audit); // a module asked early, e.g. for a query
    assertEquals(List.of(), asked, "no timer before the tables are there");

    engine.onSchemaReady(new SchemaReady());
    engine.onSchemaReady(new SchemaReady());

    assertEquals(
        List.of("scheduleWithFixedDelay 0 1000", "scheduleWithFixedDelay 0 1000"),
        asked,
        "one timer per declared set, its first tick at once, however often the event comes");
  }

  @Test
  void aSetAskedForOnlyAfterTheSchemaIsReadyStartsAtOnce() {
    ProjectionEngine engine = engine(true);
    engine.onSchemaReady(new SchemaReady());
    assertEquals(List.of(), asked);

    engine.projectors(reporting);

    assertEquals(List.of("scheduleWithFixedDelay 0 1000"), asked);
  }

  @Test
  void aWakeUpRunsEveryProjectorOfTheSetOnATaskOfItsOwn() {
    Projectors projectors = engine(true).projectors(reporting);

    projectors.wake();

    assertEquals(List.of("execute", "execute", "execute"), asked, "side by side, one each");
  }

  @Test
  void withWakeUpsOffOnlyTheTimerRunsThem() {
    Projectors projectors = engine(false).projectors(reporting);

    projectors.wake();

    assertEquals(List.of(), asked);
  }

  @Test
  void aCheckpointTableHoldsOneSetOfProjections() {
    ProjectionEngine engine = engine(true);
    Projectors first = engine.projectors(reporting);

    assertSame(first, engine.projectors(set("reporting_projections", "r.one", "r.two", "r.three")));
    assertThrows(
        IllegalArgumentException.class,
        () -> engine.projectors(set("reporting_projections", "r.other")));
    assertThrows(IllegalArgumentException.class, () -> first.position("a.trail"));
  }

  @Test
  void atShutdownEveryTimerStopsAndNoneStartsAgain() {
    ProjectionEngine engine = engine(true, reporting, audit);
    engine.onSchemaReady(new SchemaReady());
    asked.clear();

    engine.stop();
    engine.onSchemaReady(new SchemaReady());

    assertEquals(List.of("cancel", "cancel"), cancelled);
    assertEquals(List.of(), asked);
  }

  private ProjectionEngine engine(boolean wakeUp, ProjectionSet... declared) {
    ProjectionEngine engine = new ProjectionEngine();
    engine.executor = recordingExecutor();
    engine.declared = instance(List.of(declared));
    engine.intervalMillis = 1000;
    engine.batchSize = 500;
    engine.wakeUp = wakeUp;
    return engine;
  }

  private static ProjectionSet set(String table, String... names) {
    return new ProjectionSet(
        table, List.of(names).stream().map(Named::new).map(Projection.class::cast).toList());
  }

  private record Named(String name) implements Projection {
    @Override
    public void apply(RecordedEvent event, Connection connection, int generation) {}

    @Override
    public void drop(Connection connection, int generation) {}
  }

  @SuppressWarnings("unchecked")
  private static Instance<ProjectionSet> instance(List<ProjectionSet> sets) {
    return (Instance<ProjectionSet>)
        Proxy.newProxyInstance(
            Instance.class.getClassLoader(),
            new Class<?>[] {Instance.class},
            (proxy, method, args) -> {
              if (method.getName().equals("iterator")) {
                return sets.iterator();
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  private ManagedScheduledExecutorService recordingExecutor() {
    return (ManagedScheduledExecutorService)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {ManagedScheduledExecutorService.class},
            (proxy, method, args) -> {
              if (method.getName().equals("scheduleWithFixedDelay")) {
                asked.add(method.getName() + " " + args[1] + " " + args[2]);
                return timer();
              }
              asked.add(method.getName());
              return null;
            });
  }

  /** A timer that never fires and records being cancelled. */
  private ScheduledFuture<?> timer() {
    return (ScheduledFuture<?>)
        Proxy.newProxyInstance(
            ScheduledFuture.class.getClassLoader(),
            new Class<?>[] {ScheduledFuture.class},
            (proxy, method, args) -> {
              if (method.getName().equals("cancel")) {
                cancelled.add("cancel");
                return true;
              }
              return method.getReturnType() == boolean.class ? false : null;
            });
  }
}
