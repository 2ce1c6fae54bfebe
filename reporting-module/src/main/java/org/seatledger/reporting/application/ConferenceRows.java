package org.seatledger.reporting.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seatledger.reporting.api.ReportingQueries.ConferenceRow;

/**
 * The staff list of conferences, a page at a time: the page's conferences of the availability read
 * model with their seat types' capacity, held and sold seats summed, in one query — only the page's
 * conferences are summed, however many there are — and how many match, in another.
 */
final class ConferenceRows {

  private ConferenceRows() {}

  /** Page {@code page} (from 1) of {@code size} conferences, soonest first. */
  static List<ConferenceRow> read(
      Connection c, int generation, String nameContains, int page, int size) throws SQLException {
    String text = searched(nameContains);
    String sql =
        "SELECT c.conference_id, c.name, c.slug, c.starts_on, c.ends_on, c.venue, c.published,"
            + " COALESCE(SUM(s.capacity), 0), COALESCE(SUM(s.held), 0), COALESCE(SUM(s.sold), 0)"
            + " FROM (SELECT generation, conference_id, name, slug, starts_on, ends_on, venue,"
            + " published FROM reporting_conferences WHERE "
            + matching(text)
            + " ORDER BY starts_on, name, conference_id LIMIT ? OFFSET ?) c"
            + " LEFT JOIN reporting_seat_types s"
            + " ON s.generation = c.generation AND s.conference_id = c.conference_id"
            + " GROUP BY c.conference_id, c.name, c.slug, c.starts_on, c.ends_on, c.venue,"
            + " c.published ORDER BY c.starts_on, c.name, c.conference_id";
    List<ConferenceRow> rows = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement(sql)) {
      int next = bind(q, generation, text);
      q.setInt(next, size);
      q.setLong(next + 1, (long) (Math.max(1, page) - 1) * size);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          int capacity = r.getInt(8);
          int held = r.getInt(9);
          int sold = r.getInt(10);
          rows.add(
              new ConferenceRow(
                  r.getString(1),
                  r.getString(2),
                  r.getString(3),
                  r.getDate(4).toLocalDate(),
                  r.getDate(5).toLocalDate(),
                  r.getString(6),
                  r.getBoolean(7),
                  capacity,
                  held,
                  sold,
                  capacity - held - sold));
        }
      }
    }
    return rows;
  }

  /** How many conferences the list has over all its pages. */
  static long count(Connection c, int generation, String nameContains) throws SQLException {
    String text = searched(nameContains);
    try (PreparedStatement q =
        c.prepareStatement("SELECT COUNT(*) FROM reporting_conferences WHERE " + matching(text))) {
      bind(q, generation, text);
      try (ResultSet r = q.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static String searched(String nameContains) {
    return nameContains == null || nameContains.isBlank() ? null : nameContains.strip();
  }

  private static String matching(String text) {
    return "generation = ?" + (text == null ? "" : " AND LOWER(name) LIKE ? ESCAPE '!'");
  }

  /** Binds {@link #matching}'s values; answers the next parameter's index. */
  private static int bind(PreparedStatement q, int generation, String text) throws SQLException {
    q.setInt(1, generation);
    if (text == null) {
      return 2;
    }
    q.setString(2, "%" + escapeLike(text.toLowerCase()) + "%");
    return 3;
  }

  /**
   * Every conference's name by its id, soonest first, read from the conferences table alone: a list
   * that only names conferences does not pay for summing every conference's seats.
   */
  static Map<String, String> names(Connection c, int generation) throws SQLException {
    Map<String, String> names = new LinkedHashMap<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT conference_id, name FROM reporting_conferences WHERE generation = ?"
                + " ORDER BY starts_on, name, conference_id")) {
      q.setInt(1, generation);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          names.put(r.getString(1), r.getString(2));
        }
      }
    }
    return names;
  }

  /** A typed {@code %} or {@code _} is matched as itself. */
  static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
