package org.seatledger.eventlog.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a stream's next snapshot is due ({@link SnapshottingRepository}): after an append that
 * crosses a multiple of {@code snapshotEvery} events, no sooner than {@code spacing} after the last
 * snapshot this server wrote of the stream, and only once the events since then are worth it — a
 * snapshot whose text was {@code length} characters waits for {@code length / }{@value
 * #CHARS_PER_EVENT} events, at most {@value #MOST_EVENTS_BETWEEN} events.
 *
 * <p>Why the size: a snapshot is written whole, so its cost grows with the state, while what it
 * saves, the events a cold load replays after it, grows only with the events since the last one. A
 * popular conference's seat availability holds every open hold: at 96,000 holds its text was 9.5
 * MB, and writing it once a second (the spacing alone) took 62 % of the server's CPU samples while
 * it sold 258 seats a second, a conference that got slower the more it sold. Writing 100 characters
 * of snapshot costs about as much as replaying one event (benchmark machine: 0.7 s of the server's
 * CPU for the 9.5 MB text, about 10 µs an event to read and fold), so with this rule the snapshots
 * cost no more than the replays they spare; and however large the state, a cold load replays at
 * most {@value #MOST_EVENTS_BETWEEN} events more than with a snapshot at every step (about 0.2 s).
 * A small state, such as a booking's or a conference's, is snapshotted every {@code snapshotEvery}
 * events as before.
 *
 * <p>What it remembers is this server's own snapshots, in memory: after a restart the first
 * crossing writes one. Streams beyond {@value #STREAMS_REMEMBERED} are forgotten all at once (each
 * then gets its next snapshot at its next crossing).
 */
final class SnapshotPolicy {

  /** Characters of snapshot text written for the cost of replaying one event. */
  static final int CHARS_PER_EVENT = 100;

  /** However large the state, a snapshot at least this many events after the last one. */
  static final long MOST_EVENTS_BETWEEN = 20_000;

  static final int STREAMS_REMEMBERED = 100_000;

  /** This server's last snapshot of a stream: when, at which version, how long its text was. */
  private record Written(long nanos, long version, int length) {}

  private final int snapshotEvery;
  private final long spacingNanos;
  private final Map<String, Written> last = new ConcurrentHashMap<>();

  SnapshotPolicy(int snapshotEvery, long spacingNanos) {
    if (snapshotEvery < 1) {
      throw new IllegalArgumentException("snapshotEvery must be at least 1");
    }
    this.snapshotEvery = snapshotEvery;
    this.spacingNanos = spacingNanos;
  }

  /**
   * True when an append that moved the stream from {@code before} to {@code after} calls for one.
   */
  boolean due(String streamId, long before, long after, long nowNanos) {
    if (after / snapshotEvery <= before / snapshotEvery) {
      return false;
    }
    Written previous = last.get(streamId);
    if (previous == null) {
      return true;
    }
    if (spacingNanos > 0 && nowNanos - previous.nanos() < spacingNanos) {
      return false;
    }
    long worth = Math.min(MOST_EVENTS_BETWEEN, previous.length() / CHARS_PER_EVENT);
    return after - previous.version() >= worth;
  }

  /** Remembers a snapshot written (or tried: a failed one is not tried again at once). */
  void written(String streamId, long version, int length, long nowNanos) {
    if (last.size() >= STREAMS_REMEMBERED && !last.containsKey(streamId)) {
      last.clear();
    }
    last.put(streamId, new Written(nowNanos, version, length));
  }
}
