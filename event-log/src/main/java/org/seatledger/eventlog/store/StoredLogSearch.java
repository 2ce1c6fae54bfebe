package org.seatledger.eventlog.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.seatledger.eventlog.api.LogEntry;
import org.seatledger.eventlog.api.LogQuery;
import org.seatledger.eventlog.api.LogSearch;
import org.seatledger.eventlog.api.projection.Sql;

/**
 * Searches the events table on its indexes: the stream's {@code UNIQUE(stream_id, stream_version)},
 * and {@code V4__audit_search.sql}'s type, user and correlation indexes, each ordered by position
 * after its key so a keyset page is an index range from the cursor. Within one stream the versions
 * run in the order of the positions, so a search of one stream walks the stream's versions, its
 * position cursor turned into a version first.
 */
@ApplicationScoped
public class StoredLogSearch implements LogSearch {

  private static final String COLUMNS =
      "SELECT global_position, stream_id, stream_type, stream_version, event_type, recorded_at,"
          + " recorded_by, command_id, correlation_id, causation_id, reason FROM events";

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  @Override
  public List<LogEntry> find(LogQuery query) {
    try (Connection c = dataSource.getConnection()) {
      boolean oneStream = query.streamIds().size() == 1;
      Long versionBelow =
          oneStream && query.before() != Long.MAX_VALUE
              ? versionBelow(c, query.streamIds().get(0), query.before())
              : null;
      Sql.Where where =
          Sql.where("global_position > ?", query.after() > 0 ? query.after() : null)
              .and("global_position < ?", query.before() != Long.MAX_VALUE ? query.before() : null)
              .and("stream_version < ?", versionBelow)
              .and("recorded_by = ?", query.recordedBy())
              .and("recorded_at >= ?", query.from() == null ? null : Clock.toMicros(query.from()))
              .and("recorded_at < ?", query.to() == null ? null : Clock.toMicros(query.to()))
              .and("correlation_id = ?", query.correlationId())
              .and("command_id = ?", query.commandId());
      where = in(where, "stream_id", query.streamIds());
      where = in(where, "event_type", query.types());
      String order = oneStream ? "stream_version" : "global_position";
      List<Object> parameters = new ArrayList<>(where.parameters());
      parameters.add(query.limit());
      String sql =
          COLUMNS
              + (where.sql().isEmpty() ? "" : where.sql())
              + " ORDER BY "
              + order
              + (query.newestFirst() ? " DESC" : "")
              + " LIMIT ?";
      List<LogEntry> found = new ArrayList<>();
      try (PreparedStatement q = Sql.prepare(c, sql, parameters);
          ResultSet rows = q.executeQuery()) {
        while (rows.next()) {
          found.add(
              new LogEntry(
                  rows.getLong(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getLong(4),
                  rows.getString(5),
                  Clock.fromMicros(rows.getLong(6)),
                  rows.getString(7),
                  rows.getString(8),
                  rows.getString(9),
                  rows.getString(10),
                  rows.getString(11)));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("the event log cannot be searched: " + e.getMessage(), e);
    }
  }

  private static Sql.Where in(Sql.Where where, String column, List<String> values) {
    if (values.isEmpty()) {
      return where;
    }
    String marks = String.join(", ", Collections.nCopies(values.size(), "?"));
    return where.and(
        values.size() == 1 ? column + " = ?" : column + " IN (" + marks + ")", values.toArray());
  }

  /**
   * The version below which the stream's events lie below {@code position}: the cursor's own
   * version when it is an event of the stream (a page of the same search), else one past the
   * stream's newest version below it.
   */
  private static long versionBelow(Connection c, String streamId, long position)
      throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT stream_version FROM events WHERE global_position = ? AND stream_id = ?")) {
      q.setLong(1, position);
      q.setString(2, streamId);
      try (ResultSet row = q.executeQuery()) {
        if (row.next()) {
          return row.getLong(1);
        }
      }
    }
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT MAX(stream_version) FROM events WHERE stream_id = ? AND global_position < ?")) {
      q.setString(1, streamId);
      q.setLong(2, position);
      try (ResultSet row = q.executeQuery()) {
        row.next();
        return row.getLong(1) + 1;
      }
    }
  }
}
