package org.seatledger.web.pages.admin;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.seatledger.eventlog.api.SchemaReady;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.web.application.ReadModelOperations;

/**
 * Samples every projection's lag every {@link #EVERY} on this server and keeps the last {@link
 * #WINDOW} of them in memory ({@link LagHistory}) for the read-models page's charts. In memory on
 * purpose: it is a picture of the last minutes, not a record; after a restart the charts start
 * empty, and {@code /metrics} is there for history kept elsewhere.
 */
@ApplicationScoped
public class LagSampler {

  private static final Logger LOG = Logger.getLogger(LagSampler.class.getName());

  static final Duration EVERY = Duration.ofSeconds(5);
  static final Duration WINDOW = Duration.ofMinutes(10);

  @Inject ReadModelOperations readModels;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private final LagHistory history = new LagHistory((int) (WINDOW.toSeconds() / EVERY.toSeconds()));
  private ScheduledFuture<?> sampling;

  /** Starts sampling once the read models' tables exist. */
  synchronized void onSchemaReady(@Observes SchemaReady ready) {
    if (sampling == null) {
      sampling =
          scheduler.scheduleAtFixedRate(this::sample, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (sampling != null) {
      sampling.cancel(false);
    }
  }

  void sample() {
    try {
      Instant now = Instant.now();
      for (ProjectionStatus p : readModels.all()) {
        history.add(p.name(), new LagHistory.Sample(now, p.lagEvents(), p.lagMillis()));
      }
    } catch (RuntimeException e) {
      // the database away, say: a gap in the chart says so, the next sample tries again
      LOG.log(Level.FINE, "lag sample skipped", e);
    }
  }

  /** The chart of one projection's last {@link #WINDOW}. */
  public LagChart chart(String projection) {
    return LagChart.of(history.samples(projection), Instant.now(), WINDOW);
  }
}
