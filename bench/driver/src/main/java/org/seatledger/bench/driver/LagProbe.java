package org.seatledger.bench.driver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Projection lag seen from outside: while load runs, polls every read model's checkpoint in the
 * database every {@code pollMillis}; afterwards, for each event appended meanwhile, the lag is the
 * first time a poll saw the checkpoint at or past the event, minus the event's recorded time (taken
 * in the append's transaction, just before its commit). Errs on the high side by up to one poll and
 * one query.
 */
final class LagProbe implements AutoCloseable {

  private record Seen(long atMicros, Map<String, Long> positions) {}

  private final String url;
  private final String user;
  private final String password;
  private final int pollMillis;
  private final List<Seen> seen = new ArrayList<>();
  private volatile boolean running = true;
  private final Thread poller;
  private volatile Exception failure;

  LagProbe(String url, String user, String password, int pollMillis) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.pollMillis = pollMillis;
    this.poller = new Thread(this::poll, "lag-probe");
    poller.setDaemon(true);
    poller.start();
  }

  private void poll() {
    try (Connection c = DriverManager.getConnection(url, user, password);
        PreparedStatement q =
            c.prepareStatement(
                "SELECT name, position FROM reporting_projections"
                    + " UNION ALL SELECT name, position FROM audit_projections")) {
      c.setAutoCommit(true);
      // polls once more after being stopped: the caller stops it once every read model has caught
      // up, so the last poll sees the last events arrive even if they did between two polls
      boolean last = false;
      while (!last) {
        last = !running;
        Map<String, Long> positions = new LinkedHashMap<>();
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            positions.put(rs.getString(1), rs.getLong(2));
          }
        }
        long at = micros();
        synchronized (seen) {
          seen.add(new Seen(at, positions));
        }
        if (!last) {
          Thread.sleep(pollMillis);
        }
      }
    } catch (Exception e) {
      failure = e;
    }
  }

  static long micros() {
    Instant now = Instant.now();
    return ChronoUnit.MICROS.between(Instant.EPOCH, now);
  }

  /** Lag histograms in microseconds, per projection, for the events in (after, upTo]. */
  Map<String, Histogram> lags(Connection db, long after, long upTo) throws Exception {
    running = false;
    poller.join(5000);
    if (failure != null) {
      throw failure;
    }
    List<Seen> polls;
    synchronized (seen) {
      polls = new ArrayList<>(seen);
    }
    Map<String, Histogram> lags = new LinkedHashMap<>();
    try (PreparedStatement q =
        db.prepareStatement(
            "SELECT global_position, recorded_at FROM events"
                + " WHERE global_position > ? AND global_position <= ? ORDER BY global_position")) {
      q.setLong(1, after);
      q.setLong(2, upTo);
      try (ResultSet rs = q.executeQuery()) {
        Map<String, Integer> cursor = new LinkedHashMap<>();
        while (rs.next()) {
          long position = rs.getLong(1);
          long recordedAt = rs.getLong(2);
          for (String name :
              polls.isEmpty() ? List.<String>of() : polls.get(0).positions().keySet()) {
            int i = cursor.getOrDefault(name, 0);
            while (i < polls.size() && polls.get(i).positions().getOrDefault(name, 0L) < position) {
              i++;
            }
            cursor.put(name, i);
            if (i == polls.size()) {
              continue; // never seen within the probe: left out, reported as unseen
            }
            long lag = Math.max(1, polls.get(i).atMicros() - recordedAt);
            lags.computeIfAbsent(name, n -> new Histogram(3)).recordValue(lag);
          }
        }
      }
    }
    return lags;
  }

  @Override
  public void close() {
    running = false;
  }
}
