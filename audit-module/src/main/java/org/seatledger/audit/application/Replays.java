package org.seatledger.audit.application;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.seatledger.booking.api.EntityView;
import org.seatledger.booking.api.EntityViews;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.StreamSnapshot;
import org.seatledger.eventlog.api.StreamTimeline;

/**
 * Folds an auditor's view of a stream to any version without reading the stream from its start:
 * from the nearest stored snapshot at or below the version (the booking module's views read the
 * aggregates' snapshots), then the events after it, a page at a time. A stream without a usable
 * snapshot there (bookings are never snapshotted; they are a handful of events) is folded from its
 * first event. A 100,000-event seat stream is thus read from at most about {@code
 * seatledger.snapshot-keep-every} events below the point.
 *
 * <p>A stream written before snapshots were kept every {@code keepEvery} versions has none deep
 * inside it. A fold that starts more than {@code keepEvery} events below its point therefore
 * back-fills them: at every multiple of {@code keepEvery} it passes it keeps the aggregate's own
 * snapshot of the state there ({@link EntityView#snapshot()}), so that only the first visit to a
 * depth pays for the long fold.
 */
final class Replays {
  private static final Logger LOG = Logger.getLogger(Replays.class.getName());
  private static final int PAGE = 500;
  private static final EntityViews VIEWS = EntityViews.standard();

  private final EventLog log;
  private final StreamTimeline timeline;
  private final long keepEvery;

  /**
   * @param keepEvery the versions between two snapshots kept deep in a stream ({@code
   *     seatledger.snapshot-keep-every}); 0 or less back-fills nothing
   */
  Replays(EventLog log, StreamTimeline timeline, long keepEvery) {
    this.log = log;
    this.timeline = timeline;
    this.keepEvery = keepEvery;
  }

  /** A view folded to a version, and the version of the snapshot it started from (0: none). */
  record Folded(EntityView view, long from) {}

  /** What an event did to a view. */
  @FunctionalInterface
  interface Step {
    void after(RecordedEvent event, EntityView before, EntityView after);
  }

  /** The stream's type, from its first event; empty when the stream has no event. */
  Optional<String> streamType(String streamId) {
    List<RecordedEvent> first = log.readStream(streamId, 1, 1);
    return first.isEmpty() ? Optional.empty() : Optional.of(first.get(0).streamType());
  }

  long head(String streamId) {
    return timeline.streamVersion(streamId);
  }

  long versionAt(String streamId, java.time.Instant asOf) {
    return timeline.versionAt(streamId, asOf);
  }

  /** The view after the stream's events 1 to {@code version} (0: before the first). */
  EntityView at(String streamId, String streamType, long version) {
    return folded(streamId, streamType, version).view();
  }

  /**
   * The view after the stream's events 1 to {@code version}, folded from the nearest usable
   * snapshot at or below it, back-filling snapshots on the way when that is far below.
   */
  Folded folded(String streamId, String streamType, long version) {
    EntityView start = VIEWS.initial(streamType);
    long from = 0;
    if (version > 0) {
      Optional<StreamSnapshot> snapshot = timeline.snapshotAtOrBelow(streamId, version);
      Optional<EntityView> seeded =
          snapshot.flatMap(s -> VIEWS.fromSnapshot(streamType, s.snapshotVersion(), s.state()));
      if (seeded.isPresent()) {
        start = seeded.get();
        from = snapshot.get().streamVersion();
      }
    }
    Step backFill =
        keepEvery > 0 && version - from > keepEvery
            ? (event, before, after) -> keepIfDue(streamId, event.streamVersion(), after)
            : (event, before, after) -> {};
    return new Folded(fold(streamId, start, from, version, backFill), from);
  }

  /** Keeps a snapshot at every multiple of {@code keepEvery}; a failure only costs speed. */
  private void keepIfDue(String streamId, long version, EntityView view) {
    if (version % keepEvery != 0) {
      return;
    }
    view.snapshot()
        .ifPresent(
            s -> {
              try {
                timeline.keepSnapshot(streamId, version, s.snapshotVersion(), s.state());
              } catch (RuntimeException e) {
                LOG.log(
                    Level.WARNING,
                    "snapshot of " + streamId + " at " + version + " not back-filled",
                    e);
              }
            });
  }

  /**
   * Folds the events after {@code afterVersion} up to {@code toVersion} onto {@code view}, telling
   * {@code step} about each; the view at the end.
   */
  EntityView fold(String streamId, EntityView view, long afterVersion, long toVersion, Step step) {
    long next = afterVersion + 1;
    while (next <= toVersion) {
      List<RecordedEvent> page =
          log.readStream(streamId, next, (int) Math.min(PAGE, toVersion - next + 1));
      if (page.isEmpty()) {
        break;
      }
      for (RecordedEvent event : page) {
        EntityView before = view;
        view = view.evolve(event.event());
        step.after(event, before, view);
        next = event.streamVersion() + 1;
      }
    }
    return view;
  }
}
