package org.seatledger.audit.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.seatledger.audit.api.AuditQueries.Verification;
import org.seatledger.audit.api.AuditQueries.VerificationRun;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.StreamTimeline;
import org.seatledger.eventlog.api.VerificationReport;
import org.seatledger.eventlog.api.projection.Sql;

/**
 * Hash-chain verifications, each kept in {@code audit_verifications} with when, what, who and what
 * was found: run at once (the API's {@code POST /api/audit/verify}, the schedule), or started in
 * the background with its progress written as it goes ({@link VerificationRuns}) for a page to
 * follow. A stream without events is refused rather than reported "OK, 0 events".
 */
@ApplicationScoped
public class Verifications {

  private static final Logger LOG = Logger.getLogger(Verifications.class.getName());

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService executor;

  @Inject EventLog log;
  @Inject StreamTimeline timeline;
  @Inject VerificationRuns runs;

  /** Walks the chain now; empty when the stream named has no event. */
  Optional<Verification> verify(String streamId, String requestedBy) {
    if (streamId != null && timeline.streamVersion(streamId) == 0) {
      return Optional.empty();
    }
    return Optional.of(
        walk(UUID.randomUUID().toString(), streamId, requestedBy, Instant.now(), checked -> {}));
  }

  /** Starts a walk in the background; empty when the stream named has no event. */
  Optional<VerificationRun> start(String streamId, String requestedBy) {
    long total = streamId == null ? log.headPosition() : timeline.streamVersion(streamId);
    if (streamId != null && total == 0) {
      return Optional.empty();
    }
    String id = UUID.randomUUID().toString();
    Instant started = Instant.now();
    VerificationRun run =
        new VerificationRun(id, scopeOf(streamId), started, requestedBy, 0, total, started, null);
    runs.start(run);
    executor.execute(
        () -> {
          try {
            walk(id, streamId, requestedBy, started, new Throttled(id));
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "verification " + id + " could not finish", e);
          } finally {
            runs.end(id);
          }
        });
    return Optional.of(run);
  }

  /** A walk started, running (its progress) or done (its kept result). */
  Optional<VerificationRun> run(String id) {
    Optional<Verification> kept = kept(id);
    if (kept.isPresent()) {
      Verification v = kept.get();
      return Optional.of(
          new VerificationRun(
              v.id(),
              v.scope(),
              v.startedAt(),
              v.requestedBy(),
              v.checkedEvents(),
              v.checkedEvents(),
              v.finishedAt(),
              v));
    }
    return runs.find(id);
  }

  /** Passes a walk's progress on at most four times a second: a page polls about once a second. */
  private final class Throttled implements java.util.function.LongConsumer {
    private static final long EVERY_NANOS = 250_000_000L;
    private final String id;
    private long last = System.nanoTime();

    Throttled(String id) {
      this.id = id;
    }

    @Override
    public void accept(long checked) {
      long now = System.nanoTime();
      if (now - last >= EVERY_NANOS) {
        last = now;
        runs.progress(id, checked);
      }
    }
  }

  private static String scopeOf(String streamId) {
    String scope = streamId == null ? "whole log" : "stream " + streamId;
    return scope.length() > 120 ? scope.substring(0, 120) : scope;
  }

  /** Walks the chain, keeps and returns the result. */
  private Verification walk(
      String id,
      String streamId,
      String requestedBy,
      Instant started,
      java.util.function.LongConsumer progress) {
    VerificationReport report = log.verify(Optional.ofNullable(streamId), progress);
    Verification result =
        new Verification(
            id,
            started,
            Instant.now(),
            scopeOf(streamId),
            report.ok(),
            report.checkedEvents(),
            report.firstBadPosition(),
            report.detail(),
            requestedBy);
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            Sql.prepare(
                c,
                "INSERT INTO audit_verifications (id, started_at, finished_at, scope, ok, checked_events,"
                    + " first_bad_position, detail, requested_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                java.util.Arrays.asList(
                    result.id(),
                    Sql.micros(result.startedAt()),
                    Sql.micros(result.finishedAt()),
                    result.scope(),
                    result.ok(),
                    result.checkedEvents(),
                    result.firstBadPosition(),
                    result.detail().length() > 1000
                        ? result.detail().substring(0, 1000)
                        : result.detail(),
                    result.requestedBy()))) {
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot keep the verification result", e);
    }
    return result;
  }

  /** Kept results, newest first. */
  List<Verification> kept(int limit) {
    return kept(
        "SELECT id, started_at, finished_at, scope, ok, checked_events, first_bad_position, detail,"
            + " requested_by FROM audit_verifications ORDER BY started_at DESC LIMIT ?",
        limit);
  }

  private Optional<Verification> kept(String id) {
    return kept(
            "SELECT id, started_at, finished_at, scope, ok, checked_events, first_bad_position,"
                + " detail, requested_by FROM audit_verifications WHERE id = ?",
            id)
        .stream()
        .findFirst();
  }

  private List<Verification> kept(String query, Object parameter) {
    List<Verification> results = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement q = Sql.prepare(c, query, List.of(parameter));
        ResultSet rows = q.executeQuery()) {
      while (rows.next()) {
        results.add(
            new Verification(
                rows.getString(1),
                Sql.instant(rows.getLong(2)),
                Sql.instant(rows.getLong(3)),
                rows.getString(4),
                rows.getBoolean(5),
                rows.getLong(6),
                (Long) rows.getObject(7, Long.class),
                rows.getString(8),
                rows.getString(9)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read verification results", e);
    }
    return results;
  }
}
