package org.seatledger.booking.eventstore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes prepared appends under the lock of {@code event_sequence}: head lookup, version guards,
 * idempotency, hash chain, inserts — for one or many callers' appends in one transaction.
 *
 * <p>Each caller's append ({@link Prepared.Batch}) succeeds or fails on its own: its guards are
 * checked against the heads as the appends before it in the transaction left them, and one that
 * fails is answered with its failure and takes no position, while the others are written. Only a
 * failure of the database itself fails the whole transaction.
 */
@ApplicationScoped
public class LogWriter {

  @PersistenceContext(unitName = "booking")
  EntityManager em;

  @Inject Event<AppendCommitted.Appended> appended;

  /** What became of one batch: its results, or why it was refused (nothing of it was written). */
  public record Outcome(List<AppendResult> results, RuntimeException refusal) {
    static Outcome written(List<AppendResult> results) {
      return new Outcome(results, null);
    }

    static Outcome refused(RuntimeException refusal) {
      return new Outcome(null, refusal);
    }

    /** The results, or the refusal thrown. */
    public List<AppendResult> resultsOrThrow() {
      if (refusal != null) {
        throw refusal;
      }
      return results;
    }
  }

  /**
   * Writes the batches in order and returns each batch's outcome. Joins the caller's transaction if
   * there is one.
   */
  @Transactional
  public List<Outcome> write(List<Prepared.Batch> batches) {
    EventSequence sequence =
        em.find(EventSequence.class, EventSequence.ID, LockModeType.PESSIMISTIC_WRITE);
    List<String> commandIds = new ArrayList<>();
    List<StreamAppend> all = new ArrayList<>();
    for (Prepared.Batch batch : batches) {
      for (Prepared.Command command : batch.commands()) {
        commandIds.add(command.append().metadata().commandId());
        all.addAll(command.append().appends());
      }
    }
    Map<String, ProcessedCommand> earlier = processedRows(commandIds);
    Set<String> keysTaken = existingKeys(batches);
    Map<String, Head> heads = heads(all);
    Map<String, AppendResult> writtenNow = new HashMap<>();
    long recordedAt = Clock.micros();
    long position = sequence.nextPosition();
    List<Outcome> outcomes = new ArrayList<>();
    List<Object> rows = new ArrayList<>();
    for (Prepared.Batch batch : batches) {
      Outcome refused = repeatedOrRefused(batch, earlier, writtenNow);
      if (refused == null) {
        refused = keyTaken(batch, keysTaken);
      }
      if (refused != null) {
        outcomes.add(refused);
        continue;
      }
      Map<String, Head> staged = new HashMap<>();
      List<AppendResult> results = new ArrayList<>();
      long next = position;
      rows.clear();
      try {
        for (Prepared.Command command : batch.commands()) {
          next = rowsOf(command, heads, staged, next, recordedAt, rows, results);
        }
      } catch (ConcurrencyConflict | IllegalArgumentException refusal) {
        outcomes.add(Outcome.refused(refusal));
        continue;
      }
      for (AppendKeys.NewKey key : batch.newKeys()) {
        SubjectKey row = new SubjectKey();
        row.subjectId = key.subjectId();
        row.wrappedKey = key.wrappedKey();
        row.createdAtMicros = key.createdAtMicros();
        em.persist(row);
        keysTaken.add(key.subjectId());
      }
      rows.forEach(em::persist);
      heads.putAll(staged);
      for (int i = 0; i < results.size(); i++) {
        writtenNow.put(batch.commands().get(i).append().metadata().commandId(), results.get(i));
      }
      position = next;
      outcomes.add(Outcome.written(results));
    }
    if (position > sequence.nextPosition()) {
      sequence.advanceTo(position);
      flushOrConflict(all);
      appended.fire(new AppendCommitted.Appended(position - 1));
    }
    return outcomes;
  }

  /**
   * A batch's answer without writing: the first outcome of a single command carried out before, a
   * conflict for a batch of several with such a command (they were decided on state that included
   * it: the writer decides again), else null.
   */
  private static Outcome repeatedOrRefused(
      Prepared.Batch batch,
      Map<String, ProcessedCommand> earlier,
      Map<String, AppendResult> writtenNow) {
    List<String> seen = new ArrayList<>();
    for (Prepared.Command command : batch.commands()) {
      String id = command.append().metadata().commandId();
      if (earlier.containsKey(id) || writtenNow.containsKey(id)) {
        seen.add(id);
      }
    }
    if (seen.isEmpty()) {
      return null;
    }
    if (batch.commands().size() == 1) {
      ProcessedCommand first = earlier.get(seen.get(0));
      if (first != null) {
        return Outcome.written(
            List.of(
                new AppendResult(
                    orZero(first.firstPosition),
                    orZero(first.lastPosition),
                    List.of(),
                    true,
                    first.outcome)));
      }
      AppendResult now = writtenNow.get(seen.get(0));
      return Outcome.written(
          List.of(
              new AppendResult(
                  now.firstPosition(), now.lastPosition(), List.of(), true, now.outcome())));
    }
    return Outcome.refused(
        new ConcurrencyConflict(
            null, "commands " + seen + " of this batch were carried out meanwhile"));
  }

  /** Subjects of the batches' new keys that have a key already. */
  private Set<String> existingKeys(List<Prepared.Batch> batches) {
    List<String> subjects = new ArrayList<>();
    batches.forEach(batch -> batch.newKeys().forEach(key -> subjects.add(key.subjectId())));
    Set<String> taken = new HashSet<>();
    if (!subjects.isEmpty()) {
      taken.addAll(
          em.createQuery(
                  "SELECT k.subjectId FROM SubjectKey k WHERE k.subjectId IN :ids", String.class)
              .setParameter("ids", subjects)
              .getResultList());
    }
    return taken;
  }

