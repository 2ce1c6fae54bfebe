package org.seatledger.eventlog.api;

import java.time.Instant;
import java.util.Optional;

/**
 * The reads an auditor's view of one stream needs to stay fast on a stream of any length: where it
 * stands, which version was current at an instant, and the newest snapshot at or below a version to
 * fold from — so a history page or a state in the middle of a 100,000-event stream reads a few
 * hundred events, never the whole stream. Events themselves come from {@link EventLog#readStream}.
 */
public interface StreamTimeline {

  /** The stream's newest version; 0 when it has no event. */
  long streamVersion(String streamId);

  /**
   * The version of the newest event of the stream recorded at or before {@code asOf}; 0 when its
   * first event is later. Found by a binary search over the stream's versions, which relies on the
   * log's recorded-at times growing with the versions (they are taken under the append lock).
   */
  long versionAt(String streamId, Instant asOf);

  /** The newest stored snapshot of the stream at or below {@code version}, if any. */
  Optional<StreamSnapshot> snapshotAtOrBelow(String streamId, long version);

  /**
   * Keeps a snapshot of the stream at {@code streamVersion} that was folded by the aggregate's own
   * evolve and written by its own snapshot form ({@code snapshotVersion}, {@code state}): a
   * back-fill for a stream whose snapshots at that depth were never taken or were dropped. The
   * retention rules apply as to any snapshot; a snapshot already there stays as it is.
   */
  void keepSnapshot(String streamId, long streamVersion, int snapshotVersion, String state);
}
