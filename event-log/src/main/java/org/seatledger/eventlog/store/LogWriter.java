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
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import javax.sql.DataSource;
import org.seatledger.eventlog.api.ConcurrencyConflict;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.eventlog.api.StreamAppend;
import org.seatledger.eventlog.api.projection.Sql;

/**
 * Writes prepared appends under the lock of {@code event_sequence}, for one or many callers'
 * batches in one transaction: takes the lock ({@link SequenceLock}: on MySQL/MariaDB the lock and
 * the sequence's move are one statement), reads what the guards need ({@link GuardLookup}, and the
 * master key the database names, under a lock of its own), lets {@link AppendGuards} decide each
 * batch and build its rows, inserts the rows and leaves the sequence after them. All of it plain
 * JDBC.
 *
 * <p>Each caller's append ({@link Prepared.Batch}) succeeds or fails on its own: its guards are
 * checked against the heads as the appends before it in the transaction left them, and one that
 * fails is answered with its failure and takes no position, while the others are written. Only a
 * failure of the database itself fails the whole transaction.
 *
 * <p>Why JDBC here and not EclipseLink ({@link JpaLogWriter}, which hands what it reads to the same
 * {@link AppendGuards} and writes the same rows through the {@code StoredEvent}, {@code
 * ProcessedCommand} and {@code EventSequence} entities): this is the one serial section of the
 * system — every append of every server waits for the lock it holds — and the benchmark measures
 * both paths side by side in every run: on the same workload the EclipseLink path reached 0.46 of
 * this path's events/s with one command per commit and 0.92 with 25 (quick run of 2026-12-02,
 * before that path decided with {@link AppendGuards}; see {@code docs/performance.md}, "EclipseLink
 * and JDBC append paths").
 */
@ApplicationScoped
public class LogWriter {

  /**
   * Plain JDBC on the transaction's connection (the pool hands every user in one transaction the
   * same one): rows written once and never changed need no unit of work, and each table's rows go
   * as multi-row inserts ({@link Sql#insert}).
   */
  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  @Inject Event<AppendCommitted.Appended> appended;

  @Inject OneTripConnections oneTrip;

  private volatile SequenceLock sequenceLock;

  /**
   * What a commit wrote: each batch's outcome, in order; the positions it took, from {@code first}
   * to {@code nextPosition - 1} (none when nothing was written: then {@code nextPosition} is {@code
   * first}); and the event rows.
   */
  public record Written(
      List<BatchOutcome> outcomes, long first, long nextPosition, List<StoredEvent> events) {
    public Written {
      outcomes = List.copyOf(outcomes);
      events = List.copyOf(events);
    }
  }

