package org.seatledger.eventlog.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.seatledger.eventlog.api.LogAdvanced;

/**
 * The bridge from an append's transaction to the projectors: only after the commit succeeded
 * ({@code AFTER_SUCCESS}) is the asynchronous wake-up ({@link LogAdvanced}) fired, so no projector
 * is ever woken for events that were rolled back. It is fired when the group committer ({@link
 * GroupCommit}) has no more work queued, or at the latest once {@code
 * seatledger.projection-wake-up-delay-ms} has passed ({@link WakeUpTiming}, which says why), and
 * after the group's callers have their answers.
 */
@ApplicationScoped
public class AppendCommitted {

  private static final Logger LOG = Logger.getLogger(AppendCommitted.class.getName());

  /** Fired inside the append's transaction. */
  public record Appended(long lastPosition) {}

  @Inject Event<LogAdvanced> advanced;

  @Inject
  @ConfigProperty(name = "seatledger.projection-wake-up-delay-ms", defaultValue = "5")
  long delayMillis;

  private volatile WakeUpTiming timing;

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Appended appended) {
    announce(timing().committed(appended.lastPosition(), System.nanoTime()));
  }

  /** The committer starts writing a group: commits wait for its end to be announced. */
  void groupStarted() {
    timing().groupStarted();
  }

  /** The committer answered a group's callers; {@code queued}: it goes on with the next group. */
  void groupEnded(boolean queued) {
    announce(timing().groupEnded(queued, System.nanoTime()));
  }

  /**
   * Tells the projectors the log reaches {@code position}, if there is one to tell. Called on the
   * committer's thread, which must go on whatever happens here: a wake-up that cannot be fired (the
   * server is stopping) only leaves the projections to their timer.
   */
  void announce(OptionalLong position) {
    if (position.isEmpty()) {
      return;
    }
    try {
      advanced.fireAsync(new LogAdvanced(position.getAsLong()));
    } catch (RuntimeException notFired) {
      LOG.log(Level.FINE, "no wake-up for position " + position.getAsLong(), notFired);
    }
  }

  private WakeUpTiming timing() {
    WakeUpTiming known = timing;
    if (known == null) {
      synchronized (this) {
        known = timing;
        if (known == null) {
          // read on the committer's thread, where a refusal would fail every append: a negative
          // setting is taken as no delay, and the log says so
          if (delayMillis < 0) {
            LOG.warning(
                "seatledger.projection-wake-up-delay-ms is "
                    + delayMillis
                    + ", which is negative: the read models are woken with no delay");
          }
          known = new WakeUpTiming(Duration.ofMillis(Math.max(0, delayMillis)));
          timing = known;
        }
      }
    }
    return known;
  }
}
