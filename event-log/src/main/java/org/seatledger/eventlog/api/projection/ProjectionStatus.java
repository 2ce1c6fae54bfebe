package org.seatledger.eventlog.api.projection;

/**
 * Where a projection stands.
 *
 * @param name the projection
 * @param checkpoint the global position it has applied
 * @param head the newest position of the log
 * @param lagEvents head minus checkpoint
 * @param lagMillis how long ago the oldest event it has not applied was recorded (0 when none)
 * @param status RUNNING, STOPPED (a poison event; see error), PAUSED (by an admin), REBUILDING, or
 *     RETRYING (its target, another system, is away, or the database refused its batch for a
 *     passing reason such as a deadlock: see error; it resumes by itself)
 * @param error what failed, or null
 * @param errorPosition the position of the event it stopped at, or null
 * @param rebuild progress of a rebuild, or null
 * @param generation the generation of rows queries read: one more after each finished rebuild, so a
 *     rebuild's switch shows as this number going up
 */
public record ProjectionStatus(
    String name,
    long checkpoint,
    long head,
    long lagEvents,
    long lagMillis,
    String status,
    String error,
    Long errorPosition,
    Rebuild rebuild,
    int generation) {

  /** Progress of a rebuild: events done of total, rate, estimated time left. */
  public record Rebuild(long done, long total, double eventsPerSecond, long etaSeconds) {}
}
