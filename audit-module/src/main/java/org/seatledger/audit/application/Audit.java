package org.seatledger.audit.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Produces;
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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.seatledger.audit.api.AuditQueries;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.LogAdvanced;
import org.seatledger.eventlog.api.SchemaReady;
import org.seatledger.eventlog.api.VerificationReport;
import org.seatledger.eventlog.api.projection.ProjectionHost;
import org.seatledger.eventlog.api.projection.ProjectionSet;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.eventlog.api.projection.Projectors;
import org.seatledger.eventlog.api.projection.Sql;

/**
 * The audit module: the audit trail projection (search and export), histories with field-level
 * diffs and time travel (replays of the stream, by {@link Histories}), and hash-chain verification
 * on demand and on a schedule, with every result kept. The projection host ({@link ProjectionHost})
 * runs the trail declared in {@link #PROJECTIONS} from the moment the schema is ready; this bean
 * wakes it when an append commits ({@link LogAdvanced}, asynchronously). The scheduled verification
 * starts once the schema is ready ({@link SchemaReady}); before that its table may not exist.
 */
@ApplicationScoped
public class Audit implements AuditQueries {

  private static final Logger LOG = Logger.getLogger(Audit.class.getName());

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  /** The audit trail, kept with its checkpoint in {@code audit_projections}. */
  @Produces
  static final ProjectionSet PROJECTIONS =
      new ProjectionSet("audit_projections", List.of(new AuditTrailProjection()));

  private static final String TRAIL = AuditTrailProjection.NAME;

  @Inject EventLog log;
  @Inject ProjectionHost host;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "seatledger.verify-interval-minutes", defaultValue = "60")
  long verifyMinutes;

  private Projectors trail;
  private ScheduledFuture<?> verification;

  @PostConstruct
  void init() {
    trail = host.projectors(PROJECTIONS);
  }

  synchronized void onSchemaReady(@Observes SchemaReady ready) {
    if (verification == null && verifyMinutes > 0) {
      verification =
          scheduler.scheduleWithFixedDelay(
              this::scheduledVerification, verifyMinutes, verifyMinutes, TimeUnit.MINUTES);
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (verification != null) {
      verification.cancel(false);
    }
  }

  void onAppend(@ObservesAsync LogAdvanced advanced) {
    trail.wake();
  }

  private void scheduledVerification() {
    try {
      Verification result = verify(null, "system");
      if (!result.ok()) {
        LOG.severe("Scheduled verification found the log altered: " + result.detail());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "scheduled verification could not run; it runs again later", e);
    }
  }

  @Override
  public List<HistoryEntry> history(String streamId) {
    return new Histories(log).history(streamId);
  }

  @Override
  public Optional<StateAt> state(String streamId, Instant asOf, Long version) {
    return new Histories(log).state(streamId, asOf, version);
  }

  @Override
  public Page search(Search search) {
    Sql.Where where =
        Sql.where("generation = ?", trail.generation(TRAIL))
            .and("stream_id = ?", search.streamId())
            .and("event_type = ?", search.type())
            .and("recorded_by = ?", search.user())
            .and("recorded_at >= ?", search.from() == null ? null : Sql.micros(search.from()))
            .and("recorded_at < ?", search.to() == null ? null : Sql.micros(search.to()));
    try (Connection c = dataSource.getConnection()) {
      long total = where.count(c, "audit_entries");
      List<Entry> items = new ArrayList<>();
      try (PreparedStatement q =
              Sql.prepare(
                  c,
                  "SELECT global_position, stream_id, stream_type, stream_version, event_type, recorded_at, recorded_by,"
                      + " summary, reason, command_id, correlation_id, causation_id FROM audit_entries"
                      + where.sql()
                      + " ORDER BY global_position DESC LIMIT ? OFFSET ?",
                  where.paged(search.page(), search.size()));
          ResultSet rows = q.executeQuery()) {
        while (rows.next()) {
          items.add(
              new Entry(
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
                  rows.getString(12)));
        }
      }
      return new Page(items, search.page(), search.size(), total);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot search the audit trail", e);
    }
  }

  @Override
  public Verification verify(String streamId, String requestedBy) {
    Instant started = Instant.now();
    VerificationReport report = log.verify(Optional.ofNullable(streamId));
    Verification result =
        new Verification(
            UUID.randomUUID().toString(),
            started,
            Instant.now(),
            streamId == null ? "whole log" : "stream " + streamId,
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
                    result.scope().length() > 120
                        ? result.scope().substring(0, 120)
                        : result.scope(),
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

  @Override
  public List<Verification> verifications(int limit) {
    List<Verification> results = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            Sql.prepare(
                c,
                "SELECT id, started_at, finished_at, scope, ok, checked_events, first_bad_position, detail, requested_by"
                    + " FROM audit_verifications ORDER BY started_at DESC LIMIT ?",
                List.of(limit));
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

  @Override
  public List<ProjectionStatus> projections() {
    return trail.status();
  }

  @Override
  public boolean retry(String projection) {
    return trail.retry(projection);
  }

  @Override
  public boolean pause(String projection) {
    return trail.pause(projection);
  }

  @Override
  public boolean resume(String projection) {
    return trail.resume(projection);
  }

  @Override
  public boolean rebuild(String projection) {
    return trail.rebuild(projection);
  }

  @Override
  public boolean awaitPosition(long position, java.time.Duration patience) {
    return trail.awaitPosition(TRAIL, position, patience);
  }
}
