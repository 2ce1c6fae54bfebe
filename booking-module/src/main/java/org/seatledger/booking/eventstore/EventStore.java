package org.seatledger.booking.eventstore;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.seatledger.booking.api.EventDecodingException;
import org.seatledger.booking.api.EventLog;
import org.seatledger.booking.api.RecordedEvent;
import org.seatledger.booking.api.VerificationReport;

/**
 * The event log on JPA: appends with version guards, reads in global and stream order, hash-chain
 * verification.
 *
 * <h2>Why global order is gap-safe</h2>
 *
 * An append takes the row lock of {@code event_sequence} (SELECT … FOR UPDATE), assigns the next
 * positions from it, inserts its events and commits; the lock is released by that commit. So the
 * database makes appends commit in position order, on one server or many sharing the database, and
 * a rolled-back append also rolls back its positions: positions are gap-free and an event is never
 * visible before every event with a lower position. A reader that has processed position {@code p}
 * asks for "after p" and can never miss an event that commits late — the failure that
 * auto-increment positions cause (an event with a lower position committing after a higher one).
 *
 * <p>The price is that appends commit one after another. Everything that can happen outside the
 * lock does: loading and deciding happen before the append, serialising and encrypting happen
 * before the lock is taken, and only the head lookup, the inserts and the commit happen under it.
 * Many events (of many commands, across streams) can share one append and one commit, which is how
 * throughput is gained: one fsync for a batch instead of one per command.
 *
 * <p>Reads run in a transaction too (joining the caller's, if any): the persistence context then
 * ends with the read, so no read sees rows that an earlier read of the same request left behind in
 * it, and long-running readers do not pile up entities.
 *
 * <p>{@code UNIQUE(stream_id, stream_version)} stays as a second guard: should anything append
 * without the lock, the database refuses a duplicate version and the writer gets the same {@link
 * ConcurrencyConflict}.
 */
@ApplicationScoped
public class EventStore implements EventLog {

  private static final int VERIFY_PAGE = 1000;

  @PersistenceContext(unitName = "booking")
  EntityManager em;

  @Inject EventTypes types;
  @Inject StoredDataKeys keys;
  @Inject Event<AppendCommitted.Appended> appended;

  private EventSerializer serializer;

  @PostConstruct
  void init() {
    serializer = new EventSerializer(types, new PersonalDataCipher(keys));
  }

  /**
   * Appends the events of one command to one or more streams, all or nothing, in one transaction.
   *
   * @param outcome the command's result as JSON, returned again if the command id is repeated
   * @throws ConcurrencyConflict when a stream is not at the expected version
   */
  @Transactional
  public AppendResult append(CommandMetadata metadata, List<StreamAppend> appends, String outcome) {
    return appendAll(List.of(new CommandAppend(metadata, appends, outcome))).get(0);
  }

