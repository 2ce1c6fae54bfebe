package org.seatledger.eventlog.projection;

import java.time.Duration;
import java.time.Instant;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.eventlog.api.projection.Sql;

/** What {@code /api/admin/projections} shows of one projection: lag, state and a rebuild's ETA. */
final class StatusReport {
  private StatusReport() {}

  /**
   * @param head the log's last position
   * @param next when the first event the projection has not applied was recorded (null: none, or it
   *     cannot be read)
   * @param now the current time in UTC microseconds
   * @param targetDown why the projection's target did not take its last batch (null: it did)
   */
  static ProjectionStatus of(
      String name, Checkpoint row, long head, Instant next, long now, String targetDown) {
    long lag = Math.max(0, head - row.position());
    long lagMillis = 0;
    if (lag > 0 && !row.stopped() && next != null) {
      lagMillis = Math.max(0, Duration.between(next, Sql.instant(now)).toMillis());
    }
    ProjectionStatus.Rebuild rebuild = null;
    if (row.rebuilding()) {
      long total = Math.max(row.rebuildTarget() == null ? head : row.rebuildTarget(), 1);
      double seconds = Math.max(0.001, (now - row.rebuildStartedAt()) / 1_000_000.0);
      double rate = row.rebuildPosition() / seconds;
      long eta =
          rate <= 0 ? -1 : (long) Math.ceil(Math.max(0, head - row.rebuildPosition()) / rate);
      rebuild =
          new ProjectionStatus.Rebuild(
              row.rebuildPosition(), total, Math.round(rate * 10) / 10.0, eta);
    }
    String status = !row.running() ? row.status() : row.rebuilding() ? "REBUILDING" : "RUNNING";
    String error = row.error();
    Long errorPosition = row.errorPosition();
    if (row.running() && targetDown != null) {
      status = "RETRYING";
      error = targetDown;
      errorPosition = row.position() + 1;
    }
    return new ProjectionStatus(
        name,
        row.position(),
        head,
        lag,
        lagMillis,
        status,
        error,
        errorPosition,
        rebuild,
        row.generation());
  }
}
