package org.seatledger.eventlog.api;

import java.util.List;

/**
 * Finding events by what auditors search for — stream, type, user, a time range, the request
 * (correlation id) and the command — on the log's own indexes, reading metadata columns only. The
 * audit trail is served from here instead of copying every event's metadata into a table of its own
 * and indexing it a second time (which made rebuilding it the slowest read of the log).
 */
public interface LogSearch {

  /** The events matching {@code query}, in its order, at most its limit. */
  List<LogEntry> find(LogQuery query);
}
