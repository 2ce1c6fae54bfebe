package org.seatledger.audit.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.seatledger.eventlog.api.HashWitness;

/**
 * The events' hashes as the audit trail recorded them when it applied each event, read from its
 * live generation by primary key range. The event log trusts them only where they give a kept
 * digest's checkpoint ({@link HashWitness}); a trail rebuilt after the log was changed records the
 * changed hashes, and the check then names a range instead of a position.
 */
final class TrailHashes implements HashWitness {

  private final DataSource dataSource;
  private final int generation;

  TrailHashes(DataSource dataSource, int generation) {
    this.dataSource = dataSource;
    this.generation = generation;
  }

  @Override
  public Map<Long, String> hashes(long from, long to) {
    Map<Long, String> hashes = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT global_position, event_hash FROM audit_entries WHERE generation = ?"
                    + " AND global_position BETWEEN ? AND ? AND event_hash IS NOT NULL")) {
      q.setInt(1, generation);
      q.setLong(2, from);
      q.setLong(3, to);
      try (ResultSet rows = q.executeQuery()) {
        while (rows.next()) {
          hashes.put(rows.getLong(1), rows.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
    }
    return hashes;
  }
}
