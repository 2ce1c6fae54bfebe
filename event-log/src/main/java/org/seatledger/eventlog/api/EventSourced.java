package org.seatledger.eventlog.api;

/**
 * How one kind of aggregate is rebuilt from its events and kept in snapshots.
 *
 * @param <S> the aggregate's state: immutable, so that a cached state can be shared safely
 */
public interface EventSourced<S> {

  /** The stream type stored with every event of this aggregate. */
  String streamType();

  /** The state of a stream without events. */
  S initial();

  /** The state after {@code event}: no checks, no I/O, never throws. */
  S evolve(S state, Object event);

  /** Version of the snapshot shape; snapshots of another version are ignored. */
  int snapshotVersion();

  /** The state as snapshot JSON. */
  String toSnapshot(S state);

  /** The state from snapshot JSON; any exception means "unusable, replay instead". */
  S fromSnapshot(String json);
}
