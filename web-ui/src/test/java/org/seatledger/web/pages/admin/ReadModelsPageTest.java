package org.seatledger.web.pages.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.projection.ProjectionStatus;

/** How the read-models page words a rebuild's progress. */
class ReadModelsPageTest {

  @Test
  void aRunningRebuildShowsWhereItIsItsRateAndTheTimeLeft() {
    assertEquals(
        "1,000 of 12,800 events, 100 a second, about 118 s left.",
        ReadModelsPage.progressText(
            "REBUILDING", new ProjectionStatus.Rebuild(1_000, 12_800, 100.4, 118)));
    assertEquals(
        "1,000 of 120,000 events, 5 a second, about 396 min left.",
        ReadModelsPage.progressText(
            "REBUILDING", new ProjectionStatus.Rebuild(1_000, 120_000, 5, 23_800)));
  }

  @Test
  void beforeItsFirstBatchTheTimeLeftIsNotKnown() {
    assertEquals(
        "0 of 3,000 events, 0 a second, time left not known yet.",
        ReadModelsPage.progressText("REBUILDING", new ProjectionStatus.Rebuild(0, 3_000, 0, -1)));
  }

  @Test
  void aPausedOrStoppedRebuildSaysSoInsteadOfARate() {
    assertEquals(
        "Paused at 0 of 3,000 events; it goes on when resumed.",
        ReadModelsPage.progressText("PAUSED", new ProjectionStatus.Rebuild(0, 3_000, 0, -1)));
    assertEquals(
        "Stopped at 500 of 3,000 events; it goes on after a retry.",
        ReadModelsPage.progressText("STOPPED", new ProjectionStatus.Rebuild(500, 3_000, 9, 3)));
  }
}
