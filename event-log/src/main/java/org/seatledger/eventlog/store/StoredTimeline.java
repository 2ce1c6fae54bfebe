package org.seatledger.eventlog.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.seatledger.eventlog.api.StreamSnapshot;
import org.seatledger.eventlog.api.StreamTimeline;

/**
 * The auditors' reads of one stream's timeline: its version, the version current at an instant (a
 * binary search over {@code UNIQUE(stream_id, stream_version)}: about 17 index lookups for 100,000
 * events, where a scan would read every row of the stream) and snapshots at or below a version, and
 * the back-fill of snapshots deep in a stream.
 */
@ApplicationScoped
public class StoredTimeline implements StreamTimeline {

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  @Inject EventReads reads;
  @Inject Snapshots snapshots;

  @Override
  public long streamVersion(String streamId) {
    return reads.streamVersion(streamId);
  }

  @Override
  public long versionAt(String streamId, Instant asOf) {
    long asOfMicros = Clock.toMicros(asOf);
    try (Connection c = dataSource.getConnection();
        PreparedStatement recordedAt =
            c.prepareStatement(
                "SELECT recorded_at FROM events WHERE stream_id = ? AND stream_version = ?")) {
      recordedAt.setString(1, streamId);
      long low = 0;
      long high = streamVersion(streamId);
      while (low < high) {
        long middle = low + (high - low + 1) / 2;
        if (micros(recordedAt, middle) <= asOfMicros) {
          low = middle;
        } else {
          high = middle - 1;
        }
      }
      return low;
    } catch (SQLException e) {
      throw new IllegalStateException("the event log cannot be read: " + e.getMessage(), e);
    }
  }

  private static long micros(PreparedStatement recordedAt, long version) throws SQLException {
    recordedAt.setLong(2, version);
    try (ResultSet found = recordedAt.executeQuery()) {
      // a version missing from a gap-free stream can only be a deleted row: treat it as later
      return found.next() ? found.getLong(1) : Long.MAX_VALUE;
    }
  }

  @Override
  public Optional<StreamSnapshot> snapshotAtOrBelow(String streamId, long version) {
    return snapshots
        .atOrBelow(streamId, version)
        .map(
            s ->
                new StreamSnapshot(
                    s.streamId(), s.streamVersion(), s.snapshotVersion(), s.state()));
  }

  @Override
  public void keepSnapshot(String streamId, long streamVersion, int snapshotVersion, String state) {
    snapshots.save(new Snapshots.Snapshot(streamId, streamVersion, snapshotVersion, state));
  }
}
