package org.seatledger.eventlog.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.seatledger.eventlog.api.AggregateRepository;
import org.seatledger.eventlog.api.EventSourced;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.RecordedEvent;

/**
 * Loads aggregates of one kind: from a cached state, else from the newest usable snapshot, else
 * from the first event — and always plus the events after that, read from the store. The cache is
 * therefore never trusted blindly: each load asks the store for what came after the cached version
 * (one index range scan, usually empty), so another server's appends are seen.
 *
 * <p>A snapshot is written after an append that crosses a multiple of {@code snapshotEvery} events,
 * spaced out in time and by the size of the state ({@link SnapshotPolicy}). Snapshots only
 * accelerate: one that does not parse, or was written for another snapshot version, is ignored and
 * the stream is replayed.
 */
public final class SnapshottingRepository<S> implements AggregateRepository<S> {

  private static final Logger LOG = Logger.getLogger(SnapshottingRepository.class.getName());
  private static final int PAGE = 500;
  private static final int SNAPSHOTS_TRIED = 2;

  private final EventSourced<S> kind;
  private final EventStore store;
  private final Snapshots snapshots;
  private final SnapshotPolicy policy;
  private final Map<String, Loaded<S>> cache;

  public SnapshottingRepository(
      EventSourced<S> kind,
      EventStore store,
      Snapshots snapshots,
      int snapshotEvery,
      int cacheSize) {
    this(kind, store, snapshots, snapshotEvery, Duration.ZERO, cacheSize);
  }

