package org.seatledger.eventlog.api;

import java.util.List;

/**
 * What an append did.
 *
 * @param firstPosition global position of the first event written (or written the first time)
 * @param lastPosition global position of the last one; queries may wait until a read model has
 *     reached it
 * @param streams the new version of each stream appended to (empty for a repeat)
 * @param repeated true when the command id had been carried out before: nothing was appended and
 *     the first outcome is returned
 * @param outcome what the command's handler recorded as its result (JSON), first time or repeat
 */
public record AppendResult(
    long firstPosition,
    long lastPosition,
    List<StreamVersion> streams,
    boolean repeated,
    String outcome) {

  /** A stream's version after the append. */
  public record StreamVersion(String streamId, long version) {}

  public AppendResult {
    streams = List.copyOf(streams);
  }
}
