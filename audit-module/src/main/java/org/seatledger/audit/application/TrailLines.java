package org.seatledger.audit.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.seatledger.audit.api.AuditQueries.Entry;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.LogEntry;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.projection.Sql;

/**
 * The entries of events found in the log, with their sentences and reasons as shown: made from the
 * events read without the data keys, as the trail read them when it applied them ({@link
 * Summaries}). Only events the trail's live generation has applied have an entry; one it has not
 * applied yet is left out, as it was before the trail reached it.
 */
class TrailLines {

  /** The sentence and the reason of one event. */
  record Line(String summary, String reason) {}

  /** The longest sentence shown, as long as the trail's sentences were when it stored them. */
  static final int MAX_SUMMARY = 500;

  private final DataSource dataSource;
  private final EventLog log;

  TrailLines(DataSource dataSource, EventLog log) {
    this.dataSource = dataSource;
    this.log = log;
  }

  /**
   * The entries of {@code events} the trail has, in their order; with a {@code text} (see {@link
   * TrailSearch#needle}) only those whose sentence contains it, ignoring case.
   */
  List<Entry> entries(List<LogEntry> events, int generation, String text) {
    if (events.isEmpty()) {
      return List.of();
    }
    Map<Long, Line> lines = lines(applied(events, generation));
    List<Entry> entries = new ArrayList<>();
    for (LogEntry e : events) {
      Line line = lines.get(e.globalPosition());
      if (line != null
          && (text == null || line.summary().toLowerCase(Locale.ROOT).contains(text))) {
        entries.add(
            new Entry(
                e.globalPosition(),
                e.streamId(),
                e.streamType(),
                e.streamVersion(),
                e.type(),
                e.recordedAt(),
                e.recordedBy(),
                line.summary(),
                line.reason(),
                e.commandId(),
                e.correlationId(),
                e.causationId()));
      }
    }
    return entries;
  }

  /** The sentences and reasons of the events at {@code positions}, read from the log by key. */
  private Map<Long, Line> lines(List<Long> positions) {
    Map<Long, Line> lines = new HashMap<>();
    if (positions.isEmpty()) {
      return lines;
    }
    for (RecordedEvent event : log.readAt(positions, false)) {
      String summary = Summaries.of(event);
      lines.put(
          event.globalPosition(),
          new Line(
              summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY) : summary,
              Summaries.reasonOf(event)));
    }
    return lines;
  }

  /**
   * Which of the events the trail's generation has applied, from its blocks ({@link TrailBlocks})
   * by primary key: the range of blocks between the lowest and highest position when the events
   * fill most of it (a page of the whole trail), else the blocks of the positions themselves.
   */
  private List<Long> applied(List<LogEntry> events, int generation) {
    long lowest = Long.MAX_VALUE;
    long highest = Long.MIN_VALUE;
    Set<Long> wanted = new HashSet<>();
    for (LogEntry e : events) {
      lowest = Math.min(lowest, e.globalPosition());
      highest = Math.max(highest, e.globalPosition());
      wanted.add(e.globalPosition());
    }
    List<Object> parameters = new ArrayList<>();
    parameters.add(generation);
    Set<Long> blocks = new TreeSet<>();
    wanted.forEach(position -> blocks.add(TrailBlocks.blockOf(position)));
    String which;
    if (TrailBlocks.blockOf(highest) - TrailBlocks.blockOf(lowest) < 2L * blocks.size()) {
      which = "block BETWEEN ? AND ?";
      parameters.add(TrailBlocks.blockOf(lowest));
      parameters.add(TrailBlocks.blockOf(highest));
    } else {
      which = "block IN (" + String.join(", ", Collections.nCopies(blocks.size(), "?")) + ")";
      parameters.addAll(blocks);
    }
    List<Long> applied = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            Sql.prepare(
                c,
                "SELECT block, applied FROM audit_hash_blocks WHERE generation = ? AND " + which,
                parameters);
        ResultSet rows = q.executeQuery()) {
      while (rows.next()) {
        long first = TrailBlocks.firstOf(rows.getLong(1));
        for (long position = first; position < first + rows.getInt(2); position++) {
          if (wanted.contains(position)) {
            applied.add(position);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit trail", e);
    }
    return applied;
  }
}
