package org.seatledger.booking.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import org.seatledger.booking.api.CommandRefused;
import org.seatledger.booking.api.CommandResult;
import org.seatledger.booking.application.ConferenceWriter.Pending;
import org.seatledger.booking.application.RetryLoop.Attempt;
import org.seatledger.booking.application.RetryLoop.Conflict;
import org.seatledger.booking.application.RetryLoop.Failed;
import org.seatledger.booking.application.RetryLoop.Settled;
import org.seatledger.booking.application.RetryLoop.Stale;
import org.seatledger.booking.application.Verdict.Decided;
import org.seatledger.eventlog.api.AppendResult;
import org.seatledger.eventlog.api.CommandAppend;
import org.seatledger.eventlog.api.ConcurrencyConflict;
import org.seatledger.eventlog.api.EventStore;

/**
 * Carries out one batch of a conference's writer: answers the commands carried out before, or sent
 * twice within the batch ({@link SameBatchRepeats}), with their first outcome, decides the others
 * in order against one {@link Work}, appends every event of the batch in one transaction and
 * answers each command. When another server got there first the batch is decided again on fresh
 * state, as {@link RetryLoop} rules.
 *
 * <p>Commands carried out before are rare, so the first attempt does not look for them before
 * deciding (a query and a transaction of its own, for every batch): a command that appends is
 * checked by the append itself, under the log's lock — a single command gets its first outcome, a
 * batch of several holding one is refused as a conflict and decided again, and that attempt looks
 * for them first. Only the commands answered without an append (a refusal, nothing to do) are
 * looked up before they are answered, since nothing else would notice they were repeats.
 */
@ApplicationScoped
public class BatchRunner {

  private static final Logger LOG = Logger.getLogger(BatchRunner.class.getName());

  @Inject EventStore store;
  @Inject CommandHandlers handlers;

  private final RetryLoop retries = new RetryLoop(RetryLoop.ATTEMPTS);
  private final LongAdder conflicts = new LongAdder();

  /** Batches decided again because another writer changed their streams first, since start. */
  long conflictRetries() {
    return conflicts.sum();
  }

  void process(String conferenceId, List<Pending> batch) {
    List<Pending> open = new ArrayList<>(SameBatchRepeats.firsts(batch));
    boolean[] retry = {false};
    RetryLoop.Ending ending =
        retries.run(
            () -> {
              Attempt attempt = attempt(conferenceId, open, retry[0]);
              retry[0] = true;
              return attempt;
            });
    if (ending.gaveUp()) {
      CommandRefused busy =
          CommandRefused.conflict(
              "The conference was changed by others at the same moment several times; try again.");
      open.forEach(p -> p.result().completeExceptionally(busy));
    }
  }

  /**
   * One attempt; on {@link Settled} and {@link Failed} every command in {@code open} is answered.
   * Repeats are looked for before deciding only on a {@code retry}.
   */
  private Attempt attempt(String conferenceId, List<Pending> open, boolean retry) {
    if (retry) {
      open.removeAll(answerRepeats(open));
    }
    if (open.isEmpty()) {
      return new Settled();
    }
    Work work = new Work(store);
    Map<Pending, Decided> appending = new LinkedHashMap<>();
    Map<Pending, Verdict> answered = new LinkedHashMap<>(); // answered without an append
    for (Pending pending : open) {
      Verdict verdict = handlers.decide(conferenceId, pending.command(), pending.context(), work);
      if (verdict instanceof Decided decided && !decided.appends().isEmpty()) {
        appending.put(pending, decided);
      } else {
        answered.put(pending, verdict);
      }
    }
    if (!retry && !answered.isEmpty()) {
      List<Pending> repeats = answerRepeats(List.copyOf(answered.keySet()));
      repeats.forEach(answered::remove);
      open.removeAll(repeats);
    }
    if (!answered.isEmpty() && work.stale()) {
      work.discard(); // answers without an append must rest on the current state: decide again
      return new Stale();
    }
    List<CommandAppend> appends =
        appending.values().stream().flatMap(d -> d.appends().stream()).toList();
    List<AppendResult> results;
    try {
      results = appends.isEmpty() ? List.of() : store.appendAll(appends);
      if (results.stream().anyMatch(AppendResult::repeated)) {
        work.discard(); // a single command found carried out under the lock: nothing was written
      } else {
        work.committed();
      }
    } catch (ConcurrencyConflict conflict) {
      work.discard();
      conflicts.increment();
      LOG.fine(
          () ->
              "conference "
                  + conferenceId
                  + " changed meanwhile, deciding again: "
                  + conflict.getMessage());
      return new Conflict(conflict);
    } catch (RuntimeException failure) {
      work.discard();
      appending.keySet().forEach(p -> p.result().completeExceptionally(failure));
      answered.forEach(BatchRunner::answer);
      return new Failed(failure);
    }
    int index = 0;
    for (Map.Entry<Pending, Decided> entry : appending.entrySet()) {
      index += entry.getValue().appends().size();
      AppendResult last = results.get(index - 1);
      if (last.repeated()) {
        answerRepeat(entry.getKey(), last);
      } else {
        entry
            .getKey()
            .result()
            .complete(new CommandResult(last.lastPosition(), false, entry.getValue().outcome()));
      }
    }
    answered.forEach(BatchRunner::answer);
    return new Settled();
  }

  /** Answers those of {@code pending} carried out before with their first outcome; returns them. */
  private List<Pending> answerRepeats(List<Pending> pending) {
    Map<String, AppendResult> firsts =
        store.processed(pending.stream().map(p -> p.context().commandId()).toList());
    List<Pending> repeats = new ArrayList<>();
    for (Pending p : pending) {
      AppendResult first = firsts.get(p.context().commandId());
      if (first != null) {
        answerRepeat(p, first);
        repeats.add(p);
      }
    }
    return repeats;
  }

  private static void answerRepeat(Pending pending, AppendResult first) {
    try {
      pending.result().complete(repeated(first));
    } catch (IllegalStateException unreadable) {
      pending.result().completeExceptionally(unreadable);
    }
  }

  private static CommandResult repeated(AppendResult first) {
    return new CommandResult(first.lastPosition(), true, OutcomeCodec.decode(first.outcome()));
  }

  private static void answer(Pending pending, Verdict verdict) {
    verdict.answerWithoutAppend(pending.result());
  }
}
