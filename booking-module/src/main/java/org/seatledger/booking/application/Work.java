package org.seatledger.booking.application;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.seatledger.eventlog.api.AggregateRepository;
import org.seatledger.eventlog.api.AggregateRepository.Loaded;
import org.seatledger.eventlog.api.EventSourced;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.eventlog.api.StreamAppend;

/**
 * The streams one batch works on: each loaded once, then advanced by every decision of the batch,
 * so later commands in the batch see the effects of earlier ones. After the append commits, the new
 * states go to the repositories' caches; after a failure they are forgotten and reloaded.
 */
final class Work {

  private final EventStore store;
  private final Map<String, Stream<?>> streams = new LinkedHashMap<>();
  private final Set<String> trusted = new HashSet<>();

  Work(EventStore store) {
    this.store = store;
  }

  private static final class Stream<S> {
    final AggregateRepository<S> repository;
    final EventSourced<S> kind;
    final long versionBefore;
    S state;
    long version;

    Stream(AggregateRepository<S> repository, EventSourced<S> kind, Loaded<S> loaded) {
      this.repository = repository;
      this.kind = kind;
      this.versionBefore = loaded.version();
      this.state = loaded.state();
      this.version = loaded.version();
    }
  }

  /**
   * The stream's state: the cached one if there is one (trusted without reading the store, see
   * {@link #stale()}), else loaded.
   */
  @SuppressWarnings("unchecked")
  <S> S state(String streamId, AggregateRepository<S> repository, EventSourced<S> kind) {
    return ((Stream<S>)
            streams.computeIfAbsent(
                streamId,
                id -> {
                  Loaded<S> cached = repository.cached(id);
                  if (cached == null) {
                    return new Stream<>(repository, kind, repository.load(id));
                  }
                  trusted.add(id);
                  return new Stream<>(repository, kind, cached);
                }))
        .state;
  }

  /**
   * True when a stream taken from the cache has moved on in the store (another server appended).
   * Appends need no such check — their version guard refuses them — but a refusal or a "nothing to
   * do" is answered without an append, so it must not rest on an outdated state.
   */
  boolean stale() {
    for (String id : trusted) {
      if (store.streamVersion(id) != streams.get(id).versionBefore) {
        return true;
      }
    }
    return false;
  }

  /**
   * Loads, all at once ({@link AggregateRepository#loadAll}), the streams among {@code streamIds}
   * that are neither in this batch yet nor cached: deciding on hundreds of small aggregates — the
   * overdue holds of a conference after a restart — then costs a few queries, not two per stream.
   * Cached streams are left to {@link #state}, which trusts them as it always does.
   */
  <S> void preload(
      List<String> streamIds, AggregateRepository<S> repository, EventSourced<S> kind) {
    List<String> missing =
        streamIds.stream()
            .distinct()
            .filter(id -> !streams.containsKey(id) && repository.cached(id) == null)
            .toList();
    if (missing.size() < 2) {
      return;
    }
    repository
        .loadAll(missing)
        .forEach((id, loaded) -> streams.put(id, new Stream<>(repository, kind, loaded)));
  }

  /**
   * The state of a stream the caller knows to be new (its id was made just now), without reading
   * the store; the append expects no stream, so the store still checks.
   */
  @SuppressWarnings("unchecked")
  <S> S fresh(String streamId, AggregateRepository<S> repository, EventSourced<S> kind) {
    return ((Stream<S>)
            streams.computeIfAbsent(
                streamId, id -> new Stream<>(repository, kind, new Loaded<>(kind.initial(), 0))))
        .state;
  }

  /** True when the stream has events, in the store or earlier in this batch. */
  boolean exists(String streamId) {
    Stream<?> stream = streams.get(streamId);
    return stream != null ? stream.version > 0 : store.streamVersion(streamId) > 0;
  }

  /** The append of {@code events} to a loaded stream, expecting it where this batch left it. */
  @SuppressWarnings("unchecked")
  <S> StreamAppend append(String streamId, List<?> events) {
    Stream<S> stream = (Stream<S>) streams.get(streamId);
    StreamAppend append =
        new StreamAppend(
            streamId,
            stream.kind.streamType(),
            ExpectedVersion.exactly(stream.version),
            List.<Object>copyOf(events));
    for (Object event : events) {
      stream.state = stream.kind.evolve(stream.state, event);
    }
    stream.version += events.size();
    return append;
  }

  /** {@link #append} of each stream that got events, in this order; the others are left out. */
  List<StreamAppend> changes(String streamId, List<?> events) {
    return events.isEmpty() ? List.of() : List.of(append(streamId, events));
  }

  /** {@link #append} of each stream that got events, in this order; the others are left out. */
  List<StreamAppend> changes(String streamId, List<?> events, String otherId, List<?> otherEvents) {
    List<StreamAppend> appends = new ArrayList<>(changes(streamId, events));
    appends.addAll(changes(otherId, otherEvents));
    return appends;
  }

  /** The append that creates a stream with no aggregate behind it (a slug claim). */
  StreamAppend create(String streamId, String streamType, List<Object> events) {
    streams.put(streamId, new Stream<>(null, null, new Loaded<>(null, events.size())));
    return new StreamAppend(streamId, streamType, ExpectedVersion.NO_STREAM, events);
  }

  /** The batch committed: caches take the new states, snapshots are written where due. */
  void committed() {
    streams.forEach((id, stream) -> commit(id, stream));
  }

  private <S> void commit(String id, Stream<S> stream) {
    if (stream.repository != null && stream.version > stream.versionBefore) {
      stream.repository.appended(
          id, stream.versionBefore, new Loaded<>(stream.state, stream.version));
    }
  }

  /** The batch failed: every state it touched is reloaded next time. */
  void discard() {
    streams.forEach(
        (id, stream) -> {
          if (stream.repository != null) {
            stream.repository.forget(id);
          }
        });
  }

  List<String> touched() {
    return new ArrayList<>(streams.keySet());
  }
}
