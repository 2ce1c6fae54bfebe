package org.seatledger.audit.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.SchemaReady;

class AuditTest {

  private final List<String> scheduled = new ArrayList<>();

  @Test
  void theTrailAndTheVerificationStartOnceWhenTheSchemaIsReady() {
    Audit audit = new Audit();
    audit.scheduler = recordingScheduler();
    audit.intervalMillis = 1000;
    audit.verifyMinutes = 60;
    audit.init();
    assertEquals(List.of(), scheduled, "nothing runs before the tables are there");

    audit.onSchemaReady(new SchemaReady());
    audit.onSchemaReady(new SchemaReady());

    assertEquals(
        List.of("scheduleWithFixedDelay", "scheduleWithFixedDelay"),
        scheduled,
        "the trail's timer and the verification's, once however often fired");
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
