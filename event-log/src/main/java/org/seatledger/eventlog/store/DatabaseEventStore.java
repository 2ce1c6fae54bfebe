package org.seatledger.eventlog.store;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.seatledger.eventlog.api.AppendResult;
import org.seatledger.eventlog.api.CommandAppend;
import org.seatledger.eventlog.api.CommandMetadata;
import org.seatledger.eventlog.api.ConcurrencyConflict;
import org.seatledger.eventlog.api.EventDecodingException;
import org.seatledger.eventlog.api.EventPage;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.MasterKeyMismatch;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.StreamAppend;
import org.seatledger.eventlog.api.VerificationReport;

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
 * Many events (of many commands, across streams) share one transaction and one commit, which is how
 * throughput is gained: one fsync for a batch instead of one per command. A conference writer
 * batches the commands of its conference; {@link GroupCommit} then merges the batches of all
 * writers (and all other callers) that queue up while a commit is under way.
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
public class DatabaseEventStore implements EventStore {

  private static final int VERIFY_PAGE = 1000;
  private static final Duration COMMIT_WAIT = Duration.ofSeconds(60);

  @PersistenceContext(unitName = "eventlog")
  EntityManager em;

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

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
   * Appends the events of one command to one or more streams, all or nothing.
   *
   * @param outcome the command's result as JSON, returned again if the command id is repeated
   * @throws ConcurrencyConflict when a stream is not at the expected version
   */
  public AppendResult append(CommandMetadata metadata, List<StreamAppend> appends, String outcome) {
    return appendAll(List.of(new CommandAppend(metadata, appends, outcome))).get(0);
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
   * <p>Events are serialised and encrypted on the caller's thread; the locked part goes through
   * {@link GroupCommit}, which commits the appends of concurrent callers in one transaction. Called
   * inside a transaction, the append joins it instead and commits (or rolls back) with it.
   */
  public List<AppendResult> appendAll(List<CommandAppend> commands) {
    if (commands.isEmpty()) {
      return List.of();
    }
    Set<String> subjects = new HashSet<>();
    for (CommandAppend command : commands) {
      for (StreamAppend append : command.appends()) {
        append.events().forEach(event -> subjects.addAll(serializer.subjectsOf(event)));
      }
    }
    AppendKeys appendKeys = keys.forAppend(subjects);
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
    Prepared.Batch batch = new Prepared.Batch(prepared, appendKeys.created());
    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
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
      return writer.write(List.of(batch)).get(0).resultsOrThrow();
    }
    try {
      List<AppendResult> results =
          groupCommit.submit(batch).get(COMMIT_WAIT.toSeconds(), TimeUnit.SECONDS);
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

  /** Outcomes of commands carried out before, by command id (a read without the lock). */
  @Transactional
  public Map<String, AppendResult> processed(List<String> commandIds) {
    return writer.processed(commandIds);
  }

  /**
   * How many events name a data subject in their data (outside the subject's own stream), found by
   * its id in the stored JSON. A scan of the whole table: for erasures, which are rare.
   */
  @Transactional
  public long countNaming(String subjectId) {
    String escaped = subjectId.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM events WHERE payload LIKE ? ESCAPE '!' AND stream_id <> ?")
                .setParameter(1, "%\"" + escaped + "\"%")
                .setParameter(2, "subject-" + subjectId)
                .getSingleResult())
        .longValue();
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

  @Transactional
  @Override
  public List<RecordedEvent> readAll(long afterPosition, int limit) {
    return decodePage(
        rows(" WHERE global_position > ? ORDER BY global_position LIMIT ?", afterPosition, limit));
  }

  @Transactional
  @Override
  public EventPage readPage(long afterPosition, int limit, Set<Class<?>> classes) {
    List<StoredEvent> rows =
        rows(" WHERE global_position > ? ORDER BY global_position LIMIT ?", afterPosition, limit);
    if (rows.isEmpty()) {
      return new EventPage(List.of(), afterPosition, 0);
    }
    List<StoredEvent> wanted = rows;
    if (!classes.isEmpty()) {
      Set<String> names = new HashSet<>();
      classes.forEach(type -> names.add(types.of(type).name()));
      wanted = rows.stream().filter(row -> names.contains(row.eventType)).toList();
    }
    return new EventPage(decodePage(wanted), rows.get(rows.size() - 1).globalPosition, rows.size());
  }

  @Transactional
  @Override
  public List<RecordedEvent> readStream(String streamId, long fromVersion, int limit) {
    return decodePage(streamRows(streamId, fromVersion, limit));
  }

  /** Streams per query of {@link #readStreams}: well under every database's parameter limit. */
  private static final int STREAMS_PER_READ = 200;

  /**
   * The events of many streams after the versions given, read together: one query per few hundred
   * streams, for a writer about to decide on many small aggregates at once (the holds a conference
   * expires). Each stream's events come in order; every event after its version is read, so this is
   * meant for short streams.
   */
  @Transactional
  public Map<String, List<RecordedEvent>> readStreams(Map<String, Long> afterVersions) {
    Map<String, List<RecordedEvent>> events = new LinkedHashMap<>();
    afterVersions.keySet().forEach(id -> events.put(id, new ArrayList<>()));
    List<Map.Entry<String, Long>> streams = new ArrayList<>(afterVersions.entrySet());
    for (int from = 0; from < streams.size(); from += STREAMS_PER_READ) {
      List<Map.Entry<String, Long>> chunk =
          streams.subList(from, Math.min(streams.size(), from + STREAMS_PER_READ));
      StringBuilder where = new StringBuilder(" WHERE ");
      Object[] parameters = new Object[2 * chunk.size()];
      for (int i = 0; i < chunk.size(); i++) {
        where.append(i == 0 ? "" : " OR ").append("(stream_id = ? AND stream_version > ?)");
        parameters[2 * i] = chunk.get(i).getKey();
        parameters[2 * i + 1] = chunk.get(i).getValue();
      }
      where.append(" ORDER BY global_position");
      for (RecordedEvent event : decodePage(rows(where.toString(), parameters))) {
        events.get(event.streamId()).add(event);
      }
    }
    return events;
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
    return rows(
        " WHERE stream_id = ? AND stream_version >= ? ORDER BY stream_version LIMIT ?",
        streamId,
        fromVersion,
        limit);
  }

  private static final String COLUMNS =
      "SELECT global_position, event_id, stream_id, stream_type, stream_version, event_type,"
          + " schema_version, payload, recorded_at, recorded_by, command_id, correlation_id,"
          + " causation_id, reason, previous_hash, hash FROM events";

  /**
   * Rows of the log read with plain JDBC: they are never changed, so they need none of the
   * bookkeeping an entity manager gives what it reads.
   */
  private List<StoredEvent> rows(String where, Object... parameters) {
    List<StoredEvent> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement query = c.prepareStatement(COLUMNS + where)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      try (ResultSet found = query.executeQuery()) {
        while (found.next()) {
          StoredEvent row = new StoredEvent();
          row.globalPosition = found.getLong(1);
          row.eventId = found.getString(2);
          row.streamId = found.getString(3);
          row.streamType = found.getString(4);
          row.streamVersion = found.getLong(5);
          row.eventType = found.getString(6);
          row.schemaVersion = found.getInt(7);
          row.payload = found.getString(8);
          row.recordedAtMicros = found.getLong(9);
          row.recordedBy = found.getString(10);
          row.commandId = found.getString(11);
          row.correlationId = found.getString(12);
          row.causationId = found.getString(13);
          row.reason = found.getString(14);
          row.previousHash = found.getString(15);
          row.hash = found.getString(16);
          rows.add(row);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the event log cannot be read: " + e.getMessage(), e);
    }
    return rows;
  }

  /**
   * Decodes rows read together: all are parsed first, the keys of every person they name are looked
   * up in one query, then each is decrypted and bound. A row that cannot be read fails the page
   * with its position.
   */
  private List<RecordedEvent> decodePage(List<StoredEvent> rows) {
    List<EventSerializer.Parsed> parsed = new ArrayList<>(rows.size());
    Set<String> subjects = new HashSet<>();
    for (StoredEvent row : rows) {
      try {
        EventSerializer.Parsed one =
            serializer.parse(row.eventType, row.schemaVersion, row.payload);
        subjects.addAll(serializer.subjectsIn(one));
        parsed.add(one);
      } catch (MasterKeyMismatch misconfigured) {
        throw misconfigured;
      } catch (RuntimeException e) {
        throw unreadable(row, e);
      }
    }
    serializer.prefetchKeys(subjects);
    List<RecordedEvent> events = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      try {
        events.add(decoded(rows.get(i), serializer.bind(parsed.get(i))));
      } catch (MasterKeyMismatch misconfigured) {
        throw misconfigured; // not the event's fault: a reader tries again later
      } catch (RuntimeException e) {
        throw unreadable(rows.get(i), e);
      }
    }
    return events;
  }

  private static EventDecodingException unreadable(StoredEvent row, RuntimeException cause) {
    return new EventDecodingException(
        "the event at position "
            + row.globalPosition
            + " ("
            + row.eventType
            + " v"
            + row.schemaVersion
            + ") cannot be read: "
            + cause.getMessage(),
        cause);
  }

  private static RecordedEvent decoded(StoredEvent row, EventSerializer.Decoded decoded) {
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

  static boolean isConstraintViolation(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLIntegrityConstraintViolationException) {
        return true;
      }
      // a batch reports the failing statement's error as its SQL state or as the next exception
      if (cause instanceof SQLException sql
          && (sql.getSQLState() != null && sql.getSQLState().startsWith("23")
              || sql.getNextException() != null
                  && sql.getNextException() != sql
                  && isConstraintViolation(sql.getNextException()))) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
