package org.seatledger.eventlog.projection;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.SchemaReady;
import org.seatledger.eventlog.api.projection.Projection;
import org.seatledger.eventlog.api.projection.ProjectionHost;
import org.seatledger.eventlog.api.projection.ProjectionSet;
import org.seatledger.eventlog.api.projection.Projectors;

/**
 * The projection host: one {@link ProjectorGroup} per checkpoint table, and the lifecycle every
 * module's projectors share. Nothing runs before {@link SchemaReady} (a module's tables may not
 * exist yet); then the host looks up every declared {@link ProjectionSet} bean, so the projectors
 * run from start-up whether or not their module has been asked anything, and starts one timer per
 * set ({@code seatledger.projection-interval-ms}); a set asked for later starts at once. At
 * shutdown the timers stop.
 *
 * <p>The wake-up after each append is not the host's: as the design card has it, reporting and
 * audit observe {@code LogAdvanced} asynchronously ({@code @ObservesAsync}), and their observer
 * only calls {@link Projectors#wake()}. The timer alone keeps every projection current; a wake-up
 * only shortens the lag.
 */
@ApplicationScoped
public class ProjectionEngine implements ProjectionHost {

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService executor;

  @Inject EventLog log;
  @Inject ProjectionTransactions transactions;
  @Inject Instance<ProjectionSet> declared;
  @Inject MetricRegistry metrics;

  @Inject
  @ConfigProperty(name = "seatledger.projection-interval-ms", defaultValue = "1000")
  long intervalMillis;

  @Inject
  @ConfigProperty(name = "seatledger.projection-batch-size", defaultValue = "500")
  int batchSize;

  @Inject
  @ConfigProperty(name = "seatledger.projection-wake-up", defaultValue = "true")
  boolean wakeUp;

  private final Map<String, ProjectorGroup> groups = new LinkedHashMap<>();
  private boolean schemaReady;
  private StepTimes stepTimes;

  @Override
  public synchronized Projectors projectors(ProjectionSet set) {
    ProjectorGroup group = groups.get(set.checkpointTable());
    if (group != null) {
      if (!group.names().equals(set.names())) {
        throw new IllegalArgumentException(
            set.checkpointTable() + " already holds " + group.names() + ", not " + set.names());
      }
      return group;
    }
    group =
        new ProjectorGroup(
            set.projections().stream().map(p -> runner(p, set.checkpointTable())).toList(),
            executor,
            wakeUp,
            together(set));
    groups.put(set.checkpointTable(), group);
    if (schemaReady) {
      group.start(intervalMillis);
    }
    return group;
  }

  private ProjectionRunner runner(Projection projection, String table) {
    return new ProjectionRunner(
        projection, log, dataSource, transactions, table, batchSize, executor, stepTimes());
  }

  /** The read models' step times on {@code /metrics}, made with the first runner. */
  private StepTimes stepTimes() {
    if (stepTimes == null) {
      stepTimes = new MeteredStepTimes(metrics);
    }
    return stepTimes;
  }

  /** The step that catches a set's projections up together; null for a set of one. */
  private GroupStep together(ProjectionSet set) {
    if (set.projections().size() < 2) {
      return null;
    }
    String table = set.checkpointTable();
    return new GroupStep(
        set.projections(),
        new ContainerTransactions(transactions, table),
        (c, names) -> CheckpointStore.lockAll(c, table, names),
        (after, classes, decoding) -> log.readPage(after, batchSize, classes, decoding),
        (c, names, to) -> CheckpointStore.moveAll(c, table, names, to),
        batchSize);
  }

  synchronized void onSchemaReady(@Observes SchemaReady ready) {
    schemaReady = true;
    for (ProjectionSet set : declared) {
      projectors(set);
    }
    groups.values().forEach(group -> group.start(intervalMillis));
  }

  @PreDestroy
  synchronized void stop() {
    groups.values().forEach(ProjectorGroup::stop);
  }
}
