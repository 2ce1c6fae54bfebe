package org.seatledger.eventlog.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.seatledger.eventlog.api.AppendResult;
import org.seatledger.eventlog.api.CommandMetadata;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.eventlog.api.StreamAppend;
import org.seatledger.eventlog.api.TimeOrderedIds;
import org.seatledger.eventlog.store.BatchOutcome.Refusal;

/**
 * The guards of one commit, decided without the database: given what the writer read under the lock
 * of {@code event_sequence}, which batches append, which are repeats and which are refused and why
 * — and, for those that append, their rows (positions, stream versions, the hash chain). {@link
 * LogWriter} reads the state and writes the rows; nothing here touches SQL.
 *
 * <p>Batches are decided in order, each against the state as the batches before it left it: a
 * stream's head moves with every batch that appends to it, a command written earlier in the commit
 * counts as carried out, a data key stored earlier counts as taken. Within a batch, each command's
 * appends are checked against the streams as the commands before it left them. A batch is all or
 * nothing: when any of its guards fails, none of its rows are written and it takes no position, so
 * the batches after it get the positions it would have had.
 *
 * <p>A batch's checks, in order: its command ids (a repeat, or a conflict for a batch of several),
 * its new data keys (already taken, or wrapped by a master key the database does not name), then
 * each stream's expected version and type.
 */
final class AppendGuards {

  private AppendGuards() {}

  /**
   * What the writer read under the lock.
   *
   * @param heads the head of each existing stream appended to (a stream not here does not exist)
   * @param carriedOut the first outcome of each command carried out before, by command id
   * @param keysTaken the subjects that have a data key (or a tombstone) already
   * @param activeKeyId the master key the database names for new data keys; null when it names none
   */
  record Found(
      Map<String, Head> heads,
      Map<String, AppendResult> carriedOut,
      Set<String> keysTaken,
      String activeKeyId) {

    /** Nothing found: every stream new, no command carried out, no key taken, no master key. */
    static final Found NOTHING = new Found(Map.of(), Map.of(), Set.of(), null);

    Found withActiveKeyId(String keyId) {
      return new Found(heads, carriedOut, keysTaken, keyId);
    }
  }

  /**
   * The decision for one commit.
   *
   * @param outcomes one per batch, in order
   * @param events the event rows to insert, in position order
   * @param processed a row per command written
   * @param keys the data keys to insert
   * @param nextPosition the first free position after the commit (unchanged when nothing appends)
   */
  record Decision(
      List<BatchOutcome> outcomes,
      List<StoredEvent> events,
      List<ProcessedCommand> processed,
      List<AppendKeys.NewKey> keys,
      long nextPosition) {

    /** True when at least one batch appends. */
    boolean writes() {
      return !events.isEmpty();
    }
  }

  /** True when every append of every batch starts a new stream: the lookup may be skipped. */
  static boolean onlyNewStreams(List<Prepared.Batch> batches) {
    return batches.stream()
        .flatMap(batch -> batch.commands().stream())
        .flatMap(command -> command.append().appends().stream())
        .allMatch(append -> ExpectedVersion.NO_STREAM.equals(append.expected()));
  }

  /** The positions a commit takes when every batch in it is written: one per event. */
  static long eventCount(List<Prepared.Batch> batches) {
    return batches.stream()
        .flatMap(batch -> batch.commands().stream())
        .flatMap(command -> command.streams().stream())
        .mapToLong(stream -> stream.events().size())
        .sum();
  }

  /**
   * Decides every batch of a commit whose first free position is {@code firstPosition}; the events
   * written are recorded at {@code recordedAtMicros}.
   */
  static Decision decide(
      List<Prepared.Batch> batches, Found found, long firstPosition, long recordedAtMicros) {
    Map<String, Head> heads = new HashMap<>(found.heads());
    Set<String> keysTaken = new HashSet<>(found.keysTaken());
    Map<String, AppendResult> writtenNow = new HashMap<>();
    List<BatchOutcome> outcomes = new ArrayList<>();
    List<StoredEvent> events = new ArrayList<>();
    List<ProcessedCommand> processed = new ArrayList<>();
    List<AppendKeys.NewKey> keys = new ArrayList<>();
    long position = firstPosition;
    for (Prepared.Batch batch : batches) {
      Optional<BatchOutcome> answered =
          repeatedOrRefused(batch, found.carriedOut(), writtenNow)
              .or(() -> keyTaken(batch, keysTaken))
              .or(() -> wrappedByAnotherKey(batch, found.activeKeyId()));
      if (answered.isPresent()) {
        outcomes.add(answered.get());
        continue;
      }
      Rows rows = new Rows(heads, position, recordedAtMicros);
      Optional<Refusal> refusal = Optional.empty();
      for (Prepared.Command command : batch.commands()) {
        refusal = rows.add(command);
        if (refusal.isPresent()) {
          break;
        }
      }
      if (refusal.isPresent()) {
        outcomes.add(new BatchOutcome.Refused(refusal.get()));
        continue;
      }
      for (AppendKeys.NewKey key : batch.newKeys()) {
        keys.add(key);
        keysTaken.add(key.subjectId());
      }
      events.addAll(rows.events);
      processed.addAll(rows.processed);
      heads.putAll(rows.staged);
      for (int i = 0; i < rows.results.size(); i++) {
        writtenNow.put(
            batch.commands().get(i).append().metadata().commandId(), rows.results.get(i));
      }
      position = rows.position;
      outcomes.add(new BatchOutcome.Appended(rows.results));
    }
    return new Decision(outcomes, events, processed, keys, position);
  }

