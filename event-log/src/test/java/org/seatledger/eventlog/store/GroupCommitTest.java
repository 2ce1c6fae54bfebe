package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.AppendResult;
import org.seatledger.eventlog.api.CommandAppend;
import org.seatledger.eventlog.api.CommandMetadata;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.eventlog.api.StreamAppend;
import org.seatledger.eventlog.store.LogWriter.Written;

/**
 * The committer's side of group commit, on a writer that stands in for the database: who gets which
 * answer, how appends are grouped, and what a failed transaction does to its neighbours.
 */
class GroupCommitTest {

  private final GroupCommit groupCommit = new GroupCommit();
  private final RecentEvents recent = new RecentEvents(100);

  @AfterEach
  void stop() {
    groupCommit.stop();
  }

  @Test
  void everyCallerGetsTheOutcomeOfItsOwnBatchWhateverGroupItWasCommittedIn() throws Exception {
    FakeWriter writer = start(new FakeWriter());
    List<CompletableFuture<List<AppendResult>>> results = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      results.add(groupCommit.submit(batch("c" + i)));
    }
    Set<Long> positions = new HashSet<>();
    for (int i = 0; i < results.size(); i++) {
      AppendResult result = results.get(i).get(10, TimeUnit.SECONDS).get(0);
      assertEquals("c" + i, result.outcome());
      positions.add(result.firstPosition());
    }
    assertEquals(500, positions.size(), "each append has a position of its own");
    assertEquals(500, writer.written.get(), "each append was written once");
  }

  @Test
  void aGroupIsNeverLargerThanTheLimitAndAnAppendThatWouldOverfillItWaitsForTheNext()
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    FakeWriter writer =
        start(
            new FakeWriter() {
              @Override
              void whileWriting(int call) throws InterruptedException {
                if (call == 1) {
                  release.await(10, TimeUnit.SECONDS);
                }
              }
            });
    CompletableFuture<List<AppendResult>> blocker = groupCommit.submit(batch("blocker"));
    while (writer.calls.get() == 0) {
      Thread.onSpinWait();
    }
    List<CompletableFuture<List<AppendResult>>> big = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      big.add(groupCommit.submit(batch("big" + i, 400)));
    }
    release.countDown();
    blocker.get(10, TimeUnit.SECONDS);
    for (int i = 0; i < 3; i++) {
      assertEquals(400, big.get(i).get(10, TimeUnit.SECONDS).size());
    }
    assertEquals(List.of(1, 800, 400), writer.groupSizes);
  }

  @Test
  void whenAGroupsTransactionFailsEachAppendIsWrittenAloneAndOnlyTheBadOneFails() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    FakeWriter writer =
        start(
            new FakeWriter() {
              @Override
              void whileWriting(int call) throws InterruptedException {
                if (call == 1) {
                  release.await(10, TimeUnit.SECONDS);
                }
              }

              @Override
              boolean fails(List<Prepared.Batch> batches) {
                return batches.stream().anyMatch(b -> commandId(b).equals("bad"));
              }
            });
    CompletableFuture<List<AppendResult>> blocker = groupCommit.submit(batch("blocker"));
    while (writer.calls.get() == 0) {
      Thread.onSpinWait();
    }
    CompletableFuture<List<AppendResult>> good = groupCommit.submit(batch("good"));
    CompletableFuture<List<AppendResult>> bad = groupCommit.submit(batch("bad"));
    release.countDown();
    assertEquals("good", good.get(10, TimeUnit.SECONDS).get(0).outcome());
    ExecutionException failed =
        assertThrows(ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
    assertTrue(failed.getCause() instanceof IllegalStateException);
    blocker.get(10, TimeUnit.SECONDS);
  }

  @Test
  void onceTheCommitterHasCommittedAGroupTheNextGoesInOneTripAtTheNextPositions() throws Exception {
    FakeWriter writer = start(new FakeWriter().withOneTrip());

    AppendResult first = groupCommit.submit(streamBatch("a")).get(10, TimeUnit.SECONDS).get(0);
    AppendResult second = groupCommit.submit(streamBatch("b")).get(10, TimeUnit.SECONDS).get(0);

    assertEquals(List.of("ordinary a", "one trip b"), writer.log);
    assertEquals(1, first.firstPosition());
    assertEquals(2, second.firstPosition());
    assertEquals("b", second.outcome());
  }

  @Test
  void aOneTripGroupTheDatabaseRefusesIsWrittenTheOrdinaryWayAndTheNextGroupToo() throws Exception {
    FakeWriter writer =
        start(
            new FakeWriter() {
              @Override
              void beforeOneTrip(KnownTail.Plan plan) {
                if (writer().log.size() == 1) {
                  throw new IllegalStateException("append_group: the log is not where it was left");
                }
              }
            }.withOneTrip());

    List<AppendResult> results = new ArrayList<>();
    for (String id : List.of("a", "b", "c", "d")) {
      results.add(groupCommit.submit(streamBatch(id)).get(10, TimeUnit.SECONDS).get(0));
    }

    assertEquals(
        List.of("ordinary a", "refused b", "ordinary b", "ordinary c", "one trip d"), writer.log);
    assertEquals(
        List.of(1L, 2L, 3L, 4L), results.stream().map(AppendResult::firstPosition).toList());
    assertEquals("b", results.get(1).outcome());
  }

  @Test
  void theRowsOfEveryCommittedGroupAreKeptForTheReadModelsBeforeItsCallersAreAnswered()
      throws Exception {
    FakeWriter writer =
        start(
            new FakeWriter() {
              @Override
              void beforeOneTrip(KnownTail.Plan plan) {
                if (writer().log.size() == 2) {
                  throw new IllegalStateException("append_group: the log is not where it was left");
                }
              }
            }.withOneTrip());

    for (String id : List.of("a", "b", "c", "d")) {
      long position =
          groupCommit.submit(streamBatch(id)).get(10, TimeUnit.SECONDS).get(0).lastPosition();
      EventRows.Scan page = recent.after(position - 1, 500, Set.of()).orElseThrow();
      assertEquals(position, page.lastPosition(), id + "'s row is there when its caller hears");
    }

    assertEquals(
        List.of("ordinary a", "one trip b", "refused c", "ordinary c", "ordinary d"), writer.log);
    EventRows.Scan all = recent.after(0, 500, Set.of()).orElseThrow();
    assertEquals(
        List.of(1L, 2L, 3L, 4L),
        all.rows().stream().map(row -> row.globalPosition).toList(),
        "one run of the committed rows, none of the refused attempt's");
  }

  @Test
  void theReadModelsAreWokenOnceTheQueueIsEmptyAndAfterTheCallersHaveTheirAnswers()
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    FakeWriter writer = holdingTheFirstGroup(release);
    List<CompletableFuture<List<AppendResult>>> results = new ArrayList<>();
    results.add(groupCommit.submit(batch("blocker")));
    while (writer.calls.get() == 0) {
      Thread.onSpinWait();
    }
    for (int i = 0; i < 3; i++) {
      results.add(groupCommit.submit(batch("queued" + i)));
    }
    wakeUps.answered = () -> results.stream().allMatch(CompletableFuture::isDone);
    release.countDown();
    for (CompletableFuture<List<AppendResult>> result : results) {
      result.get(10, TimeUnit.SECONDS);
    }
    wakeUps.awaitAnnounced(1);

    assertEquals(List.of(1, 3), writer.groupSizes);
    assertEquals(
        List.of(4L), wakeUps.positions, "one wake-up for both groups: the second was queued");
    assertEquals(List.of(true), wakeUps.afterAnswers, "the callers were answered first");
  }

  @Test
  void withNoDelayEveryGroupWakesTheReadModels() throws Exception {
    wakeUps = new WakeUps(0);
    CountDownLatch release = new CountDownLatch(1);
    FakeWriter writer = holdingTheFirstGroup(release);
    CompletableFuture<List<AppendResult>> blocker = groupCommit.submit(batch("blocker"));
    while (writer.calls.get() == 0) {
      Thread.onSpinWait();
    }
    CompletableFuture<List<AppendResult>> queued = groupCommit.submit(batch("queued"));
    release.countDown();
    blocker.get(10, TimeUnit.SECONDS);
    queued.get(10, TimeUnit.SECONDS);
    wakeUps.awaitAnnounced(2);

    assertEquals(List.of(1L, 2L), wakeUps.positions);
  }

  private FakeWriter holdingTheFirstGroup(CountDownLatch release) {
    return start(
        new FakeWriter() {
          @Override
          void whileWriting(int call) throws InterruptedException {
            if (call == 1) {
              release.await(10, TimeUnit.SECONDS);
            }
          }
        });
  }

  /** Wake-ups that may wait an hour for the committer to run out of work, unless a test says. */
  private WakeUps wakeUps = new WakeUps(3_600_000);

  private FakeWriter start(FakeWriter writer) {
    groupCommit.writer = writer;
    groupCommit.wakeUps = wakeUps;
    groupCommit.recent = recent;
    groupCommit.threads = new Threads();
    writer.committed = wakeUps;
    return writer;
  }

  private static Prepared.Batch batch(String id) {
    return batch(id, 1);
  }

  private static Prepared.Batch batch(String id, int commands) {
    List<Prepared.Command> prepared = new ArrayList<>();
    for (int i = 0; i < commands; i++) {
      String commandId = commands == 1 ? id : id + "-" + i;
      CommandAppend append =
          new CommandAppend(
              new CommandMetadata(commandId, commandId, commandId, "test", null),
              List.of(
                  new StreamAppend(
                      "s-" + commandId, "Test", ExpectedVersion.NO_STREAM, List.of(1))),
              id);
      prepared.add(new Prepared.Command(append, List.of()));
    }
    return new Prepared.Batch(prepared, List.of());
  }

  /** A batch of one command that starts a stream with one event. */
  private static Prepared.Batch streamBatch(String id) {
    StreamAppend append =
        new StreamAppend("s-" + id, "Test", ExpectedVersion.NO_STREAM, List.of(1));
    CommandAppend command =
        new CommandAppend(new CommandMetadata(id, id, id, "test", null), List.of(append), id);
    return new Prepared.Batch(
        List.of(
            new Prepared.Command(
                command,
                List.of(
                    new Prepared.Stream(
                        append, List.of(new EventSerializer.Serialized("Tested", 1, "{}")))))),
        List.of());
  }

  private static String commandId(Prepared.Batch batch) {
    return batch.commands().get(0).append().metadata().commandId();
  }

  /**
   * Gives each command the next position; a failing group fails as a database error would. With
   * {@link #withOneTrip} it also takes one-trip groups, writing them at the positions decided.
   */
  private static class FakeWriter extends LogWriter {
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger written = new AtomicInteger();
    final List<Integer> groupSizes = Collections.synchronizedList(new ArrayList<>());
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    AppendCommitted committed;
    private long next = 1;
    private boolean oneTrip;

    void whileWriting(int call) throws InterruptedException {}

    boolean fails(List<Prepared.Batch> batches) {
      return false;
    }

    void beforeOneTrip(KnownTail.Plan plan) {}

    FakeWriter withOneTrip() {
      oneTrip = true;
      return this;
    }

    FakeWriter writer() {
      return this;
    }

    @Override
    public boolean writesInOneTrip() {
      return oneTrip;
    }

    @Override
    public synchronized Written writeInOneTrip(KnownTail.Plan plan) {
      String ids = ids(plan.decision().processed().stream().map(p -> p.commandId).toList());
      try {
        beforeOneTrip(plan);
      } catch (RuntimeException refused) {
        log.add("refused " + ids);
        throw refused;
      }
      assertEquals(next, plan.first(), "one-trip groups are numbered from the committer's last");
      log.add("one trip " + ids);
      next = plan.decision().nextPosition();
      committed.afterCommit(new AppendCommitted.Appended(next - 1));
      return new Written(plan.decision().outcomes(), plan.first(), next, plan.decision().events());
    }

    private static String ids(List<String> commandIds) {
      return String.join(" ", commandIds);
    }

    @Override
    public Written writeNewStreams(List<Prepared.Batch> batches) {
      return write(batches);
    }

    @Override
    public Written write(List<Prepared.Batch> batches) {
      int call = calls.incrementAndGet();
      groupSizes.add(batches.stream().mapToInt(b -> b.commands().size()).sum());
      try {
        whileWriting(call);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (fails(batches)) {
        throw new IllegalStateException("the database refused the transaction");
      }
      List<BatchOutcome> outcomes = new ArrayList<>();
      List<StoredEvent> rows = new ArrayList<>();
      synchronized (this) {
        long first = next;
        log.add("ordinary " + ids(batches.stream().map(GroupCommitTest::commandId).toList()));
        for (Prepared.Batch batch : batches) {
          List<AppendResult> results = new ArrayList<>();
          for (Prepared.Command command : batch.commands()) {
            long position = next++;
            results.add(
                new AppendResult(position, position, List.of(), false, command.append().outcome()));
            rows.add(row(position, command));
            written.incrementAndGet();
          }
          outcomes.add(new BatchOutcome.Appended(results));
        }
        // what the container does after the transaction committed (AFTER_SUCCESS)
        committed.afterCommit(new AppendCommitted.Appended(next - 1));
        return new Written(outcomes, first, next, rows);
      }
    }

    /** The row of a command's one event, as the log would hold it. */
    private static StoredEvent row(long position, Prepared.Command command) {
      StreamAppend append = command.append().appends().get(0);
      StoredEvent row = new StoredEvent();
      row.globalPosition = position;
      row.streamId = append.streamId();
      row.streamType = append.streamType();
      row.streamVersion = 1;
      row.eventType = "Tested";
      row.payload = "{}";
      row.hash = "h-" + position;
      return row;
    }
  }

  /** Records the wake-ups instead of firing them, and whether the callers had their answers. */
  private static final class WakeUps extends AppendCommitted {
    final List<Long> positions = Collections.synchronizedList(new ArrayList<>());
    final List<Boolean> afterAnswers = Collections.synchronizedList(new ArrayList<>());
    volatile BooleanSupplier answered = () -> true;

    WakeUps(long delayMillis) {
      this.delayMillis = delayMillis;
    }

    @Override
    void announce(OptionalLong position) {
      position.ifPresent(
          last -> {
            afterAnswers.add(answered.getAsBoolean());
            positions.add(last);
          });
    }

    /** The wake-up comes after the answers, on the committer: wait for it, not for a time. */
    void awaitAnnounced(int count) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (positions.size() < count && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
    }
  }

  private static final class Threads implements ManagedThreadFactory {
    @Override
    public Thread newThread(Runnable task) {
      return new Thread(task);
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
      throw new UnsupportedOperationException();
    }
  }
}
