package org.seatledger.booking.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.SchemaReady;

class HoldExpiryTest {

  private final List<String> scheduled = new ArrayList<>();

  @Test
  void holdsAreExpiredOnATimerThatStartsOnceWhenTheSchemaIsReady() {
    HoldExpiry expiry = new HoldExpiry();
    expiry.scheduler = recordingScheduler();
    expiry.intervalSeconds = 10;
    assertEquals(List.of(), scheduled, "nothing runs before the tables are there");

    expiry.onSchemaReady(new SchemaReady());
    expiry.onSchemaReady(new SchemaReady());

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
