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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.seatledger.audit.api.AuditQueries;
import org.seatledger.eventlog.api.DigestCheck;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.LogAdvanced;
import org.seatledger.eventlog.api.LogDigest;
import org.seatledger.eventlog.api.LogDigests;
import org.seatledger.eventlog.api.LogSearch;
import org.seatledger.eventlog.api.SchemaReady;
import org.seatledger.eventlog.api.StreamTimeline;
import org.seatledger.eventlog.api.projection.ProjectionHost;
import org.seatledger.eventlog.api.projection.ProjectionSet;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.eventlog.api.projection.Projectors;

/**
 * The audit module: the audit trail projection (the sentences of events, which search by keyset,
 * {@link TrailSearch}, and the causation chains of requests, {@link CausationChains}, join to what
 * they find in the log's own indexes), histories with field-level diffs and time travel (folds of a
 * stream from its nearest snapshot, by {@link Histories}), digests of the whole log (made and
 * checked by the event log, the trail's recorded hashes naming a rewritten event, {@link
 * TrailHashes}), and hash-chain verification ({@link Verifications}) on demand and on a schedule,
 * with every result kept. The projection host ({@link ProjectionHost}) runs the trail declared in
 * {@link #PROJECTIONS} from the moment the schema is ready; this bean wakes it when an append
 * commits ({@link LogAdvanced}, asynchronously). The scheduled verification starts once the schema
 * is ready ({@link SchemaReady}); before that its table may not exist.
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
  @Inject StreamTimeline timeline;
  @Inject LogDigests digests;
  @Inject LogSearch logSearch;
  @Inject ProjectionHost host;
  @Inject Verifications verifications;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "seatledger.verify-interval-minutes", defaultValue = "60")
  long verifyMinutes;

  @Inject
  @ConfigProperty(name = "seatledger.snapshot-keep-every", defaultValue = "1000")
  long snapshotKeepEvery;

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
    trail.wake(advanced.position());
  }

  private void scheduledVerification() {
    try {
      Verification result = verify(null, "system").orElseThrow();
      if (!result.ok()) {
        LOG.severe("Scheduled verification found the log altered: " + result.detail());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "scheduled verification could not run; it runs again later", e);
    }
  }

  @Override
  public Optional<HistoryPage> history(String streamId, Long beforeVersion, int limit) {
    return histories().history(streamId, beforeVersion, limit);
  }

  @Override
  public Optional<StateAt> state(String streamId, Point point) {
    return histories().state(streamId, point);
  }

  @Override
  public Optional<Comparison> compare(String streamId, Point first, Point second) {
    return histories().compare(streamId, first, second);
  }

  private Histories histories() {
    return new Histories(new Replays(log, timeline, snapshotKeepEvery));
  }

  @Override
  public Page search(Search search) {
    return new TrailSearch(logSearch, new TrailLines(dataSource, log))
        .search(search, trail.generation(TRAIL));
  }

  @Override
  public Optional<Causation> causation(String correlationId) {
    long applied = trail.position(TRAIL);
    return new CausationChains(logSearch, new TrailLines(dataSource, log))
        .of(correlationId, trail.generation(TRAIL), applied);
  }

  @Override
  public Optional<Causation> causationOf(long globalPosition) {
    CausationChains chains = new CausationChains(logSearch, new TrailLines(dataSource, log));
    long applied = trail.position(TRAIL);
    int generation = trail.generation(TRAIL);
    return chains
        .correlationOf(globalPosition, generation)
        .flatMap(correlationId -> chains.of(correlationId, generation, applied));
  }

  @Override
  public LogDigest digest() {
    return digests.digest();
  }

  @Override
  public DigestCheck checkDigest(LogDigest kept) {
    return digests.check(kept, new TrailHashes(dataSource, trail.generation(TRAIL)));
  }

  @Override
  public Optional<Verification> verify(String streamId, String requestedBy) {
    return verifications.verify(streamId, requestedBy);
  }

  @Override
  public Optional<VerificationRun> startVerification(String streamId, String requestedBy) {
    return verifications.start(streamId, requestedBy);
  }

  @Override
  public Optional<VerificationRun> verificationRun(String id) {
    return verifications.run(id);
  }

  @Override
  public List<Verification> verifications(int limit) {
    return verifications.kept(limit);
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
