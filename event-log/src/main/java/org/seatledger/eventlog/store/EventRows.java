package org.seatledger.eventlog.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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

  private static final String COLUMNS = columns("payload");

  /**
   * {@link #COLUMNS} without the stored data, a NULL in its place: for a reader that decodes none
   * ({@link org.seatledger.eventlog.api.Decoding#METADATA_ONLY}). The data is most of a row's
   * bytes.
   */
  private static final String COLUMNS_WITHOUT_DATA = columns("NULL");

  private static String columns(String payload) {
    return "SELECT global_position, event_id, stream_id, stream_type, stream_version, event_type,"
        + " schema_version, "
        + payload
        + ", recorded_at, recorded_by, command_id, correlation_id, causation_id, reason,"
        + " previous_hash, hash FROM events";
  }

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  /** At most {@code limit} rows after {@code afterPosition}, in global order. */
  List<StoredEvent> after(long afterPosition, int limit) {
    return after(afterPosition, limit, Set.of(), true).rows();
  }

  /** A page of the log as {@link #after(long, int, Set, boolean)} read it. */
  record Scan(List<StoredEvent> rows, int scanned, long lastPosition) {}

  /**
   * The next {@code limit} positions after {@code afterPosition}, in global order, of which only
   * the rows of the given types (all when empty) are read. A read model folds a few types; the
   * other rows of a rebuild were transferred in full and their type compared in Java, which was
   * most of the time it spent on them.
   *
   * <p>Positions run 1, 2, 3 … without gaps: each append takes the next ones under the lock of
   * {@code event_sequence} and commits before the next append may take any. So the page is the
   * range of positions {@code afterPosition + 1 … afterPosition + limit}, cut at the newest
   * position this read sees (every position below it is committed, none can commit later), and the
   * rows of each type come from the {@code (event_type, global_position)} index, one range a type.
   * One query, one round trip (a live pass of a read model reads a page per commit): the newest
   * position and each type's range are parts of one {@code UNION ALL}, read in one snapshot. The
   * page's positions were taken from the primary key and joined back to the rows before: on MariaDB
   * that read every row of the log twice over, and took two thirds of the database's time in a
   * rebuild of the bookings list. With {@code data} false the rows come without their stored data
   * ({@link StoredEvent#payload} null).
   */
  Scan after(long afterPosition, int limit, Set<String> types, boolean data) {
    String columns = data ? COLUMNS : COLUMNS_WITHOUT_DATA;
    List<StoredEvent> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      if (types.isEmpty()) {
        try (PreparedStatement query =
            c.prepareStatement(
                columns + " WHERE global_position > ? ORDER BY global_position LIMIT ?")) {
          query.setLong(1, afterPosition);
          query.setInt(2, limit);
          read(query, rows);
        }
        return new Scan(
            rows,
            rows.size(),
            rows.isEmpty() ? afterPosition : rows.get(rows.size() - 1).globalPosition);
      }
      long upTo = afterPosition + limit;
      long newest = afterPosition;
      try (PreparedStatement query = c.prepareStatement(typedPage(columns, types.size()))) {
        int i = 0;
        for (String type : types) {
          query.setString(++i, type);
          query.setLong(++i, afterPosition);
          query.setLong(++i, upTo);
        }
        try (ResultSet found = query.executeQuery()) {
          while (found.next()) {
            if (found.getInt(1) == NEWEST) {
              newest = Math.max(afterPosition, found.getLong(2));
            } else {
              rows.add(row(found, 1));
            }
          }
        }
      }
      rows.sort(Comparator.comparingLong(row -> row.globalPosition));
      long last = Math.min(upTo, newest);
      return new Scan(rows, (int) (last - afterPosition), last);
    } catch (SQLException e) {
      throw new IllegalStateException("the event log cannot be read: " + e.getMessage(), e);
    }
  }

  /** The first column of the newest position's row in {@link #typedPage}; the rows have 1. */
  private static final int NEWEST = 0;

  /**
   * The newest position, then the rows of {@code types} types in a range of positions: a range of
   * the type index for each (H2 uses an index for an equal type and a range of positions, but not
   * for a list of types and a range), in no particular order.
   */
  private static String typedPage(String columnsFrom, int types) {
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(NEWEST)
            .append(", MAX(global_position), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,")
            .append(" NULL, NULL, NULL, NULL, NULL, NULL FROM events");
    String columns = columnsFrom.substring("SELECT ".length());
    for (int i = 0; i < types; i++) {
      sql.append(" UNION ALL SELECT 1, ")
          .append(columns)
          .append(" WHERE event_type = ? AND global_position > ? AND global_position <= ?");
    }
    return sql.toString();
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
