package org.seatledger.eventlog.api;

import java.util.Collection;
import java.util.Map;

/**
 * Loads aggregates of one kind ({@link EventSourced}) from the log: from a cached state or the
 * newest usable snapshot, plus the events after it. Get one from {@link Aggregates}.
 */
public interface AggregateRepository<S> {

  /** A state and the stream version it reflects (0: the stream does not exist). */
  record Loaded<S>(S state, long version) {}

  /** The current state: cached or snapshot state plus the events after it. */
  Loaded<S> load(String streamId);

  /**
   * The cached state, as it is (no read of the store), or null. For a writer that appends with a
   * version guard: should another server have appended since, the guard refuses the append and the
   * writer decides again on a fresh load.
   */
  Loaded<S> cached(String streamId);

  /** Loads without the cache: from the newest usable snapshot (or the start) plus the tail. */
  Loaded<S> loadWithoutCache(String streamId);

  /** Loads by replaying every event, ignoring cache and snapshots: the reference state. */
  Loaded<S> replay(String streamId);

  /**
   * Tells the repository that an append moved the stream from {@code before} to {@code after}: the
   * cache takes the new state and a snapshot may be taken. Call after the append has committed.
   */
  void appended(String streamId, long before, Loaded<S> after);

  /** Forgets a cached state, e.g. after a concurrency conflict. */
  void forget(String streamId);

  /** Many streams at once, each as {@link #load} would; missing streams come back at version 0. */
  Map<String, Loaded<S>> loadAll(Collection<String> streamIds);

  /**
   * Many streams at once, each as {@link #loadWithoutCache} would, in a few queries: for queries,
   * which must not fill the writers' cache. Missing streams come back at version 0.
   */
  Map<String, Loaded<S>> loadAllWithoutCache(Collection<String> streamIds);
}
