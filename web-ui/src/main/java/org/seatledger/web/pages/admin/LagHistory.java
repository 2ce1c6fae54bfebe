package org.seatledger.web.pages.admin;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last few lag samples of each projection, oldest first: a ring of at most {@code capacity} per
 * projection, the oldest dropped as a new one comes in. Safe to share between the sampler's thread
 * and the pages' requests.
 */
public final class LagHistory {

  /** One look at a projection: when, how many events and how long behind the log's head. */
  public record Sample(Instant at, long lagEvents, long lagMillis) {}

  private final int capacity;
  private final Map<String, ArrayDeque<Sample>> rings = new HashMap<>();

  public LagHistory(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  public synchronized void add(String projection, Sample sample) {
    ArrayDeque<Sample> ring = rings.computeIfAbsent(projection, name -> new ArrayDeque<>());
    if (ring.size() == capacity) {
      ring.removeFirst();
    }
    ring.addLast(sample);
  }

  /** The kept samples of one projection, oldest first (empty when none). */
  public synchronized List<Sample> samples(String projection) {
    ArrayDeque<Sample> ring = rings.get(projection);
    return ring == null ? List.of() : List.copyOf(ring);
  }
}
