package org.seatledger.reporting.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.SchemaReady;

class ReportingTest {

  private final List<String> scheduled = new ArrayList<>();

  @Test
  void readModelsCatchUpOnATimerThatStartsOnceWhenTheSchemaIsReady() {
    Reporting reporting = new Reporting();
    reporting.scheduler = recordingScheduler();
    reporting.intervalMillis = 1000;
    reporting.batchSize = 500;
    reporting.init();
    assertEquals(List.of(), scheduled, "nothing runs before the tables are there");

    reporting.onSchemaReady(new SchemaReady());
    reporting.onSchemaReady(new SchemaReady());

    assertEquals(List.of("scheduleWithFixedDelay"), scheduled, "one timer, however often fired");
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
