package org.seatledger.it.store;

import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.projection.Projection;

/**
 * A fresh full replay of the log into a spare generation of a read model's tables, to compare with
 * the live generation.
 */
final class Replay {
  private Replay() {}

  static void into(
      Projection projection,
      int generation,
      EventLog log,
      DataSource ds,
      UserTransaction tx,
      long upTo)
      throws Exception {
    long position = 0;
    while (position < upTo) {
      List<RecordedEvent> page = log.readAll(position, 500);
      if (page.isEmpty()) {
        break;
      }
      tx.begin();
      try (Connection c = ds.getConnection()) {
        for (RecordedEvent event : page) {
          if (event.globalPosition() > upTo) {
            break;
          }
          projection.apply(event, c, generation);
          position = event.globalPosition();
        }
      }
      tx.commit();
    }
  }

  static void drop(Projection projection, int generation, DataSource ds, UserTransaction tx)
      throws Exception {
    tx.begin();
    try (Connection c = ds.getConnection()) {
      projection.drop(c, generation);
    }
    tx.commit();
  }

  /** The rows of one generation of a table, without the generation column, in key order. */
  static List<List<Object>> rows(DataSource ds, String table, int generation, String orderBy)
      throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection c = ds.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT * FROM " + table + " WHERE generation = ? ORDER BY " + orderBy)) {
      q.setInt(1, generation);
      try (ResultSet rs = q.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (!meta.getColumnLabel(i).equalsIgnoreCase("generation")) {
              Object value = rs.getObject(i);
              row.add(
                  value instanceof java.math.BigDecimal d
                      ? d.stripTrailingZeros().toPlainString()
                      : value);
            }
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  static int liveGeneration(DataSource ds, String projection) throws Exception {
    try (Connection c = ds.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT generation FROM reporting_projections WHERE name = ?")) {
      q.setString(1, projection);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
