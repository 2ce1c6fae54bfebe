package org.seatledger.eventlog.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.seatledger.eventlog.api.DigestCheck;
import org.seatledger.eventlog.api.HashWitness;
import org.seatledger.eventlog.api.LogDamaged;
import org.seatledger.eventlog.api.LogDigest;
import org.seatledger.eventlog.api.LogDigests;

/**
 * Makes and checks digests of the whole log ({@link LogDigest}), reading it a page at a time in
 * position order with plain JDBC, never all of it at once.
 *
 * <p>Making a digest reads only the stored hashes, and only those after the last digest this server
 * made: the running state of that one is kept in memory (never in the database, where whoever could
 * change the log could change it too). Checking a kept digest reads every event up to its position
 * again, recomputes each event's hash from its stored fields, and compares the running digest with
 * the kept one at each of its checkpoints ({@link DigestComparison}). Where only the range between
 * two checkpoints is known to differ, a {@link HashWitness} the kept digest vouches for names the
 * exact position.
 */
@ApplicationScoped
public class LogDigester implements LogDigests {

  private static final int HASHES_PER_READ = 5_000;
  private static final int EVENTS_PER_READ = 1_000;

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  @Inject EventRows rows;

  /** The state after the last digest made here; extended, never trusted for checks. */
  private DigestAccumulator made;

  @Override
  public synchronized LogDigest digest() {
    if (made != null && made.position() > 0) {
      stillThere(made);
    }
    DigestAccumulator running = made == null ? new DigestAccumulator() : made.copy();
    boolean more = true;
    while (more) {
      more = readHashes(running) == HASHES_PER_READ;
    }
    made = running.copy();
    return running.digest(Instant.now());
  }

  /**
   * Refuses to extend the last digest when its last event is gone or no longer has the hash it had:
   * the log was cut short or rewritten since, and a digest must not paper over that.
   */
  private void stillThere(DigestAccumulator last) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement query =
            c.prepareStatement("SELECT hash FROM events WHERE global_position = ?")) {
      query.setLong(1, last.position());
      try (ResultSet found = query.executeQuery()) {
        if (!found.next() || !found.getString(1).equals(last.lastHash())) {
          throw new LogDamaged(
              "The event at position "
                  + last.position()
                  + " is gone or changed since this server's last digest, so no digest is made;"
                  + " check a kept digest and verify the log.");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the event log cannot be read: " + e.getMessage(), e);
    }
  }

  /** Adds the next page of stored hashes; how many it read. */
  private int readHashes(DigestAccumulator running) {
    int read = 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement query =
            c.prepareStatement(
                "SELECT global_position, hash FROM events WHERE global_position > ?"
                    + " ORDER BY global_position LIMIT ?")) {
      query.setLong(1, running.position());
      query.setInt(2, HASHES_PER_READ);
      try (ResultSet found = query.executeQuery()) {
        while (found.next()) {
          long position = found.getLong(1);
          if (position != running.position() + 1) {
            throw new LogDamaged(
                "Position "
                    + (running.position() + 1)
                    + " of the log is missing, so no digest can be made; verify the log.");
          }
          running.add(position, found.getString(2));
          read++;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the event log cannot be read: " + e.getMessage(), e);
    }
    return read;
  }

  @Override
  public DigestCheck check(LogDigest kept, HashWitness witness) {
    DigestComparison comparison =
        new DigestComparison(
            kept, DigestComparison.byWitness(witness, this::storedHashes, HASHES_PER_READ));
    if (kept.position() == 0) {
      return new DigestAccumulator().current().equalsIgnoreCase(kept.digest())
          ? comparison.end()
          : new DigestCheck(false, 0, 0L, 0L, "the digest of an empty log is not this one");
    }
    long after = 0;
    while (!comparison.complete()) {
      List<StoredEvent> page =
          rows.after(after, (int) Math.min(EVENTS_PER_READ, kept.position() - after));
      if (page.isEmpty()) {
        break;
      }
      for (StoredEvent row : page) {
        boolean intact = HashChain.hash(row.previousHash, row.link()).equals(row.hash);
        Optional<DigestCheck> differs = comparison.next(row.globalPosition, row.hash, intact);
        if (differs.isPresent()) {
          return differs.get();
        }
        after = row.globalPosition;
        if (comparison.complete()) {
          break;
        }
      }
    }
    return comparison.end();
  }

  private Map<Long, String> storedHashes(long from, long to) {
    Map<Long, String> hashes = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement query =
            c.prepareStatement(
                "SELECT global_position, hash FROM events WHERE global_position BETWEEN ? AND ?")) {
      query.setLong(1, from);
      query.setLong(2, to);
      try (ResultSet found = query.executeQuery()) {
        while (found.next()) {
          hashes.put(found.getLong(1), found.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the event log cannot be read: " + e.getMessage(), e);
    }
    return hashes;
  }
}
