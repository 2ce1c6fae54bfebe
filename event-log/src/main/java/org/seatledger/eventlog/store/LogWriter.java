package org.seatledger.eventlog.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.seatledger.eventlog.api.AppendResult;
import org.seatledger.eventlog.api.CommandMetadata;
import org.seatledger.eventlog.api.ConcurrencyConflict;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.eventlog.api.MasterKeyMismatch;
import org.seatledger.eventlog.api.StreamAppend;

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

  /**
   * Plain JDBC on the transaction's connection (the pool hands every user in one transaction the
   * same one): rows written once and never changed need no unit of work, and the driver sends each
   * table's rows as one multi-row insert.
   */
  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

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
    return write(batches, true);
  }

  /**
   * Writes batches whose every append starts a new stream ({@link ExpectedVersion#NO_STREAM})
   * without looking anything up first: no head to read, and whatever a lookup would find — the
   * stream exists, the command was carried out, the subject has a key — the database's unique keys
   * refuse, failing the whole transaction with a {@link ConcurrencyConflict}. The caller then
   * writes the same batches again with {@link #write}, which answers each batch on its own. New
   * streams (a new conference, its seat availability and slug) rarely collide: this saves the
   * busiest writer a round trip.
   */
  @Transactional
  public List<Outcome> writeNewStreams(List<Prepared.Batch> batches) {
    return write(batches, false);
  }

  /** True when every append of every batch starts a new stream. */
  static boolean onlyNewStreams(List<Prepared.Batch> batches) {
    for (Prepared.Batch batch : batches) {
      for (Prepared.Command command : batch.commands()) {
        for (StreamAppend append : command.append().appends()) {
          if (!ExpectedVersion.NO_STREAM.equals(append.expected())) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private List<Outcome> write(List<Prepared.Batch> batches, boolean lookUp) {
    try (Connection c = dataSource.getConnection()) {
      return write(batches, c, lookUp);
    } catch (SQLException e) {
      if (DatabaseEventStore.isConstraintViolation(e)) {
        List<String> streams = new ArrayList<>();
        batches.forEach(
            batch ->
                batch.commands().stream()
                    .flatMap(command -> command.append().appends().stream())
                    .map(StreamAppend::streamId)
                    .filter(id -> !streams.contains(id))
                    .forEach(streams::add));
        throw new ConcurrencyConflict(
            streams.isEmpty() ? null : streams.get(0),
            "another writer appended to " + streams + " at the same time");
      }
      throw new IllegalStateException("the event log could not be written: " + e.getMessage(), e);
    }
  }

  private List<Outcome> write(List<Prepared.Batch> batches, Connection c, boolean lookUp)
      throws SQLException {
    long nextPosition = lockSequence(c);
    List<String> commandIds = new ArrayList<>();
    List<StreamAppend> all = new ArrayList<>();
    for (Prepared.Batch batch : batches) {
      for (Prepared.Command command : batch.commands()) {
        commandIds.add(command.append().metadata().commandId());
        all.addAll(command.append().appends());
      }
    }
    Found found = lookUp ? lookUp(c, commandIds, newKeySubjects(batches), all) : Found.none();
    String activeKeyId = newKeySubjects(batches).isEmpty() ? null : lockedActiveKeyId(c);
    Map<String, ProcessedCommand> earlier = found.processed();
    Set<String> keysTaken = found.keysTaken();
    Map<String, Head> heads = found.heads();
    Map<String, AppendResult> writtenNow = new HashMap<>();
    long recordedAt = Clock.micros();
    long position = nextPosition;
    List<Outcome> outcomes = new ArrayList<>();
    List<StoredEvent> events = new ArrayList<>();
    List<ProcessedCommand> processed = new ArrayList<>();
    List<AppendKeys.NewKey> keys = new ArrayList<>();
    for (Prepared.Batch batch : batches) {
      Outcome refused = repeatedOrRefused(batch, earlier, writtenNow);
      if (refused == null) {
        refused = keyTaken(batch, keysTaken);
      }
      if (refused == null) {
        refused = wrappedByAnotherKey(batch, activeKeyId);
      }
      if (refused != null) {
        outcomes.add(refused);
        continue;
      }
      Map<String, Head> staged = new HashMap<>();
      List<AppendResult> results = new ArrayList<>();
      List<StoredEvent> batchEvents = new ArrayList<>();
      List<ProcessedCommand> batchProcessed = new ArrayList<>();
      long next = position;
      try {
        for (Prepared.Command command : batch.commands()) {
          next =
              rowsOf(
                  command, heads, staged, next, recordedAt, batchEvents, batchProcessed, results);
        }
      } catch (ConcurrencyConflict | IllegalArgumentException refusal) {
        outcomes.add(Outcome.refused(refusal));
        continue;
      }
      for (AppendKeys.NewKey key : batch.newKeys()) {
        keys.add(key);
        keysTaken.add(key.subjectId());
      }
      events.addAll(batchEvents);
      processed.addAll(batchProcessed);
      heads.putAll(staged);
      for (int i = 0; i < results.size(); i++) {
        writtenNow.put(batch.commands().get(i).append().metadata().commandId(), results.get(i));
      }
      position = next;
      outcomes.add(Outcome.written(results));
    }
    if (position > nextPosition) {
      insertKeys(c, keys);
      insertEvents(c, events);
      insertProcessed(c, processed);
      advanceSequence(c, position);
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

  private static List<String> newKeySubjects(List<Prepared.Batch> batches) {
    List<String> subjects = new ArrayList<>();
    batches.forEach(batch -> batch.newKeys().forEach(key -> subjects.add(key.subjectId())));
    return subjects;
  }

  /** What the writer checks under the lock, found in one round trip. */
  private record Found(
      Map<String, ProcessedCommand> processed, Set<String> keysTaken, Map<String, Head> heads) {
    static Found none() {
      return new Found(new HashMap<>(), new HashSet<>(), new HashMap<>());
    }
  }

  /**
   * One query for everything the guards need, read after the lock is held: the commands carried out
   * before (idempotency), the subjects that have a data key already, and the head (newest version,
   * hash, type) of each stream appended to — lookups by primary or unique key, sent as one {@code
   * UNION ALL}, so the committer waits for the database once for all of them.
   *
   * <p>Each head is its own {@code ORDER BY stream_version DESC LIMIT 1}: one index entry however
   * long the stream (a {@code MAX … GROUP BY} over several streams read every version of each, and
   * a busy conference's stream grows by thousands of events a day). A stream every append expects
   * not to exist only needs to be absent: its version 1 is looked for, and only when it is there
   * after all (a collision) is its head read, in a second query.
   */
  private static Found lookUp(
      Connection c, List<String> commandIds, List<String> subjects, List<StreamAppend> appends)
      throws SQLException {
    Set<String> existing = new LinkedHashSet<>();
    Set<String> fresh = new LinkedHashSet<>();
    for (StreamAppend append : appends) {
      (ExpectedVersion.NO_STREAM.equals(append.expected()) ? fresh : existing)
          .add(append.streamId());
    }
    fresh.removeAll(existing);
    Query query = new Query();
    heads(query, existing);
    if (!fresh.isEmpty()) {
      query.branch(
          "SELECT 'N', stream_id, NULL, NULL, NULL, NULL FROM events"
              + " WHERE stream_version = 1 AND stream_id IN ("
              + marks(fresh)
              + ")",
          fresh);
    }
    processed(query, commandIds);
    if (!subjects.isEmpty()) {
      query.branch(
          "SELECT 'K', subject_id, NULL, NULL, NULL, NULL FROM subject_keys"
              + " WHERE subject_id IN ("
              + marks(subjects)
              + ")",
          subjects);
    }
    Found found = Found.none();
    Set<String> collided = new LinkedHashSet<>();
    query.run(
        c,
        rows -> {
          String id = rows.getString(2);
          switch (rows.getString(1)) {
            case "H" -> found.heads().put(id, head(rows));
            case "N" -> collided.add(id);
            case "C" -> found.processed().put(id, processedRow(rows));
            default -> found.keysTaken().add(id);
          }
        });
    if (!collided.isEmpty()) {
      Query again = new Query();
      heads(again, collided);
      again.run(c, rows -> found.heads().put(rows.getString(2), head(rows)));
    }
    return found;
  }

  private static void heads(Query query, Set<String> streams) {
    for (String stream : streams) {
      query.branch(
          "SELECT 'H', stream_id, stream_type, stream_version, NULL, hash FROM events"
              + " WHERE stream_id = ? ORDER BY stream_version DESC LIMIT 1",
          List.of(stream));
    }
  }

  /** The branch that finds commands carried out before (rows read by {@link #processedRow}). */
  private static void processed(Query query, List<String> commandIds) {
    if (!commandIds.isEmpty()) {
      query.branch(
          "SELECT 'C', command_id, outcome, first_position, last_position, NULL"
              + " FROM processed_commands WHERE command_id IN ("
              + marks(commandIds)
              + ")",
          commandIds);
    }
  }

  private static ProcessedCommand processedRow(ResultSet rows) throws SQLException {
    ProcessedCommand row = new ProcessedCommand();
    row.commandId = rows.getString(2);
    row.outcome = rows.getString(3);
    row.firstPosition = rows.getObject(4, Long.class);
    row.lastPosition = rows.getObject(5, Long.class);
    return row;
  }

  private static Head head(ResultSet rows) throws SQLException {
    return new Head(rows.getLong(4), rows.getString(6), rows.getString(3));
  }

  /** Branches of one {@code UNION ALL} (each in parentheses: a branch may order and limit). */
  private static final class Query {
    private final List<String> branches = new ArrayList<>();
    private final List<String> parameters = new ArrayList<>();

    void branch(String sql, Collection<String> values) {
      branches.add("(" + sql + ")");
      parameters.addAll(values);
    }

    void run(Connection c, RowHandler handler) throws SQLException {
      if (branches.isEmpty()) {
        return;
      }
      try (PreparedStatement statement = c.prepareStatement(String.join(" UNION ALL ", branches))) {
        bind(statement, parameters);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            handler.row(rows);
          }
        }
      }
    }
  }

  @FunctionalInterface
  private interface RowHandler {
    void row(ResultSet rows) throws SQLException;
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
      List<StoredEvent> events,
      List<ProcessedCommand> processed,
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
    done.recordedAtMicros = recordedAt;
    processed.add(done);
    results.add(new AppendResult(first, position - 1, versions, false, command.append().outcome()));
    return position;
  }

  /** Outcomes of commands carried out before, by command id (a read without the lock). */
  @Transactional
  public Map<String, AppendResult> processed(List<String> commandIds) {
    Map<String, AppendResult> outcomes = new HashMap<>();
    try (Connection c = dataSource.getConnection()) {
      processedRows(c, commandIds)
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
    } catch (SQLException e) {
      throw new IllegalStateException("processed commands cannot be read: " + e.getMessage(), e);
    }
    return outcomes;
  }

  private static Map<String, ProcessedCommand> processedRows(Connection c, List<String> commandIds)
      throws SQLException {
    Map<String, ProcessedCommand> rows = new HashMap<>();
    Query query = new Query();
    processed(query, commandIds);
    query.run(c, found -> rows.put(found.getString(2), processedRow(found)));
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

  /** Locks the log for this transaction; the next free position. */
  private static long lockSequence(Connection c) throws SQLException {
    try (PreparedStatement lock =
            c.prepareStatement(
                "SELECT next_position FROM event_sequence WHERE id = "
                    + EventSequence.ID
                    + " FOR UPDATE");
        ResultSet row = lock.executeQuery()) {
      if (!row.next()) {
        throw new IllegalStateException("the event_sequence row is missing");
      }
      return row.getLong(1);
    }
  }

  private static void advanceSequence(Connection c, long next) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE event_sequence SET next_position = ? WHERE id = " + EventSequence.ID)) {
      update.setLong(1, next);
      update.executeUpdate();
    }
  }

  private static void insertEvents(Connection c, List<StoredEvent> events) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO events (global_position, event_id, stream_id, stream_type, stream_version,"
                + " event_type, schema_version, payload, recorded_at, recorded_by, command_id,"
                + " correlation_id, causation_id, reason, previous_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (StoredEvent e : events) {
        insert.setLong(1, e.globalPosition);
        insert.setString(2, e.eventId);
        insert.setString(3, e.streamId);
        insert.setString(4, e.streamType);
        insert.setLong(5, e.streamVersion);
        insert.setString(6, e.eventType);
        insert.setInt(7, e.schemaVersion);
        insert.setString(8, e.payload);
        insert.setLong(9, e.recordedAtMicros);
        insert.setString(10, e.recordedBy);
        insert.setString(11, e.commandId);
        insert.setString(12, e.correlationId);
        insert.setString(13, e.causationId);
        insert.setString(14, e.reason);
        insert.setString(15, e.previousHash);
        insert.setString(16, e.hash);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void insertProcessed(Connection c, List<ProcessedCommand> processed)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO processed_commands (command_id, outcome, first_position, last_position,"
                + " recorded_at) VALUES (?, ?, ?, ?, ?)")) {
      for (ProcessedCommand p : processed) {
        insert.setString(1, p.commandId);
        insert.setString(2, p.outcome);
        insert.setObject(3, p.firstPosition);
        insert.setObject(4, p.lastPosition);
        insert.setLong(5, p.recordedAtMicros);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /**
   * The master key the database names for new data keys, read with a lock held until commit: a
   * rotation's change of it waits for this append, or this append sees the change (see {@link
   * MasterKeyRecord}).
   */
  private static String lockedActiveKeyId(Connection c) throws SQLException {
    try (PreparedStatement select =
            c.prepareStatement("SELECT key_id FROM master_key WHERE id = 1 FOR UPDATE");
        ResultSet row = select.executeQuery()) {
      return row.next() ? row.getString(1).strip() : null;
    }
  }

  /** A batch whose new data keys were wrapped by a key the database no longer names is refused. */
  private static Outcome wrappedByAnotherKey(Prepared.Batch batch, String activeKeyId) {
    for (AppendKeys.NewKey key : batch.newKeys()) {
      if (!key.keyId().equals(activeKeyId)) {
        return Outcome.refused(MasterKeyMismatch.onWrite());
      }
    }
    return null;
  }

  private static void insertKeys(Connection c, List<AppendKeys.NewKey> keys) throws SQLException {
    if (keys.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO subject_keys (subject_id, key_id, wrapped_key, created_at)"
                + " VALUES (?, ?, ?, ?)")) {
      for (AppendKeys.NewKey key : keys) {
        insert.setString(1, key.subjectId());
        insert.setString(2, key.keyId());
        insert.setString(3, key.wrappedKey());
        insert.setLong(4, key.createdAtMicros());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static String marks(Collection<String> values) {
    return String.join(", ", Collections.nCopies(values.size(), "?"));
  }

  private static void bind(PreparedStatement statement, Collection<String> values)
      throws SQLException {
    int index = 1;
    for (String value : values) {
      statement.setString(index++, value);
    }
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