  /**
   * @param snapshotSpacing the least time between two snapshots of one stream: a hot stream (a
   *     conference selling hundreds of seats a second, its state holding every open hold) would
   *     otherwise write its whole state every {@code snapshotEvery} events, a cost that grows with
   *     the state; a large state also waits for more events ({@link SnapshotPolicy})
   */
  public SnapshottingRepository(
      EventSourced<S> kind,
      EventStore store,
      Snapshots snapshots,
      int snapshotEvery,
      Duration snapshotSpacing,
      int cacheSize) {
    this.policy = new SnapshotPolicy(snapshotEvery, snapshotSpacing.toNanos());
    this.kind = kind;
    this.store = store;
    this.snapshots = snapshots;
    this.cache =
        Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<String, Loaded<S>> eldest) {
                return size() > cacheSize;
              }
            });
  }

  public Loaded<S> load(String streamId) {
    return load(streamId, true);
  }

  /**
   * The cached state, as it is (no read of the store), or null. For a writer that appends with a
   * version guard: should another server have appended since, the guard refuses the append and the
   * writer decides again on a fresh load. That saves a read per stream per batch.
   */
  public Loaded<S> cached(String streamId) {
    return cache.get(streamId);
  }

  /** Loads without the cache: from the newest usable snapshot (or the start) plus the tail. */
  public Loaded<S> loadWithoutCache(String streamId) {
    return load(streamId, false);
  }

  /** Loads by replaying every event, ignoring cache and snapshots: the reference state. */
  public Loaded<S> replay(String streamId) {
    return tail(streamId, new Loaded<>(kind.initial(), 0));
  }

  private Loaded<S> load(String streamId, boolean useCache) {
    Loaded<S> start = useCache ? cache.get(streamId) : null;
    if (start == null) {
      start = fromSnapshot(streamId);
    }
    Loaded<S> loaded = tail(streamId, start);
    if (useCache && loaded.version() > 0) {
      cache.put(streamId, loaded);
    }
    return loaded;
  }

  /**
   * Tells the repository that an append moved the stream from {@code before} to {@code after}: the
   * cache takes the new state, and a snapshot is taken when one is due ({@link SnapshotPolicy}).
   * Call after the append has committed.
   */
  public void appended(String streamId, long before, Loaded<S> after) {
    cache.put(streamId, after);
    long now = System.nanoTime();
    if (!policy.due(streamId, before, after.version(), now)) {
      return;
    }
    String state = null;
    try {
      state = kind.toSnapshot(after.state());
      snapshots.save(
          new Snapshots.Snapshot(streamId, after.version(), kind.snapshotVersion(), state));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "snapshot of " + streamId + " not written; loads replay instead", e);
    } finally {
      policy.written(streamId, after.version(), state == null ? 0 : state.length(), now);
    }
  }

  /** Forgets a cached state, e.g. after a concurrency conflict. */
  public void forget(String streamId) {
    cache.remove(streamId);
  }

  /**
   * Loads many streams at once, each as {@link #load} would — its cached state or its newest usable
   * snapshot, plus the events after it — in a few queries instead of two per stream: for a writer
   * deciding on many small aggregates together. Streams that do not exist come back at version 0.
   */
  public Map<String, Loaded<S>> loadAll(Collection<String> streamIds) {
    return loadAll(streamIds, true);
  }

  /**
   * Loads many streams at once, each as {@link #loadWithoutCache} would — its newest usable
   * snapshot plus the events after it — in a few queries, and leaves the cache as it was.
   */
  public Map<String, Loaded<S>> loadAllWithoutCache(Collection<String> streamIds) {
    return loadAll(streamIds, false);
  }

  private Map<String, Loaded<S>> loadAll(Collection<String> streamIds, boolean useCache) {
    Map<String, Loaded<S>> starts = new LinkedHashMap<>();
    List<String> uncached = new ArrayList<>();
    for (String id : streamIds) {
      Loaded<S> cached = useCache ? cache.get(id) : null;
      if (cached == null) {
        uncached.add(id);
      }
      starts.put(id, cached);
    }
    Map<String, List<Snapshots.Snapshot>> found =
        uncached.isEmpty() ? Map.of() : snapshots.newest(uncached);
    for (String id : uncached) {
      starts.put(id, fromSnapshots(id, found.getOrDefault(id, List.of())));
    }
    Map<String, Long> after = new LinkedHashMap<>();
    starts.forEach((id, start) -> after.put(id, start.version()));
    Map<String, List<RecordedEvent>> tails = store.readStreams(after);
    Map<String, Loaded<S>> loaded = new LinkedHashMap<>();
    starts.forEach(
        (id, start) -> {
          S state = start.state();
          long version = start.version();
          for (RecordedEvent event : tails.get(id)) {
            state = kind.evolve(state, event.event());
            version = event.streamVersion();
          }
          Loaded<S> now = new Loaded<>(state, version);
          if (useCache && version > 0) {
            cache.put(id, now);
          }
          loaded.put(id, now);
        });
    return loaded;
  }

  private Loaded<S> fromSnapshot(String streamId) {
    return fromSnapshots(streamId, snapshots.newest(streamId, SNAPSHOTS_TRIED));
  }

  private Loaded<S> fromSnapshots(String streamId, List<Snapshots.Snapshot> newestFirst) {
    for (Snapshots.Snapshot snapshot :
        newestFirst.subList(0, Math.min(newestFirst.size(), SNAPSHOTS_TRIED))) {
      if (snapshot.snapshotVersion() != kind.snapshotVersion()) {
        continue;
      }
      try {
        return new Loaded<>(kind.fromSnapshot(snapshot.state()), snapshot.streamVersion());
      } catch (RuntimeException unusable) {
        LOG.warning(
            "snapshot of "
                + streamId
                + " at version "
                + snapshot.streamVersion()
                + " is unusable and ignored: "
                + unusable);
      }
    }
    return new Loaded<>(kind.initial(), 0);
  }

  private Loaded<S> tail(String streamId, Loaded<S> start) {
    S state = start.state();
    long version = start.version();
    List<RecordedEvent> page;
    do {
      page = store.readStream(streamId, version + 1, PAGE);
      for (RecordedEvent event : page) {
        state = kind.evolve(state, event.event());
        version = event.streamVersion();
      }
    } while (page.size() == PAGE);
    return new Loaded<>(state, version);
  }
}
