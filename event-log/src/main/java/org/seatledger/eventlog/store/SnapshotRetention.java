package org.seatledger.eventlog.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which snapshots of a stream to keep: the newest few, for loading the aggregate, and the first one
 * of every {@code keepEvery} versions, so that an auditor's view of any version of a long stream
 * (time travel, a deep history page) folds from a snapshot at most about {@code keepEvery} events
 * below it instead of from the stream's first event. A stream of 100,000 events keeps about 100.
 */
final class SnapshotRetention {
  private SnapshotRetention() {}

  /**
   * The versions to delete.
   *
   * @param newestFirst the versions of the stream's snapshots, newest first
   * @param keepNewest how many of the newest are kept whatever their versions
   * @param keepEvery the width of a band of versions of which the lowest snapshot is kept; 0 or
   *     less keeps only the newest
   */
  static List<Long> toDelete(List<Long> newestFirst, int keepNewest, long keepEvery) {
    Map<Long, Long> lowestOfBand = new HashMap<>();
    if (keepEvery > 0) {
      newestFirst.forEach(v -> lowestOfBand.merge(v / keepEvery, v, Math::min));
    }
    List<Long> delete = new ArrayList<>();
    for (int i = keepNewest; i < newestFirst.size(); i++) {
      long version = newestFirst.get(i);
      if (keepEvery <= 0 || lowestOfBand.get(version / keepEvery) != version) {
        delete.add(version);
      }
    }
    return delete;
  }
}