  /**
   * Appends the events of several commands in one transaction and one commit: how a busy stream
   * takes many commands per fsync. Expected versions are checked in order, each command's appends
   * against the stream as the commands before it in the batch left it.
   *
   * <p>A single command whose id was carried out before is answered with its first outcome. In a
   * batch of several, such a command makes the whole batch fail with {@link ConcurrencyConflict}
   * (the commands after it were decided on state that included it): the writer decides again.
   */
  @Transactional
  public List<AppendResult> appendAll(List<CommandAppend> commands) {
    if (commands.isEmpty()) {
      return List.of();
    }
    List<List<Prepared>> prepared = new ArrayList<>();
    for (CommandAppend command : commands) {
      List<Prepared> streams = new ArrayList<>();
      for (StreamAppend append : command.appends()) {
        streams.add(
            new Prepared(append, append.events().stream().map(serializer::serialize).toList()));
      }
      prepared.add(streams);
    }

    EventSequence sequence =
        em.find(EventSequence.class, EventSequence.ID, LockModeType.PESSIMISTIC_WRITE);
    Map<String, ProcessedCommand> earlier =
        processedRows(commands.stream().map(c -> c.metadata().commandId()).toList());
    if (!earlier.isEmpty()) {
      if (commands.size() == 1) {
        ProcessedCommand first = earlier.values().iterator().next();
        return List.of(
            new AppendResult(
                orZero(first.firstPosition),
                orZero(first.lastPosition),
                List.of(),
                true,
                first.outcome));
      }
      throw new ConcurrencyConflict(
          null, "commands " + earlier.keySet() + " of this batch were carried out meanwhile");
    }
    List<StreamAppend> all = commands.stream().flatMap(c -> c.appends().stream()).toList();
    Map<String, Head> heads = heads(all);
    long recordedAt = Clock.micros();
    long position = sequence.nextPosition();
    List<AppendResult> results = new ArrayList<>();
    for (int i = 0; i < commands.size(); i++) {
      CommandMetadata metadata = commands.get(i).metadata();
      long first = position;
      List<AppendResult.StreamVersion> versions = new ArrayList<>();
      for (Prepared stream : prepared.get(i)) {
        StreamAppend append = stream.append();
        Head head = heads.getOrDefault(append.streamId(), Head.NONE);
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
          em.persist(row);
        }
        heads.put(append.streamId(), new Head(version, previous, append.streamType()));
        versions.add(new AppendResult.StreamVersion(append.streamId(), version));
      }
      ProcessedCommand done = new ProcessedCommand();
      done.commandId = metadata.commandId();
      done.outcome = commands.get(i).outcome();
      done.firstPosition = first;
      done.lastPosition = position - 1;
      done.recordedAtMicros = recordedAt;
      em.persist(done);
      results.add(
          new AppendResult(first, position - 1, versions, false, commands.get(i).outcome()));
    }
    sequence.advanceTo(position);
    flushOrConflict(all);
    appended.fire(new AppendCommitted.Appended(position - 1));
    return results;
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

