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
 * The staff list of conferences in one query: each conference of the availability read model with
 * its seat types' capacity, held and sold seats summed, so a list of many conferences costs one
 * round trip rather than one per conference.
 */
final class ConferenceRows {

  /** Enough for a screen; a search narrows it. */
  static final int MOST = 500;

  private ConferenceRows() {}

  static List<ConferenceRow> read(Connection c, int generation, String nameContains)
      throws SQLException {
    String text = nameContains == null || nameContains.isBlank() ? null : nameContains.strip();
    String sql =
        "SELECT c.conference_id, c.name, c.slug, c.starts_on, c.ends_on, c.venue, c.published,"
            + " COALESCE(SUM(s.capacity), 0), COALESCE(SUM(s.held), 0), COALESCE(SUM(s.sold), 0)"
            + " FROM reporting_conferences c LEFT JOIN reporting_seat_types s"
            + " ON s.generation = c.generation AND s.conference_id = c.conference_id"
            + " WHERE c.generation = ?"
            + (text == null ? "" : " AND LOWER(c.name) LIKE ? ESCAPE '!'")
            + " GROUP BY c.conference_id, c.name, c.slug, c.starts_on, c.ends_on, c.venue,"
            + " c.published ORDER BY c.starts_on, c.name, c.conference_id";
    List<ConferenceRow> rows = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement(sql)) {
      q.setMaxRows(MOST);
      q.setInt(1, generation);
      if (text != null) {
        q.setString(2, "%" + escapeLike(text.toLowerCase()) + "%");
      }
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
