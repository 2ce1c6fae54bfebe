package org.seatledger.eventlog.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.seatledger.eventlog.api.RecordedEvent;

/**
 * The read models' step times on {@code /metrics}, one series per read model ({@code
 * projection="reporting.bookings"}, …):
 *
 * <ul>
 *   <li>{@code seatledger_projection_apply_delay_seconds}: for every event a read model applied on
 *       this server, from the event's recorded time (taken in its append's transaction, just before
 *       the commit) to the commit of the step that applied it — how long a page of that read model
 *       could have been missing it;
 *   <li>{@code seatledger_projection_step_seconds}: how long each of its steps took, from the
 *       checkpoint's lock to the commit (a step of several read models together counts for each).
 * </ul>
 *
 * Timers, so Prometheus gets a count, a sum, the maximum and the histogram buckets the server's
 * metrics settings name (Liberty's {@code server.xml}: buckets, no client-side percentiles); read
 * models that live on another server count there.
 */
final class MeteredStepTimes implements StepTimes {

  private static final Metadata APPLY_DELAY =
      Metadata.builder()
          .withName("seatledger_projection_apply_delay")
          .withDescription(
              "From an event's commit to the commit of the read model's step that applied it")
          .build();

  private static final Metadata STEP =
      Metadata.builder()
          .withName("seatledger_projection_step")
          .withDescription(
              "A read model's live step, from its checkpoint's lock to its commit (several read"
                  + " models stepped together count for each)")
          .build();

  private record Timers(Timer delay, Timer step) {}

  private final MetricRegistry registry;
  private final Map<String, Timers> timers = new ConcurrentHashMap<>();

  MeteredStepTimes(MetricRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void moved(
      String projection, List<RecordedEvent> applied, long stepNanos, Instant committedAt) {
    Timers of = timers.computeIfAbsent(projection, this::register);
    of.step().update(Duration.ofNanos(stepNanos));
    for (RecordedEvent event : applied) {
      Duration delay = Duration.between(event.recordedAt(), committedAt);
      of.delay().update(delay.isNegative() ? Duration.ZERO : delay); // clocks of two servers
    }
  }

  private Timers register(String projection) {
    Tag tag = new Tag("projection", projection);
    return new Timers(registry.timer(APPLY_DELAY, tag), registry.timer(STEP, tag));
  }
}