  /** Ids of the streams of one type, oldest first. */
  @Transactional
  public List<String> streamsOfType(String streamType) {
    return em.createQuery(
            "SELECT e.streamId FROM StoredEvent e WHERE e.streamType = :type AND e.streamVersion = 1"
                + " ORDER BY e.globalPosition",
            String.class)
        .setParameter("type", streamType)
        .getResultList();
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

  @Transactional
  @Override
  public List<RecordedEvent> readAll(long afterPosition, int limit) {
    return em
        .createQuery(
            "SELECT e FROM StoredEvent e WHERE e.globalPosition > :after ORDER BY e.globalPosition",
            StoredEvent.class)
        .setParameter("after", afterPosition)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(this::decode)
        .toList();
  }

  @Transactional
  @Override
  public List<RecordedEvent> readStream(String streamId, long fromVersion, int limit) {
    return streamRows(streamId, fromVersion, limit).stream().map(this::decode).toList();
  }

  @Transactional
  @Override
  public long headPosition() {
    Long max =
        em.createQuery("SELECT MAX(e.globalPosition) FROM StoredEvent e", Long.class)
            .getSingleResult();
    return max == null ? 0 : max;
  }

  /** The version of a stream, 0 when it does not exist. */
  @Transactional
  public long streamVersion(String streamId) {
    Long max =
        em.createQuery(
                "SELECT MAX(e.streamVersion) FROM StoredEvent e WHERE e.streamId = :id", Long.class)
            .setParameter("id", streamId)
            .getSingleResult();
    return max == null ? 0 : max;
  }

  @Transactional
  @Override
  public VerificationReport verify(Optional<String> streamId) {
    return streamId.map(this::verifyStream).orElseGet(this::verifyAll);
  }

  private VerificationReport verifyStream(String streamId) {
    ChainWalk walk = new ChainWalk();
    long from = 1;
    List<StoredEvent> page;
    do {
      page = streamRows(streamId, from, VERIFY_PAGE);
      em.clear();
      for (StoredEvent row : page) {
        Optional<String> broken = walk.check(row);
        if (broken.isPresent()) {
          return new VerificationReport(
              false, walk.checked, row.globalPosition, streamId, broken.get());
        }
        from = row.streamVersion + 1;
      }
    } while (page.size() == VERIFY_PAGE);
    String detail =
        walk.checked == 0
            ? "stream " + streamId + " has no events"
            : "all " + walk.checked + " events of stream " + streamId + " match their hashes";
    return new VerificationReport(true, walk.checked, null, streamId, detail);
  }

  private VerificationReport verifyAll() {
    ChainWalk walk = new ChainWalk();
    long expectedPosition = 1;
    List<StoredEvent> page;
    do {
      page =
          em.createQuery(
                  "SELECT e FROM StoredEvent e WHERE e.globalPosition >= :from ORDER BY e.globalPosition",
                  StoredEvent.class)
              .setParameter("from", expectedPosition)
              .setMaxResults(VERIFY_PAGE)
              .getResultList();
      em.clear();
      for (StoredEvent row : page) {
        if (row.globalPosition != expectedPosition) {
          return new VerificationReport(
              false,
              walk.checked,
              expectedPosition,
              null,
              "position " + expectedPosition + " is missing: an event was deleted");
        }
        Optional<String> broken = walk.check(row);
        if (broken.isPresent()) {
          return new VerificationReport(
              false, walk.checked, row.globalPosition, null, broken.get());
        }
        expectedPosition++;
      }
    } while (page.size() == VERIFY_PAGE);
    long next = em.find(EventSequence.class, EventSequence.ID).nextPosition();
    if (next != expectedPosition) {
      return new VerificationReport(
          false,
          walk.checked,
          expectedPosition,
          null,
          "the log ends at position "
              + (expectedPosition - 1)
              + " but was written up to "
              + (next - 1)
              + ": events at the end were deleted");
    }
    return new VerificationReport(
        true, walk.checked, null, null, "all " + walk.checked + " events match their hashes");
  }

  /** Follows each stream's chain: versions 1..n, each linked to the previous hash, each intact. */
  private static final class ChainWalk {
    private final Map<String, Head> heads = new HashMap<>();
    long checked;

    Optional<String> check(StoredEvent row) {
      Head head = heads.getOrDefault(row.streamId, Head.NONE);
      String where = "event at position " + row.globalPosition + " (stream " + row.streamId + ")";
      if (row.streamVersion != head.version() + 1) {
        return Optional.of(
            where
                + " has version "
                + row.streamVersion
                + " where "
                + (head.version() + 1)
                + " was expected: an event is missing or was moved");
      }
      if (!row.previousHash.equals(head.hash())) {
        return Optional.of(where + " does not follow the hash of the event before it");
      }
      if (!HashChain.hash(row.previousHash, row.link()).equals(row.hash)) {
        return Optional.of(where + " no longer matches its hash: its stored data was changed");
      }
      heads.put(row.streamId, new Head(row.streamVersion, row.hash, row.streamType));
      checked++;
      return Optional.empty();
    }
  }

  private List<StoredEvent> streamRows(String streamId, long fromVersion, int limit) {
    return em.createQuery(
            "SELECT e FROM StoredEvent e WHERE e.streamId = :id AND e.streamVersion >= :from"
                + " ORDER BY e.streamVersion",
            StoredEvent.class)
        .setParameter("id", streamId)
        .setParameter("from", fromVersion)
        .setMaxResults(limit)
        .getResultList();
  }

  private RecordedEvent decode(StoredEvent row) {
    EventSerializer.Decoded decoded;
    try {
      decoded = serializer.deserialize(row.eventType, row.schemaVersion, row.payload);
    } catch (RuntimeException e) {
      throw new EventDecodingException(
          "the event at position "
              + row.globalPosition
              + " ("
              + row.eventType
              + " v"
              + row.schemaVersion
              + ") cannot be read: "
              + e.getMessage(),
          e);
    }
    return new RecordedEvent(
        row.globalPosition,
        row.streamId,
        row.streamType,
        row.streamVersion,
        row.eventId,
        row.eventType,
        row.schemaVersion,
        Clock.fromMicros(row.recordedAtMicros),
        row.recordedBy,
        row.commandId,
        row.correlationId,
        row.causationId,
        row.reason,
        row.previousHash,
        row.hash,
        decoded.event(),
        decoded.data());
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
      if (isConstraintViolation(e)) {
        throw new ConcurrencyConflict(
            appends.get(0).streamId(),
            "another writer appended to "
                + appends.stream().map(StreamAppend::streamId).distinct().toList()
                + " at the same time");
      }
      throw e;
    }
  }

  static boolean isConstraintViolation(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLIntegrityConstraintViolationException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  private record Prepared(StreamAppend append, List<EventSerializer.Serialized> events) {}

  private record Head(long version, String hash, String type) {
    static final Head NONE = new Head(0, HashChain.GENESIS, null);
  }
}
