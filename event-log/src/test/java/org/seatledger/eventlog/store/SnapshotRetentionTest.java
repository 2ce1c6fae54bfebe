package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Snapshots kept: the newest for loading, one per band of versions for time travel. */
class SnapshotRetentionTest {

  private static List<Long> everyHundredUpTo(long newest) {
    List<Long> versions = new ArrayList<>();
    for (long v = newest; v >= 100; v -= 100) {
      versions.add(v);
    }
    return versions;
  }

  @Test
  void theNewestTwoAndTheFirstOfEveryThousandVersionsStay() {
    List<Long> versions = everyHundredUpTo(3_500);
    List<Long> kept = new ArrayList<>(versions);
    kept.removeAll(SnapshotRetention.toDelete(versions, 2, 1_000));

    assertEquals(List.of(3_500L, 3_400L, 3_000L, 2_000L, 1_000L, 100L), kept);
  }

  @Test
  void withoutBandsOnlyTheNewestStay() {
    List<Long> versions = everyHundredUpTo(1_000);
    assertEquals(versions.subList(2, versions.size()), SnapshotRetention.toDelete(versions, 2, 0));
  }

  @Test
  void aFewSnapshotsAreAllKept() {
    assertEquals(List.of(), SnapshotRetention.toDelete(List.of(200L, 100L), 2, 1_000));
  }
}
