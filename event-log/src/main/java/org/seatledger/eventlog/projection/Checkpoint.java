package org.seatledger.eventlog.projection;

/**
 * One projection's row of its module's checkpoint table, as read: where the live generation is,
 * whether it runs, and where a rebuild (if any) is.
 */
record Checkpoint(
    long position,
    int generation,
    String status,
    String error,
    Long errorPosition,
    Integer rebuildGeneration,
    long rebuildPosition,
    Long rebuildTarget,
    long rebuildStartedAt) {

  boolean stopped() {
    return "STOPPED".equals(status);
  }

  /** Neither stopped at a poison event nor paused by an admin. */
  boolean running() {
    return "RUNNING".equals(status);
  }

  boolean rebuilding() {
    return rebuildGeneration != null;
  }
}