  /**
   * A conflict when another append stored a key for one of the batch's new subjects first: the
   * batch's personal data was encrypted with a key that now cannot be stored, so it is prepared
   * again (with the stored key).
   */
  private static Outcome keyTaken(Prepared.Batch batch, Set<String> taken) {
    for (AppendKeys.NewKey key : batch.newKeys()) {
      if (taken.contains(key.subjectId())) {
        return Outcome.refused(
            new ConcurrencyConflict(
                null, "a data key for subject " + key.subjectId() + " was stored meanwhile"));
      }
    }
    return null;
  }

  private long rowsOf(
      Prepared.Command command,
      Map<String, Head> heads,
      Map<String, Head> staged,
      long position,
      long recordedAt,
      List<Object> rows,
      List<AppendResult> results) {
    CommandMetadata metadata = command.append().metadata();
    long first = position;
    List<AppendResult.StreamVersion> versions = new ArrayList<>();
    for (Prepared.Stream stream : command.streams()) {
      StreamAppend append = stream.append();
      Head head = staged.get(append.streamId());
      if (head == null) {
        head = heads.getOrDefault(append.streamId(), Head.NONE);
      }
      checkExpected(append, head);
      String previous = head.hash();
      long version = head.version();
      for (EventSerializer.Serialized event : stream.events()) {
        StoredEvent row = new StoredEvent();
        row.globalPosition = position++;
        row.eventId = UUID.randomUUID().toString();
        row.streamId = append.streamId();
        row.streamType = append.streamType();
        row.streamVersion = ++version;
        row.eventType = event.type();
        row.schemaVersion = event.schemaVersion();
        row.payload = event.payload();
        row.recordedAtMicros = recordedAt;
        row.recordedBy = metadata.principal();
        row.commandId = metadata.commandId();
        row.correlationId = metadata.correlationId();
        row.causationId = metadata.causationId();
        row.reason = metadata.reason();
        row.previousHash = previous;
        row.hash = HashChain.hash(previous, row.link());
        previous = row.hash;
        rows.add(row);
      }
      staged.put(append.streamId(), new Head(version, previous, append.streamType()));
      versions.add(new AppendResult.StreamVersion(append.streamId(), version));
    }
    ProcessedCommand done = new ProcessedCommand();
    done.commandId = metadata.commandId();
    done.outcome = command.append().outcome();
    done.firstPosition = first;
    done.lastPosition = position - 1;
    done.recordedAtMicros = recordedAt;
    rows.add(done);
    results.add(new AppendResult(first, position - 1, versions, false, command.append().outcome()));
    return position;
  }

  /** Outcomes of commands carried out before, by command id (a read without the lock). */
  @Transactional
  public Map<String, AppendResult> processed(List<String> commandIds) {
    Map<String, AppendResult> outcomes = new HashMap<>();
    processedRows(commandIds)
        .forEach(
            (id, row) ->
                outcomes.put(
                    id,
                    new AppendResult(
                        orZero(row.firstPosition),
                        orZero(row.lastPosition),
                        List.of(),
                        true,
                        row.outcome)));
    return outcomes;
  }

  private Map<String, ProcessedCommand> processedRows(List<String> commandIds) {
    if (commandIds.isEmpty()) {
      return Map.of();
    }
    Map<String, ProcessedCommand> rows = new HashMap<>();
    em.createQuery(
            "SELECT p FROM ProcessedCommand p WHERE p.commandId IN :ids", ProcessedCommand.class)
        .setParameter("ids", commandIds)
        .getResultList()
        .forEach(row -> rows.put(row.commandId, row));
    return rows;
  }

  private static void checkExpected(StreamAppend append, Head head) {
    if (!append.expected().matches(head.version())) {
      throw new ConcurrencyConflict(
          append.streamId(),
          "stream "
              + append.streamId()
              + " is at version "
              + head.version()
              + ", the writer expected "
              + append.expected());
    }
    if (head.type() != null && !head.type().equals(append.streamType())) {
      throw new IllegalArgumentException(
          "stream "
              + append.streamId()
              + " is a "
              + head.type()
              + ", not a "
              + append.streamType());
    }
  }

  /** The newest version, hash and type of each stream named in the appends. */
  private Map<String, Head> heads(List<StreamAppend> appends) {
    Set<String> ids = new LinkedHashSet<>();
    appends.forEach(append -> ids.add(append.streamId()));
    StringBuilder in = new StringBuilder();
    for (int i = 1; i <= ids.size(); i++) {
      in.append(i == 1 ? "?" : ", ?").append(i);
    }
    Query query =
        em.createNativeQuery(
            "SELECT e.stream_id, e.stream_version, e.hash, e.stream_type FROM events e"
                + " JOIN (SELECT stream_id, MAX(stream_version) AS head FROM events"
                + " WHERE stream_id IN ("
                + in
                + ") GROUP BY stream_id) h"
                + " ON e.stream_id = h.stream_id AND e.stream_version = h.head");
    int index = 1;
    for (String id : ids) {
      query.setParameter(index++, id);
    }
    Map<String, Head> heads = new HashMap<>();
    for (Object result : query.getResultList()) {
      Object[] row = (Object[]) result;
      heads.put(
          (String) row[0],
          new Head(((Number) row[1]).longValue(), (String) row[2], (String) row[3]));
    }
    return heads;
  }

  private void flushOrConflict(List<StreamAppend> appends) {
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (EventStore.isConstraintViolation(e)) {
        throw new ConcurrencyConflict(
            appends.get(0).streamId(),
            "another writer appended to "
                + appends.stream().map(StreamAppend::streamId).distinct().toList()
                + " at the same time");
      }
      throw e;
    }
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
