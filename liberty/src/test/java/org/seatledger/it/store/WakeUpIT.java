package org.seatledger.it.store;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seatledger.it.store.Fixtures.append;
import static org.seatledger.it.store.Fixtures.command;
import static org.seatledger.it.store.Fixtures.newStream;
import static org.seatledger.it.store.Fixtures.reserved;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.seatledger.eventlog.api.AppendResult;
import org.seatledger.eventlog.api.CommandAppend;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.ExpectedVersion;

/**
 * The wake-up after commits as the modules hear it ({@code LogAdvanced}), now that it waits for the
 * group committer to run out of queued work: it still comes for every commit — through the
 * committer, from a caller's own transaction, after many writers at once — and names the position
 * the commit reached; a rolled-back append wakes nobody. The deployment's own event store (a second
 * "server" on the same database) is the one appended to and heard from.
 */
@ExtendWith(ArquillianExtension.class)
class WakeUpIT {

  /** Far above the bound (a few milliseconds), far below the projections' one-second timer. */
  private static final long PATIENCE_MILLIS = 900;

  @Deployment
  static WebArchive deployment() {
    return StoreDeployment.of("wake-up-it", WakeUpIT.class, Fixtures.class, HeardWakeUps.class);
  }

  @Inject EventStore store;
  @Inject HeardWakeUps wakeUps;
  @Inject UserTransaction transaction;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Test
  void anAppendThroughTheCommitterWakesTheReadModelsUpToItsPosition() throws Exception {
    String stream = newStream("wake");
    AppendResult result =
        store.append(
            command(),
            List.of(append(stream, ExpectedVersion.NO_STREAM, reserved(stream, 1))),
            null);

    assertTrue(
        wakeUps.awaitReaching(result.lastPosition(), PATIENCE_MILLIS),
        "a wake-up named " + result.lastPosition() + "; heard " + wakeUps.heard());
  }

  @Test
  void anAppendInTheCallersTransactionWakesThemWhenThatCommitsAndNotWhenItRollsBack()
      throws Exception {
    String rolledBack = newStream("wake-rolled-back");
    transaction.begin();
    store.appendAll(
        List.of(
            new CommandAppend(
                command(),
                List.of(append(rolledBack, ExpectedVersion.NO_STREAM, reserved(rolledBack, 1))),
                null)));
    transaction.rollback();
    long head = store.headPosition();
    assertTrue(
        wakeUps.heard().stream().allMatch(position -> position <= head),
        "no wake-up for a position past the head after the rollback: " + wakeUps.heard());

    String stream = newStream("wake-own");
    transaction.begin();
    AppendResult result =
        store
            .appendAll(
                List.of(
                    new CommandAppend(
                        command(),
                        List.of(append(stream, ExpectedVersion.NO_STREAM, reserved(stream, 1))),
                        null)))
            .get(0);
    transaction.commit();

    assertTrue(
        wakeUps.awaitReaching(result.lastPosition(), PATIENCE_MILLIS),
        "a wake-up named " + result.lastPosition() + "; heard " + wakeUps.heard());
  }

  @Test
  void afterManyWritersAtOnceTheLastWakeUpReachesTheLastCommitAndFewerWentOutThanCommits()
      throws Exception {
    int writers = 16;
    int each = 20;
    int before = wakeUps.heard().size();
    ExecutorService pool = Executors.newFixedThreadPool(writers, threads);
    List<Future<Long>> lasts = new ArrayList<>();
    try {
      for (int w = 0; w < writers; w++) {
        lasts.add(
            pool.submit(
                () -> {
                  long last = 0;
                  for (int i = 0; i < each; i++) {
                    String stream = newStream("wake-many");
                    last =
                        Math.max(
                            last,
                            store
                                .append(
                                    command(),
                                    List.of(
                                        append(
                                            stream,
                                            ExpectedVersion.NO_STREAM,
                                            reserved(stream, 1))),
                                    null)
                                .lastPosition());
                  }
                  return last;
                }));
      }
      long last = 0;
      for (Future<Long> writer : lasts) {
        last = Math.max(last, writer.get(60, TimeUnit.SECONDS));
      }

      assertTrue(
          wakeUps.awaitReaching(last, PATIENCE_MILLIS), "a wake-up named the last commit, " + last);
      int heard = wakeUps.heard().size() - before;
      assertTrue(
          heard < writers * each,
          heard + " wake-ups for " + writers * each + " commits: they are not coalesced");
    } finally {
      pool.shutdownNow();
    }
  }
}
