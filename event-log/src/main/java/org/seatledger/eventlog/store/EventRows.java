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
   * most of the time it spent on them. Now the page's extent (how many positions, up to which) is
   * read from the primary key alone, and then only the rows of those types within it — in the same
   * transaction, and positions commit in order, so every row up to the last position is there.
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
      int scanned;
      long last;
      try (PreparedStatement extent =
          c.prepareStatement(
              "SELECT COUNT(*), MAX(global_position) FROM (SELECT global_position FROM events"
                  + " WHERE global_position > ? ORDER BY global_position LIMIT ?) page")) {
        extent.setLong(1, afterPosition);
        extent.setInt(2, limit);
        try (ResultSet found = extent.executeQuery()) {
          found.next();
          scanned = found.getInt(1);
          last = scanned == 0 ? afterPosition : found.getLong(2);
        }
      }
      if (scanned == 0) {
        return new Scan(rows, 0, afterPosition);
      }
      try (PreparedStatement query =
          c.prepareStatement(
              COLUMNS
                  + " WHERE global_position > ? AND global_position <= ? AND event_type IN ("
                  + String.join(", ", Collections.nCopies(types.size(), "?"))
                  + ") ORDER BY global_position")) {
        query.setLong(1, afterPosition);
        query.setLong(2, last);
        int i = 2;
        for (String type : types) {
          query.setString(++i, type);
        }
        read(query, rows);
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
    StoredEvent row = new StoredEvent();
    row.globalPosition = found.getLong(1);
    row.eventId = found.getString(2);
    row.streamId = found.getString(3);
    row.streamType = found.getString(4);
    row.streamVersion = found.getLong(5);
    row.eventType = found.getString(6);
    row.schemaVersion = found.getInt(7);
    row.payload = found.getString(8);
    row.recordedAtMicros = found.getLong(9);
    row.recordedBy = found.getString(10);
    row.commandId = found.getString(11);
    row.correlationId = found.getString(12);
    row.causationId = found.getString(13);
    row.reason = found.getString(14);
    row.previousHash = found.getString(15);
    row.hash = found.getString(16);
    return row;
  }
}
