package org.seatledger.it.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seatledger.it.store.Fixtures.append;
import static org.seatledger.it.store.Fixtures.command;
import static org.seatledger.it.store.Fixtures.newStream;
import static org.seatledger.it.store.Fixtures.reserved;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.seatledger.eventlog.api.AppendResult;
import org.seatledger.eventlog.api.EventDecodingException;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.EventPage;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.VerificationReport;
import org.seatledger.eventlog.api.projection.Projection;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.eventlog.projection.ProjectionRunner;
import org.seatledger.eventlog.projection.ProjectionTransactions;

/**
 * The projection runner on its own, in the container's transactions: the timer alone keeps a
 * projection current (no wake-ups at all), and a poison event stops it at that event until a fix
 * and a retry — nothing skipped, nothing applied twice.
 */
@ExtendWith(ArquillianExtension.class)
class ProjectionMechanicsIT {

  @Deployment
  static WebArchive deployment() {
    return StoreDeployment.of(
        "projection-mechanics-it", ProjectionMechanicsIT.class, Fixtures.class);
  }

  @Inject EventStore store;
  @Inject EventLog log;
  @Inject ProjectionTransactions transactions;

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry registry;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  /** Records the positions it applied, counting only batches that committed. */
  final class Recording implements Projection {
    final String name = "it.recording-" + UUID.randomUUID();
    final List<Long> applied = Collections.synchronizedList(new ArrayList<>());
    volatile Long poison;

    @Override
    public String name() {
      return name;
    }

