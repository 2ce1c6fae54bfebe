package org.seatledger.eventlog.api;

import java.time.Instant;
import java.util.List;

/**
 * What to look for in the log ({@link LogSearch}): every criterion given must hold, nulls and empty
 * lists match everything. Positions run between {@code after} and {@code before}, both exclusive,
 * so a page of a keyset search asks for the positions past the last one shown.
 *
 * @param streamIds events of any of these streams
 * @param types events of any of these stored type names
 * @param recordedBy events recorded by this principal
 * @param from recorded at or after this instant
 * @param to recorded before this instant
 * @param correlationId events of this request
 * @param commandId events appended by this command
 * @param after positions above this one (0: from the first event)
 * @param before positions below this one ({@link Long#MAX_VALUE}: up to the newest)
 * @param newestFirst descending by position, else ascending
 * @param limit most events answered
 */
public record LogQuery(
    List<String> streamIds,
    List<String> types,
    String recordedBy,
    Instant from,
    Instant to,
    String correlationId,
    String commandId,
    long after,
    long before,
    boolean newestFirst,
    int limit) {

  public LogQuery {
    streamIds = streamIds == null ? List.of() : List.copyOf(streamIds);
    types = types == null ? List.of() : List.copyOf(types);
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive");
    }
  }

  /** The first {@code limit} events of the whole log, oldest first; narrowed by the withers. */
  public static LogQuery oldestFirst(int limit) {
    return new LogQuery(null, null, null, null, null, null, null, 0, Long.MAX_VALUE, false, limit);
  }

  /** The newest {@code limit} events of the whole log; narrowed by the withers. */
  public static LogQuery newestFirst(int limit) {
    return oldestFirst(limit).order(true);
  }

  public LogQuery streams(List<String> ids) {
    return new LogQuery(
        ids,
        types,
        recordedBy,
        from,
        to,
        correlationId,
        commandId,
        after,
        before,
        newestFirst,
        limit);
  }

  public LogQuery types(List<String> names) {
    return new LogQuery(
        streamIds,
        names,
        recordedBy,
        from,
        to,
        correlationId,
        commandId,
        after,
        before,
        newestFirst,
        limit);
  }

  public LogQuery recordedBy(String user) {
    return new LogQuery(
        streamIds,
        types,
        user,
        from,
        to,
        correlationId,
        commandId,
        after,
        before,
        newestFirst,
        limit);
  }

  public LogQuery recorded(Instant fromIncluded, Instant toExcluded) {
    return new LogQuery(
        streamIds,
        types,
        recordedBy,
        fromIncluded,
        toExcluded,
        correlationId,
        commandId,
        after,
        before,
        newestFirst,
        limit);
  }

  public LogQuery correlation(String id) {
    return new LogQuery(
        streamIds, types, recordedBy, from, to, id, commandId, after, before, newestFirst, limit);
  }

  public LogQuery command(String id) {
    return new LogQuery(
        streamIds,
        types,
        recordedBy,
        from,
        to,
        correlationId,
        id,
        after,
        before,
        newestFirst,
        limit);
  }

  /** Positions strictly between the two. */
  public LogQuery between(long afterPosition, long beforePosition) {
    return new LogQuery(
        streamIds,
        types,
        recordedBy,
        from,
        to,
        correlationId,
        commandId,
        afterPosition,
        beforePosition,
        newestFirst,
        limit);
  }

  public LogQuery limit(int most) {
    return new LogQuery(
        streamIds,
        types,
        recordedBy,
        from,
        to,
        correlationId,
        commandId,
        after,
        before,
        newestFirst,
        most);
  }

  private LogQuery order(boolean descending) {
    return new LogQuery(
        streamIds,
        types,
        recordedBy,
        from,
        to,
        correlationId,
        commandId,
        after,
        before,
        descending,
        limit);
  }
}
