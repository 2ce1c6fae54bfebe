package org.seatledger.eventlog.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.eventlog.api.projection.Sql;

class StatusReportTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void aRunningProjectionReportsHowFarAndHowLongItLagsBehindTheLog() {
    Checkpoint row = new Checkpoint(90, 1, "RUNNING", null, null, null, 0, null, 0);

    ProjectionStatus status =
        StatusReport.of("r", row, 100, NOW.minusMillis(1_500), Sql.micros(NOW), null);

    assertEquals(10, status.lagEvents());
    assertEquals(1_500, status.lagMillis());
    assertEquals("RUNNING", status.status());
    assertNull(status.rebuild());
  }

  @Test
  void aRebuildReportsItsRateAndTheSecondsLeftAtThatRate() {
    long started = Sql.micros(NOW.minusSeconds(10));
    Checkpoint row = new Checkpoint(3_000, 1, "RUNNING", null, null, 2, 1_000, 2_800L, started);

    ProjectionStatus status = StatusReport.of("r", row, 3_000, null, Sql.micros(NOW), null);

    assertEquals("REBUILDING", status.status());
    assertEquals(1, status.generation(), "queries read generation 1 until the switch");
    assertEquals(0, status.lagEvents());
    assertEquals(new ProjectionStatus.Rebuild(1_000, 2_800, 100.0, 20), status.rebuild());
  }

  @Test
  void aStoppedProjectionReportsItsErrorAndNoLagTime() {
    Checkpoint row = new Checkpoint(40, 1, "STOPPED", "bad event", 41L, null, 0, null, 0);

    ProjectionStatus status =
        StatusReport.of("r", row, 50, NOW.minusSeconds(5), Sql.micros(NOW), null);

    assertEquals("STOPPED", status.status());
    assertEquals(0, status.lagMillis());
    assertEquals("bad event", status.error());
    assertEquals(41L, status.errorPosition());
  }

  @Test
  void aProjectionWhoseTargetIsAwayReportsRetryingWithTheReasonAndKeepsItsLag() {
    Checkpoint row = new Checkpoint(90, 1, "RUNNING", null, null, null, 0, null, 0);

    ProjectionStatus status =
        StatusReport.of(
            "r", row, 100, NOW.minusSeconds(7), Sql.micros(NOW), "the broker is not reachable");

    assertEquals("RETRYING", status.status());
    assertEquals("the broker is not reachable", status.error());
    assertEquals(91L, status.errorPosition());
    assertEquals(7_000, status.lagMillis(), "the lag keeps growing for metrics and alerts");
  }

  @Test
  void aPausedProjectionStaysPausedWhateverItsTargetDid() {
    Checkpoint row = new Checkpoint(90, 1, "PAUSED", null, null, null, 0, null, 0);

    ProjectionStatus status =
        StatusReport.of("r", row, 100, null, Sql.micros(NOW), "the broker is not reachable");

    assertEquals("PAUSED", status.status());
    assertNull(status.error());
  }
}
