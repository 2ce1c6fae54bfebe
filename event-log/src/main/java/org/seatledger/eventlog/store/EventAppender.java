package org.seatledger.eventlog.store;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.seatledger.eventlog.api.AppendResult;
import org.seatledger.eventlog.api.CommandAppend;
import org.seatledger.eventlog.api.ConcurrencyConflict;
import org.seatledger.eventlog.api.StreamAppend;

/**
 * The caller's side of an append: serialises and encrypts the events on the caller's thread (with
 * the data keys of every person they name, looked up or created for the whole append at once), then
 * hands the locked part to {@link GroupCommit}, or to {@link LogWriter} directly when the caller is
 * in a transaction, and tells the key cache whether the new keys committed.
 */
@ApplicationScoped
public class EventAppender {

  private static final Duration COMMIT_WAIT = Duration.ofSeconds(60);

  @Inject EventTypes types;
  @Inject StoredDataKeys keys;
  @Inject LogWriter writer;
  @Inject GroupCommit groupCommit;
  @Resource TransactionSynchronizationRegistry transactions;

  private EventSerializer serializer;

  @PostConstruct
  void init() {
    serializer = new EventSerializer(types, new PersonalDataCipher(keys));
  }

  /**
   * Appends the events of several commands together, all or nothing: how a busy stream takes many
   * commands per commit. Expected versions are checked in order, each command's appends against the
   * stream as the commands before it in the batch left it.
   *
   * <p>A single command whose id was carried out before is answered with its first outcome. In a
   * batch of several, such a command makes the whole batch fail with {@link ConcurrencyConflict}
   * (the commands after it were decided on state that included it): the writer decides again.
   *
   * <p>The locked part goes through {@link GroupCommit}, which commits the appends of concurrent
   * callers in one transaction. Called inside a transaction, the append joins it instead and
   * commits (or rolls back) with it.
   */
  public List<AppendResult> appendAll(List<CommandAppend> commands) {
    if (commands.isEmpty()) {
      return List.of();
    }
    Ready ready = prepare(commands);
    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
      settleWithTransaction(ready.keys());
      return keysOfRepeatNotStored(
          ready.keys(), writer.write(List.of(ready.batch())).outcomes().get(0).resultsOrThrow());
    }
    return throughGroupCommit(ready.batch(), ready.keys());
  }

  /**
   * A command answered as a repeat wrote nothing, so the keys made for it were not stored: they
   * must not be remembered as the subjects' keys (the stored ones are, and are read next time).
   */
  static List<AppendResult> keysOfRepeatNotStored(
      AppendKeys appendKeys, List<AppendResult> results) {
    if (results.stream().anyMatch(AppendResult::repeated)) {
      appendKeys.notStored();
    }
    return results;
  }

  /** A batch ready for the locked part, and the data keys its events were encrypted with. */
  record Ready(Prepared.Batch batch, AppendKeys keys) {}

  /**
   * The part of an append that needs no lock, for either writer ({@link LogWriter}, {@link
   * JpaLogWriter}): the data keys of every person the events name (looked up in one query, new ones
   * created) and each event serialised and its personal data encrypted.
   */
  Ready prepare(List<CommandAppend> commands) {
    Set<String> subjects = new HashSet<>();
    Set<String> newSubjects = new HashSet<>();
    for (CommandAppend command : commands) {
      for (StreamAppend append : command.appends()) {
        append.events().forEach(event -> subjects.addAll(serializer.subjectsOf(event)));
      }
      newSubjects.addAll(command.newSubjects());
    }
    AppendKeys appendKeys = keys.forAppend(subjects, newSubjects);
    List<Prepared.Command> prepared = new ArrayList<>();
    for (CommandAppend command : commands) {
      List<Prepared.Stream> streams = new ArrayList<>();
      for (StreamAppend append : command.appends()) {
        streams.add(
            new Prepared.Stream(
                append,
                append.events().stream()
                    .map(event -> serializer.serialize(event, appendKeys))
                    .toList()));
      }
      prepared.add(new Prepared.Command(command, streams));
    }
    return new Ready(new Prepared.Batch(prepared, appendKeys.created()), appendKeys);
  }

  /**
   * For an append that joins the caller's transaction: the keys it created are remembered when that
   * transaction commits and forgotten when it rolls back.
   */
  void settleWithTransaction(AppendKeys appendKeys) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              keys.committed(appendKeys);
            } else {
              keys.discarded(appendKeys);
            }
          }
        });
  }

  private List<AppendResult> throughGroupCommit(Prepared.Batch batch, AppendKeys appendKeys) {
    try {
      List<AppendResult> results =
          keysOfRepeatNotStored(
              appendKeys, groupCommit.submit(batch).get(COMMIT_WAIT.toSeconds(), TimeUnit.SECONDS));
      keys.committed(appendKeys);
      return results;
    } catch (ExecutionException e) {
      keys.discarded(appendKeys);
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      keys.discarded(appendKeys);
      throw new IllegalStateException(
          "the append did not commit within "
              + COMMIT_WAIT.toSeconds()
              + " s; it may still commit (repeat the command with the same id to find out)");
    } catch (InterruptedException e) {
      keys.discarded(appendKeys);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the append to commit", e);
    }
  }
}
