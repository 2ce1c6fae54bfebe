package org.seatledger.audit.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.LogAdvanced;
import org.seatledger.eventlog.api.SchemaReady;
import org.seatledger.eventlog.api.projection.ProjectionSet;
import org.seatledger.eventlog.api.projection.Projectors;

class AuditTest {

  private final List<String> scheduled = new ArrayList<>();
  private final List<ProjectionSet> hosted = new ArrayList<>();
  private final List<String> trailCalls = new ArrayList<>();

  @Test
  void theVerificationStartsOnceWhenTheSchemaIsReadyAndEveryAppendWakesTheTrail() {
    Audit audit = new Audit();
    audit.scheduler = recordingScheduler();
    audit.verifyMinutes = 60;
    audit.host =
        set -> {
          hosted.add(set);
          return recordingProjectors();
        };
    audit.init();
    assertEquals(List.of(), scheduled, "nothing runs before the tables are there");
    assertEquals("audit_projections", hosted.get(0).checkpointTable());
    assertEquals(List.of(AuditTrailProjection.NAME), hosted.get(0).names());

    audit.onSchemaReady(new SchemaReady());
    audit.onSchemaReady(new SchemaReady());
    audit.onAppend(new LogAdvanced(3));

    assertEquals(
        List.of("scheduleWithFixedDelay"),
        scheduled,
        "the verification's timer, once however often fired (the host runs the trail's)");
    assertEquals(List.of("wake"), trailCalls);
  }

  private Projectors recordingProjectors() {
    return (Projectors)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Projectors.class},
            (proxy, method, args) -> {
              trailCalls.add(method.getName());
              return null;
            });
  }

  private ManagedScheduledExecutorService recordingScheduler() {
    return (ManagedScheduledExecutorService)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {ManagedScheduledExecutorService.class},
            (proxy, method, args) -> {
              scheduled.add(method.getName());
              return pending();
            });
  }

  /** A timer that never fires: the test only counts how many were started. */
  private static ScheduledFuture<?> pending() {
    return (ScheduledFuture<?>)
        Proxy.newProxyInstance(
            ScheduledFuture.class.getClassLoader(),
            new Class<?>[] {ScheduledFuture.class},
            (proxy, method, args) -> method.getReturnType() == boolean.class ? false : null);
  }
}
