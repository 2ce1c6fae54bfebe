package org.seatledger.eventlog.store;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;

/**
 * Unwrapped data keys kept in memory for a minute, and subjects known to have none (erased, or
 * never had personal data): an erasure on this server takes effect at once, on other servers within
 * that minute. Bounded: when full, it is emptied and fills again from the database.
 */
final class DataKeyCache {

  static final Duration CACHE_FOR = Duration.ofMinutes(1);
  private static final int LIMIT = 50_000;

  /** What is known of a subject's key: the key, or empty when the subject has none. */
  record Known(Optional<SecretKey> key, long loadedAtNanos) {
    boolean fresh() {
      return System.nanoTime() - loadedAtNanos < CACHE_FOR.toNanos();
    }
  }

  private final Map<String, Known> cache = new ConcurrentHashMap<>();

  /** What is known of the subject's key, if learnt less than a minute ago. */
  Optional<Known> fresh(String subjectId) {
    return Optional.ofNullable(cache.get(subjectId)).filter(Known::fresh);
  }

  /** Remembers the subject's key, or that it has none. */
  void remember(String subjectId, Optional<SecretKey> key) {
    if (cache.size() >= LIMIT) {
      cache.clear();
    }
    cache.put(subjectId, new Known(key, System.nanoTime()));
  }

  /** Forgets what was assumed of the subject: the next use looks the key up. */
  void forget(String subjectId) {
    cache.remove(subjectId);
  }
}
