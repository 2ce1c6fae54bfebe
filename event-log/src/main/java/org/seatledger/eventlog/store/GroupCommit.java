package org.seatledger.eventlog.store;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.seatledger.eventlog.api.AppendResult;
import org.seatledger.eventlog.store.LogWriter.Written;

/**
 * Group commit: the appends of all callers on this server go through one committer thread, which
 * writes whatever has queued up while the previous transaction committed in one transaction and one
 * fsync. Under load, one commit carries the appends of many conference writers (and many callers of
 * the store); with a single caller it adds only a thread hand-over.
 *
 * <p>Each caller's append still succeeds or fails on its own ({@link LogWriter}). Should the
 * transaction itself fail (a database error), the appends it carried are written again one by one,
 * so a single bad append cannot fail its neighbours. A group that only starts new streams is first
 * written without the guards' lookup ({@link LogWriter#writeNewStreams}); if anything in it
 * collides, the whole group is written again the ordinary way.
 *
 * <p>On MySQL and MariaDB a group is first decided from what this committer's own commits left
 * ({@link KnownTail}: the next position, the heads of the streams it wrote) and sent in one round
 * trip ({@link LogWriter#writeInOneTrip}); the database refuses it if anything it relied on changed
 * meanwhile, and the group is then written the ordinary way, as above.
 *
 * <p>The rows of every group it committed are kept for the read models ({@link RecentEvents}),
 * before the group's callers are answered. It tells {@link AppendCommitted} when it starts and ends
 * a group, and whether more appends are queued then: the projectors' wake-up waits, within a bound,
 * for the committer to run out of work, so that their transactions do not run beside its next
 * group.
 */
@ApplicationScoped
public class GroupCommit {

  private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

  /** Commands per transaction at most: bounds the statements and the lock hold time. */
  static final int MAX_COMMANDS = 1000;

  @Inject LogWriter writer;
  @Inject AppendCommitted wakeUps;
  @Inject RecentEvents recent;

  /** What this committer's own commits left: lets a group go in one round trip. */
  private final KnownTail tail = new KnownTail();

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private record Pending(Prepared.Batch batch, CompletableFuture<List<AppendResult>> result) {}

  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private Thread committer;
  private volatile boolean stopping;

  /** Queues a caller's batch for the next commit; the future completes after it committed. */
  CompletableFuture<List<AppendResult>> submit(Prepared.Batch batch) {
    CompletableFuture<List<AppendResult>> result = new CompletableFuture<>();
    if (stopping) {
      result.completeExceptionally(new IllegalStateException("the server is stopping"));
      return result;
    }
    queue.add(new Pending(batch, result));
    ensureCommitter();
    return result;
  }

  private synchronized void ensureCommitter() {
    if (committer == null || !committer.isAlive()) {
      committer = threads.newThread(this::run);
      committer.setName("seatledger-group-commit");
      committer.setDaemon(true);
      committer.start();
    }
  }

  @PreDestroy
  synchronized void stop() {
    stopping = true;
    if (committer != null) {
      committer.interrupt();
    }
    for (Pending left; (left = queue.poll()) != null; ) {
      left.result().completeExceptionally(new IllegalStateException("the server is stopping"));
    }
  }

  private void run() {
    List<Pending> group = new ArrayList<>();
    while (!stopping) {
      try {
        Pending first = queue.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        group.clear();
        group.add(first);
        int commands = first.batch().commands().size();
        for (Pending next; commands < MAX_COMMANDS && (next = queue.peek()) != null; ) {
          if (commands + next.batch().commands().size() > MAX_COMMANDS) {
            break;
          }
          group.add(queue.poll());
          commands += next.batch().commands().size();
        }
        wakeUps.groupStarted();
        try {
          commit(group);
        } finally {
          wakeUps.groupEnded(!queue.isEmpty());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException unexpected) {
        LOG.log(Level.SEVERE, "the group committer failed; it goes on", unexpected);
        group.forEach(p -> p.result().completeExceptionally(unexpected));
      }
    }
  }

  private void commit(List<Pending> group) {
    List<Prepared.Batch> batches = group.stream().map(Pending::batch).toList();
    if (wroteInOneTrip(group, batches)) {
      return;
    }
    if (AppendGuards.onlyNewStreams(batches)) {
      try {
        complete(group, committed(writer.writeNewStreams(batches)));
        return;
      } catch (RuntimeException collided) {
        tail.forget();
        LOG.log(
            Level.FINE, "appends to new streams collided; writing them with the lookup", collided);
      }
    }
    try {
      complete(group, committed(writer.write(batches)));
    } catch (RuntimeException failed) {
      tail.forget();
      if (group.size() == 1) {
        group.get(0).result().completeExceptionally(failed);
        return;
      }
      LOG.log(Level.FINE, "a group commit failed; writing its appends one by one", failed);
      for (Pending alone : group) {
        try {
          complete(List.of(alone), committed(writer.write(List.of(alone.batch()))));
        } catch (RuntimeException failure) {
          tail.forget();
          alone.result().completeExceptionally(failure);
        }
      }
    }
  }

  /**
   * Writes the group in one round trip when the database has the way and the committer's own
   * commits tell enough to decide it; false when the group is still to be written (not tried, or
   * refused by the database and rolled back).
   */
  private boolean wroteInOneTrip(List<Pending> group, List<Prepared.Batch> batches) {
    if (!writer.writesInOneTrip()) {
      return false;
    }
    Optional<KnownTail.Plan> plan = tail.plan(batches, Clock.micros());
    if (plan.isEmpty()) {
      return false;
    }
    Written written;
    try {
      written = writer.writeInOneTrip(plan.get());
    } catch (RuntimeException missed) {
      tail.missed();
      LOG.log(Level.FINE, "the one-trip append missed; writing the group the ordinary way", missed);
      return false;
    }
    tail.committedInOneTrip(plan.get());
    recent.committed(plan.get().decision().events());
    complete(group, written.outcomes());
    return true;
  }

  /**
   * Remembers what an ordinary commit left, for the next group's one-trip plan and the read models
   * that follow the log ({@link RecentEvents}).
   */
  private List<BatchOutcome> committed(Written written) {
    tail.committed(written.first(), written.nextPosition(), written.events());
    recent.committed(written.events());
    return written.outcomes();
  }

  private static void complete(List<Pending> group, List<BatchOutcome> outcomes) {
    for (int i = 0; i < group.size(); i++) {
      CompletableFuture<List<AppendResult>> result = group.get(i).result();
      if (outcomes.get(i) instanceof BatchOutcome.Refused refused) {
        result.completeExceptionally(refused.refusal().exception());
      } else {
        result.complete(outcomes.get(i).resultsOrThrow()); // appended, or a repeat's first outcome
      }
    }
  }
}
