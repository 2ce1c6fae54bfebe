package org.seatledger.booking.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.seatledger.booking.api.BookingCommand.ExpireOverdueHolds;
import org.seatledger.booking.api.CommandContext;
import org.seatledger.booking.api.CommandOutcome;
import org.seatledger.booking.api.CommandOutcome.HoldsExpired;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.SchemaReady;
import org.seatledger.eventlog.api.TimeOrderedIds;

/**
 * Expires holds whose deadline has passed. Deadlines live in the log (each seat availability knows
 * its holds and their deadlines), not in timers, so after a restart overdue holds still expire.
 * Each expiry is a command with the id {@code expire-<booking>}: with two servers doing this at
 * once, the store carries it out once.
 *
 * <p>The rounds start when the schema is ready ({@link SchemaReady}), not at start-up: before that
 * the event table may not exist yet, and every round would fail.
 */
@ApplicationScoped
public class HoldExpiry {

  private static final Logger LOG = Logger.getLogger(HoldExpiry.class.getName());

  @Inject EventStore store;
  @Inject BookingService bookings;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "seatledger.expiry-interval-seconds", defaultValue = "10")
  long intervalSeconds;

  private ScheduledFuture<?> task;

  synchronized void onSchemaReady(@Observes SchemaReady ready) {
    if (task == null) {
      task =
          scheduler.scheduleWithFixedDelay(
              this::expireOverdue, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  /** One round over every conference; a failure is logged and the next round tries again. */
  public int expireOverdue() {
    int expired = 0;
    String round = "expiry-" + TimeOrderedIds.nextText();
    try {
      for (String stream : store.streamsOfType(Kinds.AVAILABILITY.streamType())) {
        String conferenceId = stream.substring("seats-".length());
        boolean more = true;
        for (int step = 1; more; step++) {
          CommandOutcome outcome =
              bookings
                  .handle(
                      new ExpireOverdueHolds(conferenceId),
                      new CommandContext(
                          round + "-" + conferenceId + "-" + step, round, "system", null))
                  .outcome();
          if (!(outcome instanceof HoldsExpired done)) {
            throw new IllegalStateException("expiring holds came to " + outcome);
          }
          expired += done.expired();
          // a backlog is expired in bounded commands, one after the other
          more = done.more() && done.expired() > 0;
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "expiring overdue holds failed; the next round tries again", e);
    }
    return expired;
  }
}
