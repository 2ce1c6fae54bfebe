package org.seatledger.booking.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The clock the booking rules read now from — hold deadlines and their expiry: the system clock in
 * UTC. The domain takes it as a parameter, so its tests pass a fixed one.
 */
@ApplicationScoped
public class Clocks {

  @Produces
  Clock clock() {
    return Clock.systemUTC();
  }
}