  /**
   * Writes the batches in order and returns each batch's outcome. Joins the caller's transaction if
   * there is one.
   */
  @Transactional
  public Written write(List<Prepared.Batch> batches) {
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
  public Written writeNewStreams(List<Prepared.Batch> batches) {
    return write(batches, false);
  }

  /**
   * Writes a group the committer decided from what its own commits left ({@link KnownTail}) in one
   * round trip, its commit included ({@link OneTripAppend}): the text's first statement opens the
   * transaction and its last commits, so this runs outside any transaction, on a connection of
   * {@link OneTripConnections} in autocommit. When the call returns, the group is committed and
   * flushed; when the database refuses it — the log moved on, a row exists after all, the master
   * key changed — the group is rolled back whole, this throws, and the caller writes it with {@link
   * #write}.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Written writeInOneTrip(KnownTail.Plan plan) {
    DataSource source =
        oneTrip
            .source()
            .orElseThrow(() -> new IllegalStateException("no connections for one-trip appends"));
    try (Connection c = source.getConnection()) {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true); // the text's own COMMIT ends the group's transaction
      }
      OneTripAppend.send(c, plan);
    } catch (SQLException e) {
      if (OneTripAppend.refusesSeveralStatements(e)) {
        oneTrip.refusedSeveralStatements(e);
      }
      throw new IllegalStateException("the one-trip append was refused: " + e.getMessage(), e);
    }
    AppendGuards.Decision decision = plan.decision();
    // no transaction here: the observers hear of the commit at once, as after a commit
    appended.fire(new AppendCommitted.Appended(decision.nextPosition() - 1));
    return new Written(
        decision.outcomes(), plan.first(), decision.nextPosition(), decision.events());
  }

  /**
   * True when groups may be written in one round trip ({@link #writeInOneTrip}): on MySQL and
   * MariaDB, where the event log's migrations created {@code append_group_open}, once the first
   * commit found out which database this is, and when the server has connections for it ({@link
   * OneTripConnections}).
   */
  public boolean writesInOneTrip() {
    SequenceLock known = sequenceLock;
    return known != null && known.hasOneTripAppend() && oneTrip.source().isPresent();
  }

  private Written write(List<Prepared.Batch> batches, boolean lookUp) {
    try (Connection c = dataSource.getConnection()) {
      return write(batches, c, lookUp);
    } catch (SQLException e) {
      if (isConstraintViolation(e)) {
        throw collided(batches);
      }
      throw new IllegalStateException("the event log could not be written: " + e.getMessage(), e);
    }
  }

  private Written write(List<Prepared.Batch> batches, Connection c, boolean lookUp)
      throws SQLException {
    SequenceLock sequence = sequenceLock(c);
    SequenceLock.Held lock = sequence.lock(c, AppendGuards.eventCount(batches));
    boolean newKeys = batches.stream().anyMatch(batch -> !batch.newKeys().isEmpty());
    AppendGuards.Found found;
    if (lookUp && newKeys && sequence.locksInUnion()) {
      // the master key's locked read rides on the lookup: one round trip fewer under the lock
      found = GuardLookup.findWithActiveKey(c, batches);
    } else {
      found = lookUp ? GuardLookup.find(c, batches) : AppendGuards.Found.NOTHING;
      if (newKeys) {
        found = found.withActiveKeyId(lockedActiveKeyId(c));
      }
    }
    AppendGuards.Decision decision =
        AppendGuards.decide(batches, found, lock.first(), Clock.micros());
    if (decision.writes()) {
      insertKeys(c, decision.keys());
      insertEvents(c, decision.events());
      insertProcessed(c, decision.processed());
    }
    lock.settle(c, decision.nextPosition());
    if (decision.writes()) {
      appended.fire(new AppendCommitted.Appended(decision.nextPosition() - 1));
    }
    return new Written(
        decision.outcomes(), lock.first(), decision.nextPosition(), decision.events());
  }

  /** How this database takes the append lock; found out from the first connection. */
  private SequenceLock sequenceLock(Connection c) throws SQLException {
    SequenceLock known = sequenceLock;
    if (known == null) {
      known = SequenceLock.of(c.getMetaData());
      sequenceLock = known;
    }
    return known;
  }

  /** The events' columns, in the order {@link #EVENT_ROW} sets them. */
  static final String INSERT_EVENTS =
      "INSERT INTO events (global_position, event_id, stream_id, stream_type, stream_version,"
          + " event_type, schema_version, payload, recorded_at, recorded_by, command_id,"
          + " correlation_id, causation_id, reason, previous_hash, hash)";

  static final Sql.RowBinder<StoredEvent> EVENT_ROW =
      (insert, e) -> {
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
      };

  /** The command rows' columns, in the order {@link #COMMAND_ROW} sets them. */
  static final String INSERT_COMMANDS =
      "INSERT INTO processed_commands (command_id, outcome, first_position, last_position,"
          + " recorded_at)";

  static final Sql.RowBinder<ProcessedCommand> COMMAND_ROW =
      (insert, p) -> {
        insert.setString(1, p.commandId);
        insert.setString(2, p.outcome);
        insert.setObject(3, p.firstPosition);
        insert.setObject(4, p.lastPosition);
        insert.setLong(5, p.recordedAtMicros);
      };

  /** The data keys' columns, in the order {@link #KEY_ROW} sets them. */
  static final String INSERT_KEYS =
      "INSERT INTO subject_keys (subject_id, key_id, wrapped_key, created_at)";

  static final Sql.RowBinder<AppendKeys.NewKey> KEY_ROW =
      (insert, key) -> {
        insert.setString(1, key.subjectId());
        insert.setString(2, key.keyId());
        insert.setString(3, key.wrappedKey());
        insert.setLong(4, key.createdAtMicros());
      };

  /**
   * The rows of the tables below go as multi-row inserts ({@link Sql#insert}): a duplicate key
   * fails its statement as a whole with a constraint violation, which {@link #write} answers with
   * {@link #collided}, as it did the driver's rewritten batch.
   */
  static void insertEvents(Connection c, List<StoredEvent> events) throws SQLException {
    Sql.insert(c, INSERT_EVENTS, events, EVENT_ROW);
  }

  static void insertProcessed(Connection c, List<ProcessedCommand> processed) throws SQLException {
    Sql.insert(c, INSERT_COMMANDS, processed, COMMAND_ROW);
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

  static void insertKeys(Connection c, List<AppendKeys.NewKey> keys) throws SQLException {
    Sql.insert(c, INSERT_KEYS, keys, KEY_ROW);
  }

  /**
   * The answer when the database's unique keys refused a commit's rows: another writer appended to
   * the same streams (or stored the same command or data key) at the same time. Both writers
   * ({@link JpaLogWriter} too) answer it so.
   */
  static ConcurrencyConflict collided(List<Prepared.Batch> batches) {
    List<String> streams =
        batches.stream()
            .flatMap(batch -> batch.commands().stream())
            .flatMap(command -> command.append().appends().stream())
            .map(StreamAppend::streamId)
            .distinct()
            .toList();
    return new ConcurrencyConflict(
        streams.isEmpty() ? null : streams.get(0),
        "another writer appended to " + streams + " at the same time");
  }

  /** True when the failure, or one it was caused by, is a violated unique or foreign key. */
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
