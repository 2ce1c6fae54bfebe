package org.seatledger.eventlog.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the committer knows of the log's tail from its own commits: the next free position after its
 * last commit, and the head (version, hash, type) of each stream it wrote lately. From that it can
 * decide a group without reading anything under the lock ({@link #plan}), and {@link OneTripAppend}
 * sends the rows in one round trip.
 *
 * <p>Trusting it is safe because the database checks it: the one-trip statement refuses to write
 * unless the log's next position is still the one remembered (no other writer, on this server or
 * another, committed since), and the unique keys refuse a stream version, a command id or a
 * subject's key that exists after all. Any refusal rolls the group back and it is written the
 * ordinary way. What is remembered is only ever what a commit left, and only once it committed
 * ({@link #committed}); a failure forgets everything ({@link #missed}, {@link #forget}).
 *
 * <p>Several servers on one database move the log under each other, so after a miss the one-trip
 * path is skipped for a number of groups that doubles with every miss in a row (up to {@link
 * #MAX_SKIPPED}) and starts again at one after a one-trip commit: a cluster pays a wasted round
 * trip on at most a small share of its groups.
 *
 * <p>Used by the committer thread only; synchronised all the same, as a committer that died is
 * replaced by a new thread.
 */
final class KnownTail {

  /** Streams whose heads are remembered, at most (the least recently written go first). */
  static final int MAX_STREAMS = 4096;

  /** Groups written the ordinary way after a miss, at most. */
  static final int MAX_SKIPPED = 64;

  private static final long UNKNOWN = -1;

  private final Map<String, Head> heads =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
          return size() > MAX_STREAMS;
        }
      };

  private long next = UNKNOWN;
  private int skipAfterMiss;
  private int toSkip;

  /**
   * A group decided from the known tail: every batch appends, numbered from {@code first}; the new
   * data keys (if any) wrapped by {@code masterKeyId}.
   */
  record Plan(AppendGuards.Decision decision, long first, String masterKeyId) {}

  /**
   * The group decided from what the committer's own commits left, when that is enough: the next
   * position is known, every stream not appended as new has a remembered head, the new data keys
   * were all wrapped by one master key, and every batch appends (a repeat or a refusal is left to
   * the ordinary path, which answers it from what the database holds).
   */
  synchronized Optional<Plan> plan(List<Prepared.Batch> batches, long recordedAtMicros) {
    if (toSkip > 0) {
      toSkip--;
      return Optional.empty();
    }
    if (next == UNKNOWN) {
      return Optional.empty();
    }
    GuardKeys keys = GuardKeys.of(batches);
    Map<String, Head> known = new HashMap<>();
    for (String stream : keys.existing()) {
      Head head = heads.get(stream);
      if (head == null) {
        return Optional.empty();
      }
      known.put(stream, head);
    }
    for (String stream : keys.fresh()) {
      // a stream this committer wrote is refused here as new, not by a unique key in the database
      Head head = heads.get(stream);
      if (head != null) {
        known.put(stream, head);
      }
    }
    Set<String> masterKeys = masterKeysOf(batches);
    if (masterKeys.size() > 1) {
      return Optional.empty();
    }
    String masterKeyId = masterKeys.isEmpty() ? null : masterKeys.iterator().next();
    AppendGuards.Decision decision =
        AppendGuards.decide(
            batches,
            new AppendGuards.Found(known, Map.of(), Set.of(), masterKeyId),
            next,
            recordedAtMicros);
    if (!decision.outcomes().stream().allMatch(BatchOutcome.Appended.class::isInstance)) {
      return Optional.empty();
    }
    return Optional.of(new Plan(decision, next, masterKeyId));
  }

  /** The master keys that wrapped the group's new data keys. */
  private static Set<String> masterKeysOf(List<Prepared.Batch> batches) {
    Set<String> keyIds = new HashSet<>();
    batches.forEach(batch -> batch.newKeys().forEach(key -> keyIds.add(key.keyId())));
    return keyIds;
  }

  /**
   * A commit of this committer succeeded: it took the positions from {@code first} to {@code
   * nextPosition - 1} and wrote {@code events}. When the log was not where this committer left it
   * ({@code first} is not the remembered next position), another writer wrote in between, and any
   * head remembered from before may be stale: only the heads this commit wrote are kept.
   */
  synchronized void committed(long first, long nextPosition, List<StoredEvent> events) {
    if (first != next) {
      heads.clear();
    }
    for (StoredEvent event : events) {
      heads.put(event.streamId, new Head(event.streamVersion, event.hash, event.streamType));
    }
    next = nextPosition;
  }

  /** A one-trip commit succeeded: as {@link #committed}, and a later miss skips one group again. */
  synchronized void committedInOneTrip(Plan plan) {
    skipAfterMiss = 0;
    committed(plan.first(), plan.decision().nextPosition(), plan.decision().events());
  }

  /**
   * A one-trip commit was refused (or failed): forget the tail, and write the next groups the
   * ordinary way, twice as many as after the previous miss in a row.
   */
  synchronized void missed() {
    forget();
    skipAfterMiss = Math.min(Math.max(1, skipAfterMiss * 2), MAX_SKIPPED);
    toSkip = skipAfterMiss;
  }

  /** Something failed whose effect on the log is not known: nothing remembered is trusted. */
  synchronized void forget() {
    heads.clear();
    next = UNKNOWN;
  }
}
