package org.seatledger.audit.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.seatledger.audit.api.AuditQueries.Entry;
import org.seatledger.eventlog.api.LogEntry;
import org.seatledger.eventlog.api.projection.Sql;

/**
 * The trail's own part of the entries of events found in the log: their sentences and reasons as
 * shown, by position, from the trail's live generation. An event the trail has not applied yet has
 * none and is left out, as it was before the trail reached it.
 */
class TrailLines {

  /** The sentence and the reason of one event. */
  record Line(String summary, String reason) {}

  private final DataSource dataSource;

  TrailLines(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The entries of {@code events} the trail has, in their order; with a {@code pattern} (see {@link
   * TrailSearch#pattern}) only those whose sentence matches it.
   */
  List<Entry> entries(List<LogEntry> events, int generation, String pattern) {
    if (events.isEmpty()) {
      return List.of();
    }
    Map<Long, Line> lines = lines(events, generation, pattern);
    List<Entry> entries = new ArrayList<>();
    for (LogEntry e : events) {
      Line line = lines.get(e.globalPosition());
      if (line != null) {
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

  /**
   * By primary key: the range between the lowest and highest position when the events fill most of
   * it (a page of the whole trail), else the positions themselves.
   */
  private Map<Long, Line> lines(List<LogEntry> events, int generation, String pattern) {
    long lowest = Long.MAX_VALUE;
    long highest = Long.MIN_VALUE;
    for (LogEntry e : events) {
      lowest = Math.min(lowest, e.globalPosition());
      highest = Math.max(highest, e.globalPosition());
    }
    List<Object> parameters = new ArrayList<>();
    parameters.add(generation);
    String positions;
    if (highest - lowest < 2L * events.size()) {
      positions = "global_position BETWEEN ? AND ?";
      parameters.add(lowest);
      parameters.add(highest);
    } else {
      positions =
          "global_position IN (" + String.join(", ", Collections.nCopies(events.size(), "?")) + ")";
      events.forEach(e -> parameters.add(e.globalPosition()));
    }
    String text = "";
    if (pattern != null) {
      text = " AND LOWER(summary) LIKE ? ESCAPE '!'";
      parameters.add(pattern);
    }
    Map<Long, Line> lines = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            Sql.prepare(
                c,
                "SELECT global_position, summary, reason FROM audit_entries WHERE generation = ? AND "
                    + positions
                    + text,
                parameters);
        ResultSet rows = q.executeQuery()) {
      while (rows.next()) {
        lines.put(rows.getLong(1), new Line(rows.getString(2), rows.getString(3)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit trail", e);
    }
    return lines;
  }
}
