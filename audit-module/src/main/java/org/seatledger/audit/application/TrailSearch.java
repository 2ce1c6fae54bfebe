package org.seatledger.audit.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.seatledger.audit.api.AuditQueries.Entry;
import org.seatledger.audit.api.AuditQueries.Page;
import org.seatledger.audit.api.AuditQueries.Search;
import org.seatledger.eventlog.api.projection.Sql;

/**
 * Searches the audit trail by keyset: newest first by global position, each page asking for the
 * positions below the last one shown. A deep page costs what the first does (an index range from
 * the cursor), where an offset would have the database count off every row before it; and hits
 * arriving meanwhile never shift a page, so paging on shows each hit once. The stream, type and
 * user filters each have an index ordered by position ({@code V4__keyset_search.sql}); the time
 * range and the free text narrow what those ranges (or the primary key) give.
 */
final class TrailSearch {

  private static final String COLUMNS =
      "SELECT global_position, stream_id, stream_type, stream_version, event_type, recorded_at,"
          + " recorded_by, summary, reason, command_id, correlation_id, causation_id FROM audit_entries";

  private final DataSource dataSource;

  TrailSearch(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  Page search(Search search, int generation) {
    Sql.Where where =
        Sql.where("generation = ?", generation)
            .and("stream_id = ?", search.streamId())
            .and("event_type = ?", search.type())
            .and("recorded_by = ?", search.user())
            .and("recorded_at >= ?", search.from() == null ? null : Sql.micros(search.from()))
            .and("recorded_at < ?", search.to() == null ? null : Sql.micros(search.to()))
            .and("LOWER(summary) LIKE ? ESCAPE '!'", pattern(search.text()))
            .and("global_position < ?", search.after());
    List<Object> parameters = new ArrayList<>(where.parameters());
    parameters.add(search.size() + 1);
    List<Entry> items = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            Sql.prepare(
                c, COLUMNS + where.sql() + " ORDER BY global_position DESC LIMIT ?", parameters);
        ResultSet rows = q.executeQuery()) {
      while (rows.next()) {
        items.add(entry(rows));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot search the audit trail", e);
    }
    if (items.size() <= search.size()) {
      return new Page(items, search.size(), null);
    }
    List<Entry> page = List.copyOf(items.subList(0, search.size()));
    return new Page(page, search.size(), page.get(page.size() - 1).globalPosition());
  }

  /** A LIKE pattern finding {@code text} anywhere, its wildcards taken literally; null for none. */
  static String pattern(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String escaped =
        text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
    return "%" + escaped + "%";
  }

  static Entry entry(ResultSet rows) throws SQLException {
    return new Entry(
        rows.getLong(1),
        rows.getString(2),
        rows.getString(3),
        rows.getLong(4),
        rows.getString(5),
        Sql.instant(rows.getLong(6)),
        rows.getString(7),
        rows.getString(8),
        rows.getString(9),
        rows.getString(10),
        rows.getString(11),
        rows.getString(12));
  }
}