  /**
   * The answer to a batch with a command carried out before (or earlier in this commit): a single
   * command gets its first outcome; a batch of several is refused, since the commands after it were
   * decided on state that included it.
   */
  private static Optional<BatchOutcome> repeatedOrRefused(
      Prepared.Batch batch,
      Map<String, AppendResult> carriedOut,
      Map<String, AppendResult> writtenNow) {
    List<String> seen = new ArrayList<>();
    for (Prepared.Command command : batch.commands()) {
      String id = command.append().metadata().commandId();
      if (carriedOut.containsKey(id) || writtenNow.containsKey(id)) {
        seen.add(id);
      }
    }
    if (seen.isEmpty()) {
      return Optional.empty();
    }
    if (batch.commands().size() > 1) {
      return Optional.of(new BatchOutcome.Refused(new Refusal.CarriedOutMeanwhile(seen)));
    }
    AppendResult first = carriedOut.get(seen.get(0));
    if (first == null) {
      first = writtenNow.get(seen.get(0));
    }
    return Optional.of(
        new BatchOutcome.Repeated(
            new AppendResult(
                first.firstPosition(), first.lastPosition(), List.of(), true, first.outcome())));
  }

  private static Optional<BatchOutcome> keyTaken(Prepared.Batch batch, Set<String> taken) {
    return batch.newKeys().stream()
        .filter(key -> taken.contains(key.subjectId()))
        .findFirst()
        .map(key -> new BatchOutcome.Refused(new Refusal.KeyStoredMeanwhile(key.subjectId())));
  }

  private static Optional<BatchOutcome> wrappedByAnotherKey(
      Prepared.Batch batch, String activeKeyId) {
    return batch.newKeys().stream()
        .filter(key -> !key.keyId().equals(activeKeyId))
        .findFirst()
        .map(
            key ->
                new BatchOutcome.Refused(
                    new Refusal.WrappedByAnotherKey(key.keyId(), activeKeyId)));
  }

  /** The rows of one batch, built command by command on heads staged apart from the commit's. */
  private static final class Rows {
    private final Map<String, Head> heads;
    private final long recordedAtMicros;
    final Map<String, Head> staged = new HashMap<>();
    final List<StoredEvent> events = new ArrayList<>();
    final List<ProcessedCommand> processed = new ArrayList<>();
    final List<AppendResult> results = new ArrayList<>();
    long position;

    Rows(Map<String, Head> heads, long position, long recordedAtMicros) {
      this.heads = heads;
      this.position = position;
      this.recordedAtMicros = recordedAtMicros;
    }

    /** Adds the rows of one command, or says why it is refused. */
    Optional<Refusal> add(Prepared.Command command) {
      CommandMetadata metadata = command.append().metadata();
      long first = position;
      List<AppendResult.StreamVersion> versions = new ArrayList<>();
      for (Prepared.Stream stream : command.streams()) {
        StreamAppend append = stream.append();
        Head head = staged.getOrDefault(append.streamId(), heads.get(append.streamId()));
        if (head == null) {
          head = Head.NONE;
        }
        Optional<Refusal> refusal = check(append, head);
        if (refusal.isPresent()) {
          return refusal;
        }
        String previous = head.hash();
        long version = head.version();
        for (EventSerializer.Serialized event : stream.events()) {
          StoredEvent row = row(append, metadata, event);
          row.streamVersion = ++version;
          row.previousHash = previous;
          row.hash = HashChain.hash(previous, row.link());
          previous = row.hash;
          events.add(row);
        }
        staged.put(append.streamId(), new Head(version, previous, append.streamType()));
        versions.add(new AppendResult.StreamVersion(append.streamId(), version));
      }
      ProcessedCommand done = new ProcessedCommand();
      done.commandId = metadata.commandId();
      done.outcome = command.append().outcome();
      done.firstPosition = first;
      done.lastPosition = position - 1;
      done.recordedAtMicros = recordedAtMicros;
      processed.add(done);
      results.add(
          new AppendResult(first, position - 1, versions, false, command.append().outcome()));
      return Optional.empty();
    }

    private StoredEvent row(
        StreamAppend append, CommandMetadata metadata, EventSerializer.Serialized event) {
      StoredEvent row = new StoredEvent();
      row.globalPosition = position++;
      row.eventId = TimeOrderedIds.nextText();
      row.streamId = append.streamId();
      row.streamType = append.streamType();
      row.eventType = event.type();
      row.schemaVersion = event.schemaVersion();
      row.payload = event.payload();
      row.recordedAtMicros = recordedAtMicros;
      row.recordedBy = metadata.principal();
      row.commandId = metadata.commandId();
      row.correlationId = metadata.correlationId();
      row.causationId = metadata.causationId();
      row.reason = metadata.reason();
      return row;
    }

    private static Optional<Refusal> check(StreamAppend append, Head head) {
      if (!append.expected().matches(head.version())) {
        return Optional.of(
            new Refusal.VersionMismatch(append.streamId(), head.version(), append.expected()));
      }
      if (head.type() != null && !head.type().equals(append.streamType())) {
        return Optional.of(
            new Refusal.OtherStreamType(append.streamId(), head.type(), append.streamType()));
      }
      return Optional.empty();
    }
  }
}
