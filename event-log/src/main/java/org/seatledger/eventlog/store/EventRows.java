package org.seatledger.eventlog.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Rows of the {@code events} table read with plain JDBC: they are never changed, so they need none
 * of the bookkeeping an entity manager gives what it reads. Called inside a transaction, a read
 * uses the transaction's connection.
 */
@ApplicationScoped
public class EventRows {

  private static final String COLUMNS =
      "SELECT global_position, event_id, stream_id, stream_type, stream_version, event_type,"
          + " schema_version, payload, recorded_at, recorded_by, command_id, correlation_id,"
          + " causation_id, reason, previous_hash, hash FROM events";

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  /** At most {@code limit} rows after {@code afterPosition}, in global order. */
  List<StoredEvent> after(long afterPosition, int limit) {
    return after(afterPosition, limit, Set.of()).rows();
  }

  /** A page of the log as {@link #after(long, int, Set)} read it. */
  record Scan(List<StoredEvent> rows, int scanned, long lastPosition) {}

  /**
   * The next {@code limit} positions after {@code afterPosition}, in global order, of which only
   * the rows of the given types (all when empty) are read. A read model folds a few types; the
   * other rows of a rebuild were transferred in full and their type compared in Java, which was
   * most of the time it spent on them. The page's positions are taken from the primary key and
   * joined back to the rows of those types, in one query (a live pass of a read model reads a page
   * per commit, so a second round trip for the page's extent cost every pass): a position of
   * another type comes back with its columns empty and only counts towards the page's extent.
   */
  Scan after(long afterPosition, int limit, Set<String> types) {
    List<StoredEvent> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      if (types.isEmpty()) {
        try (PreparedStatement query =
            c.prepareStatement(
                COLUMNS + " WHERE global_position > ? ORDER BY global_position LIMIT ?")) {
          query.setLong(1, afterPosition);
          query.setInt(2, limit);
          read(query, rows);
        }
        return new Scan(
            rows,
            rows.size(),
            rows.isEmpty() ? afterPosition : rows.get(rows.size() - 1).globalPosition);
      }
      int scanned = 0;
      long last = afterPosition;
      try (PreparedStatement query =
          c.prepareStatement(
              "SELECT page.global_position, e.global_position, e.event_id, e.stream_id,"
                  + " e.stream_type, e.stream_version, e.event_type, e.schema_version, e.payload,"
                  + " e.recorded_at, e.recorded_by, e.command_id, e.correlation_id,"
                  + " e.causation_id, e.reason, e.previous_hash, e.hash"
                  + " FROM (SELECT global_position FROM events WHERE global_position > ?"
                  + " ORDER BY global_position LIMIT ?) page"
                  + " LEFT JOIN events e ON e.global_position = page.global_position"
                  + " AND e.event_type IN ("
                  + String.join(", ", Collections.nCopies(types.size(), "?"))
                  + ") ORDER BY page.global_position")) {
        query.setLong(1, afterPosition);
        query.setInt(2, limit);
        int i = 2;
        for (String type : types) {
          query.setString(++i, type);
        }
        try (ResultSet found = query.executeQuery()) {
          while (found.next()) {
            scanned++;
            last = found.getLong(1);
            found.getLong(2);
            if (!found.wasNull()) {
              rows.add(row(found, 1));
            }
          }
        }
      }
      return new Scan(rows, scanned, last);
    } catch (SQLException e) {
      throw new IllegalStateException("the event log cannot be read: " + e.getMessage(), e);
    }
  }

  private static void read(PreparedStatement query, List<StoredEvent> rows) throws SQLException {
    try (ResultSet found = query.executeQuery()) {
      while (found.next()) {
        rows.add(row(found));
      }
    }
  }

  /** The positions alone of at most {@code limit} rows after {@code afterPosition}, in order. */
  long[] positionsAfter(long afterPosition, int limit) {
    long[] positions = new long[Math.max(0, limit)];
    int found = 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement query =
            c.prepareStatement(
                "SELECT global_position FROM events WHERE global_position > ?"
                    + " ORDER BY global_position LIMIT ?")) {
      query.setLong(1, afterPosition);
      query.setInt(2, limit);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next() && found < positions.length) {
          positions[found++] = rows.getLong(1);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the event log cannot be read: " + e.getMessage(), e);
    }
    return Arrays.copyOf(positions, found);
  }

  /** At most {@code limit} rows of one stream from {@code fromVersion} on, in version order. */
  List<StoredEvent> ofStream(String streamId, long fromVersion, int limit) {
    return where(
        " WHERE stream_id = ? AND stream_version >= ? ORDER BY stream_version LIMIT ?",
        streamId,
        fromVersion,
        limit);
  }

  /** The rows matching {@code where} (a WHERE clause with its ORDER BY and LIMIT). */
  List<StoredEvent> where(String where, Object... parameters) {
    List<StoredEvent> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement query = c.prepareStatement(COLUMNS + where)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      try (ResultSet found = query.executeQuery()) {
        while (found.next()) {
          rows.add(row(found));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the event log cannot be read: " + e.getMessage(), e);
    }
    return rows;
  }

  private static StoredEvent row(ResultSet found) throws SQLException {
    return row(found, 0);
  }

  /** The row whose 16 columns, in {@link #COLUMNS}' order, follow the first {@code skip}. */
  private static StoredEvent row(ResultSet found, int skip) throws SQLException {
    StoredEvent row = new StoredEvent();
    row.globalPosition = found.getLong(skip + 1);
    row.eventId = found.getString(skip + 2);
    row.streamId = found.getString(skip + 3);
    row.streamType = found.getString(skip + 4);
    row.streamVersion = found.getLong(skip + 5);
    row.eventType = found.getString(skip + 6);
    row.schemaVersion = found.getInt(skip + 7);
    row.payload = found.getString(skip + 8);
    row.recordedAtMicros = found.getLong(skip + 9);
    row.recordedBy = found.getString(skip + 10);
    row.commandId = found.getString(skip + 11);
    row.correlationId = found.getString(skip + 12);
    row.causationId = found.getString(skip + 13);
    row.reason = found.getString(skip + 14);
    row.previousHash = found.getString(skip + 15);
    row.hash = found.getString(skip + 16);
    return row;
  }
}
