package org.seatledger.audit.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.seatledger.eventlog.api.HashWitness;

/**
 * The events' hashes as the audit trail recorded them when it applied each event, read from the
 * blocks of its live generation ({@link TrailBlocks}) by primary key range. The event log trusts
 * them only where they give a kept digest's checkpoint ({@link HashWitness}); a trail rebuilt after
 * the log was changed records the changed hashes, and the check then names a range instead of a
 * position.
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
    if (from > to) {
      return hashes;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT block, applied, hashes FROM audit_hash_blocks WHERE generation = ?"
                    + " AND block BETWEEN ? AND ?")) {
      q.setInt(1, generation);
      q.setLong(2, TrailBlocks.blockOf(Math.max(1, from)));
      q.setLong(3, TrailBlocks.blockOf(Math.max(1, to)));
      try (ResultSet rows = q.executeQuery()) {
        while (rows.next()) {
          long first = TrailBlocks.firstOf(rows.getLong(1));
          List<String> recorded = TrailBlocks.hashes(rows.getString(3));
          for (int i = 0; i < Math.min(rows.getInt(2), recorded.size()); i++) {
            long position = first + i;
            if (position >= from && position <= to && recorded.get(i) != null) {
              hashes.put(position, recorded.get(i));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
    }
    return hashes;
  }
}
