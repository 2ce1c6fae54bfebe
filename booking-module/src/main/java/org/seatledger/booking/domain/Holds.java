package org.seatledger.booking.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.seatledger.booking.domain.SeatAvailability.Hold;

/**
 * The open holds of one conference's seats, by booking id: an immutable map that shares all but the
 * changed part with the map it was made from.
 *
 * <p>Why not a copied {@code Map}: the seat availability is the hot aggregate, and its state holds
 * every open hold — tens of thousands while a popular conference sells. Copying them on every event
 * would make a replay quadratic. Here the entries sit in {@value #WIDTH} × {@value #WIDTH} buckets
 * by hash; a change copies two arrays of {@value #WIDTH} references and one bucket, which holds
 * about size / {@value #WIDTH}² entries.
 */
public final class Holds {
  private static final int BITS = 6;
  private static final int WIDTH = 1 << BITS;
  private static final int MASK = WIDTH - 1;

  /** No holds. */
  public static final Holds NONE = new Holds(new Object[WIDTH], 0);

  /** {@code root[i]} is null or an {@code Object[WIDTH]} of null or bucket maps, never changed. */
  private final Object[] root;

  private final int size;

  private Holds(Object[] root, int size) {
    this.root = root;
    this.size = size;
  }

  /** The holds of {@code holds}. */
  public static Holds of(Map<String, Hold> holds) {
    Object[] root = new Object[WIDTH];
    holds.forEach(
        (bookingId, hold) -> {
          int h = hash(bookingId);
          Object[] mid = (Object[]) root[h & MASK];
          if (mid == null) {
            mid = new Object[WIDTH];
            root[h & MASK] = mid;
          }
          bucket(mid, h, true).put(bookingId, Objects.requireNonNull(hold, "hold"));
        });
    return new Holds(root, holds.size());
  }

  /** The hold of the booking, or null. */
  public Hold get(String bookingId) {
    int h = hash(bookingId);
    Object[] mid = (Object[]) root[h & MASK];
    Map<String, Hold> bucket = mid == null ? null : bucket(mid, h, false);
    return bucket == null ? null : bucket.get(bookingId);
  }

  /** These holds with {@code hold} for the booking, replacing any it had; these stay unchanged. */
  public Holds with(String bookingId, Hold hold) {
    Objects.requireNonNull(hold, "hold");
    int h = hash(bookingId);
    Object[] mid = (Object[]) root[h & MASK];
    Map<String, Hold> before = mid == null ? null : bucket(mid, h, false);
    Map<String, Hold> after = before == null ? new HashMap<>() : new HashMap<>(before);
    boolean added = after.put(bookingId, hold) == null;
    return changed(h, mid, after, size + (added ? 1 : 0));
  }

  /** These holds without the booking's; these stay as they are. */
  public Holds without(String bookingId) {
    int h = hash(bookingId);
    Object[] mid = (Object[]) root[h & MASK];
    Map<String, Hold> before = mid == null ? null : bucket(mid, h, false);
    if (before == null || !before.containsKey(bookingId)) {
      return this;
    }
    Map<String, Hold> after = new HashMap<>(before);
    after.remove(bookingId);
    return changed(h, mid, after.isEmpty() ? null : after, size - 1);
  }

  public int size() {
    return size;
  }

  /** Every hold, in no particular order. */
  @SuppressWarnings("unchecked")
  public void forEach(BiConsumer<String, Hold> action) {
    for (Object mid : root) {
      if (mid != null) {
        for (Object bucket : (Object[]) mid) {
          if (bucket != null) {
            ((Map<String, Hold>) bucket).forEach(action);
          }
        }
      }
    }
  }

  /** The holds as a map of their own (a copy). */
  public Map<String, Hold> asMap() {
    Map<String, Hold> all = new HashMap<>();
    forEach(all::put);
    return all;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Holds that && size == that.size && asMap().equals(that.asMap());
  }

  @Override
  public int hashCode() {
    return asMap().hashCode();
  }

  @Override
  public String toString() {
    return asMap().toString();
  }

  private Holds changed(int h, Object[] mid, Map<String, Hold> bucket, int newSize) {
    Object[] newMid = mid == null ? new Object[WIDTH] : mid.clone();
    newMid[(h >>> BITS) & MASK] = bucket;
    Object[] newRoot = root.clone();
    newRoot[h & MASK] = newMid;
    return new Holds(newRoot, newSize);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Hold> bucket(Object[] mid, int h, boolean create) {
    int at = (h >>> BITS) & MASK;
    if (mid[at] == null && create) {
      mid[at] = new HashMap<String, Hold>();
    }
    return (Map<String, Hold>) mid[at];
  }

  private static int hash(String bookingId) {
    int h = bookingId.hashCode();
    return h ^ (h >>> 16);
  }
}