    @Override
    public void apply(RecordedEvent event, Connection connection, int generation) {
      if (poison != null && event.globalPosition() == poison) {
        throw new IllegalStateException("cannot handle " + event.type());
      }
      long position = event.globalPosition();
      registry.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              if (status == Status.STATUS_COMMITTED) {
                applied.add(position);
              }
            }
          });
    }

    @Override
    public void drop(Connection connection, int generation) {}
  }

  private ProjectionRunner runner(Recording projection) {
    return new ProjectionRunner(
        projection, log, dataSource, transactions, "reporting_projections", 200, scheduler);
  }

  /**
   * The engine's transactions: a step whose result is refused, and a step whose statement fails,
   * both leave nothing behind; an accepted step commits.
   */
  @Test
  void aRefusedOrFailedStepOfTheEngineIsRolledBackAndAnAcceptedOneCommits() throws Exception {
    Recording projection = new Recording();
    runner(projection).runOnce(); // creates its checkpoint row
    long before = updatedAt(projection.name);

    assertThrows(
        ProjectionTransactions.RolledBack.class,
        () -> transactions.run(c -> markUpdatedAt(c, projection.name, -7), changed -> false));
    assertThrows(
        SQLException.class,
        () ->
            transactions.<Integer>run(
                c -> {
                  markUpdatedAt(c, projection.name, -8);
                  throw new SQLException("the statement after it failed");
                },
                changed -> true));
    assertEquals(before, updatedAt(projection.name), "neither step left its update behind");

    int changed = transactions.run(c -> markUpdatedAt(c, projection.name, -9), n -> true);
    assertEquals(1, changed);
    assertEquals(-9, updatedAt(projection.name));
  }

  private static int markUpdatedAt(Connection c, String name, long value) throws SQLException {
    try (var update =
        c.prepareStatement("UPDATE reporting_projections SET updated_at = ? WHERE name = ?")) {
      update.setLong(1, value);
      update.setString(2, name);
      return update.executeUpdate();
    }
  }

  private long updatedAt(String name) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var query =
            c.prepareStatement("SELECT updated_at FROM reporting_projections WHERE name = ?")) {
      query.setString(1, name);
      try (var rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** Inserts one row per event into a table with a primary key: a second application fails. */
  static final class Inserting implements Projection {
    final String name = "it.inserting-" + UUID.randomUUID();

    @Override
    public String name() {
      return name;
    }

    @Override
    public void apply(RecordedEvent event, Connection connection, int generation)
        throws SQLException {
      try (var insert =
          connection.prepareStatement(
              "INSERT INTO reporting_stat_bookings (generation, booking_id, conference_id, total)"
                  + " VALUES (?, ?, 'it', 0)")) {
        insert.setInt(1, generation);
        insert.setString(2, name.substring(name.length() - 36) + "-" + event.globalPosition());
        insert.executeUpdate();
      }
    }

    @Override
    public void drop(Connection connection, int generation) {}
  }

  /** Two servers' runners for one projection, racing on a short timer while events keep coming. */
  @Test
  void twoRunnersRacingForOneProjectionApplyEveryEventOnce() throws Exception {
    Inserting projection = new Inserting();
    ProjectionRunner one =
        new ProjectionRunner(
            projection, log, dataSource, transactions, "reporting_projections", 50, scheduler);
    ProjectionRunner two =
        new ProjectionRunner(
            projection, log, dataSource, transactions, "reporting_projections", 50, scheduler);
    ScheduledFuture<?> first =
        scheduler.scheduleWithFixedDelay(one::runOnce, 0, 5, TimeUnit.MILLISECONDS);
    ScheduledFuture<?> second =
        scheduler.scheduleWithFixedDelay(two::runOnce, 0, 7, TimeUnit.MILLISECONDS);
    try {
      String stream = newStream("race-projection");
      for (int i = 0; i < 300; i++) {
        store.append(
            command(), List.of(append(stream, ExpectedVersion.ANY, reserved(stream, 1))), null);
      }
      long head = log.headPosition();
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (one.status().checkpoint() < head
          && !"STOPPED".equals(one.status().status())
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(50);
      }
      ProjectionStatus status = one.status();
      assertEquals("RUNNING", status.status(), "no event was applied twice: " + status.error());
      assertEquals(head, status.checkpoint());
    } finally {
      first.cancel(false);
      second.cancel(false);
    }
  }

  @Test
  void theTimerAloneBringsAProjectionUpToDate() throws Exception {
    Recording projection = new Recording();
    ProjectionRunner runner = runner(projection);
    ScheduledFuture<?> timer =
        scheduler.scheduleWithFixedDelay(runner::runOnce, 0, 100, TimeUnit.MILLISECONDS);
    try {
      String stream = newStream("timer");
      for (int i = 0; i < 20; i++) {
        store.append(
            command(), List.of(append(stream, ExpectedVersion.ANY, reserved(stream, 1))), null);
      }
      long head = log.headPosition();
      Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
      while (runner.position() < head && Instant.now().isBefore(deadline)) {
        Thread.sleep(50);
      }
      assertEquals(head, runner.status().checkpoint(), "caught up without any wake-up");
    } finally {
      timer.cancel(false);
    }
    List<Long> applied = new ArrayList<>(projection.applied);
    assertEquals(applied.size(), applied.stream().distinct().count(), "each event once");
    for (int i = 1; i < applied.size(); i++) {
      assertTrue(applied.get(i) > applied.get(i - 1), "in global order");
    }
  }

  @Test
  void aPoisonEventStopsTheProjectionThereUntilAFixAndARetry() {
    Recording projection = new Recording();
    ProjectionRunner runner = runner(projection);
    runner.runOnce();
    String stream = newStream("poison");
    AppendResult written =
        store.append(
            command(),
            List.of(
                append(
                    stream,
                    ExpectedVersion.NO_STREAM,
                    reserved(stream, 1),
                    reserved(stream, 2),
                    reserved(stream, 3))),
            null);
    long poison = written.firstPosition() + 1;
    projection.poison = poison;

    runner.runOnce();
    ProjectionStatus stopped = runner.status();
    assertEquals("STOPPED", stopped.status());
    assertEquals(poison, stopped.errorPosition());
    assertTrue(stopped.error().contains("cannot handle SeatsReserved"), stopped.error());
    assertEquals(poison - 1, stopped.checkpoint(), "everything before the poison event is applied");
    assertTrue(projection.applied.contains(poison - 1));

    runner.runOnce();
    assertEquals(
        poison - 1, runner.status().checkpoint(), "a stopped projection does not skip ahead");

    projection.poison = null;
    runner.retry();
    runner.runOnce();
    ProjectionStatus resumed = runner.status();
    assertEquals("RUNNING", resumed.status());
    assertNull(resumed.error());
    assertTrue(resumed.checkpoint() >= written.lastPosition());
    for (long p = written.firstPosition(); p <= written.lastPosition(); p++) {
      assertEquals(
          1,
          Collections.frequency(projection.applied, p),
          "position " + p + " applied exactly once");
    }
  }

  @Test
  void aPausedProjectionAppliesNothingUntilResumedOnEveryRunner() {
    Recording projection = new Recording();
    ProjectionRunner runner = runner(projection);
    ProjectionRunner otherServer = runner(projection);
    runner.runOnce();
    long before = runner.status().checkpoint();

    assertTrue(runner.pause());
    assertFalse(runner.pause(), "pausing twice is refused");
    String stream = newStream("paused");
    AppendResult written =
        store.append(
            command(),
            List.of(
                append(
                    stream, ExpectedVersion.NO_STREAM, reserved(stream, 1), reserved(stream, 2))),
            null);
    runner.runOnce();
    otherServer.runOnce();
    ProjectionStatus paused = otherServer.status();
    assertEquals("PAUSED", paused.status(), "the pause is kept in the checkpoint row");
    assertEquals(before, paused.checkpoint(), "nothing applied while paused");
    assertTrue(paused.lagEvents() >= 2, "the lag shows how far behind it fell");
    assertFalse(projection.applied.contains(written.firstPosition()));

    runner.retry();
    runner.runOnce();
    assertEquals("PAUSED", runner.status().status(), "a retry (for stopped ones) does not resume");

    assertTrue(otherServer.resume());
    assertFalse(otherServer.resume(), "resuming a running projection is refused");
    runner.runOnce();
    assertEquals("RUNNING", runner.status().status());
    assertTrue(runner.status().checkpoint() >= written.lastPosition());
    for (long p = written.firstPosition(); p <= written.lastPosition(); p++) {
      assertEquals(1, Collections.frequency(projection.applied, p), "position " + p + " once");
    }
  }

  /**
   * The log, except that reading a page that starts before {@code failBefore} (a rebuild's, not the
   * live pass at the head) fails as {@code failure} says.
   */
  final class FailingLog implements EventLog {
    volatile long failBefore = 0;
    volatile java.util.function.Supplier<RuntimeException> failure;

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int limit) {
      return log.readAll(afterPosition, limit);
    }

    @Override
    public EventPage readPage(long afterPosition, int limit, Set<Class<?>> classes) {
      if (afterPosition < failBefore) {
        throw failure.get();
      }
      return log.readPage(afterPosition, limit, classes);
    }

    @Override
    public List<RecordedEvent> readStream(String streamId, long fromVersion, int limit) {
      return log.readStream(streamId, fromVersion, limit);
    }

    @Override
    public long headPosition() {
      return log.headPosition();
    }

    @Override
    public VerificationReport verify(Optional<String> streamId) {
      return log.verify(streamId);
    }
  }

  @Test
  void anUnreadableEventStopsARebuildThereAndADatabaseFailureOnlyEndsThePass() {
    String stream = newStream("unreadable");
    store.append(
        command(),
        List.of(
            append(stream, ExpectedVersion.NO_STREAM, reserved(stream, 1), reserved(stream, 1))),
        null);
    Recording projection = new Recording();
    FailingLog failing = new FailingLog();
    ProjectionRunner runner =
        new ProjectionRunner(
            projection, failing, dataSource, transactions, "reporting_projections", 200, scheduler);
    runner.runOnce();
    long head = log.headPosition();
    assertEquals(head, runner.status().checkpoint());

    failing.failBefore = head;
    failing.failure = () -> new IllegalStateException("the database went away");
    assertTrue(runner.startRebuild());
    runner.runOnce();
    assertEquals("REBUILDING", runner.status().status(), "a database failure is tried again");

    failing.failure = () -> new EventDecodingException("personal data does not decrypt");
    runner.runOnce();
    ProjectionStatus stopped = runner.status();
    assertEquals("STOPPED", stopped.status(), "an unreadable event stops the rebuild, loudly");
    assertTrue(stopped.error().contains("does not decrypt"), stopped.error());

    failing.failBefore = 0;
    runner.retry();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!"RUNNING".equals(runner.status().status()) && Instant.now().isBefore(deadline)) {
      runner.runOnce();
    }
    assertEquals("RUNNING", runner.status().status(), "after a fix the rebuild finishes");
    assertTrue(runner.status().checkpoint() >= head);
  }
}
