package org.seatledger.booking.api;

import java.util.ServiceLoader;

/**
 * The entity views of the booking module's streams, for auditors. Implemented inside the booking
 * module by its aggregates; {@link #standard()} finds that implementation, so a caller needs
 * nothing but this package.
 */
public interface EntityViews {

  /**
   * The view of a stream of {@code streamType} before its first event: {@code Conference}, {@code
   * SeatAvailability} and {@code Booking} streams have one; other stream types (slug claims, data
   * subjects) get a view without fields, which no event changes.
   */
  EntityView initial(String streamType);

  /**
   * The view of a stream of {@code streamType} as a stored snapshot of its aggregate gives it, so a
   * view deep in a long stream folds from the snapshot below it rather than from the first event
   * (see {@code eventlog.api.StreamTimeline}). Empty when the snapshot cannot be used: written in
   * another shape ({@code snapshotVersion}), unreadable, or of a stream type that is not
   * snapshotted. The caller then replays from the start.
   */
  java.util.Optional<EntityView> fromSnapshot(String streamType, int snapshotVersion, String state);

  /**
   * The booking module's implementation, looked up with {@link ServiceLoader} in the class loader
   * of this interface (the booking module's own). A new instance on each call; it keeps no state,
   * so a caller keeps one.
   */
  static EntityViews standard() {
    return ServiceLoader.load(EntityViews.class, EntityViews.class.getClassLoader())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the booking module's views are missing"));
  }
}
