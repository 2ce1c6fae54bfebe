package org.seatledger.eventlog.api;

import java.util.Objects;

/**
 * A stored snapshot of a stream: the aggregate's state at a version, in the aggregate's snapshot
 * shape. Snapshots only accelerate; whoever reads one checks {@code snapshotVersion} and replays
 * instead when it cannot use it.
 *
 * @param streamVersion the version the state reflects (its events 1..streamVersion)
 * @param snapshotVersion the version of the snapshot shape ({@link EventSourced#snapshotVersion()})
 * @param state the state as the aggregate wrote it ({@link EventSourced#toSnapshot})
 */
public record StreamSnapshot(
    String streamId, long streamVersion, int snapshotVersion, String state) {
  public StreamSnapshot {
    Objects.requireNonNull(streamId, "streamId");
    Objects.requireNonNull(state, "state");
  }
}
