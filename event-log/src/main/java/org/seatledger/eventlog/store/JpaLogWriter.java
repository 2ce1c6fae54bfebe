package org.seatledger.eventlog.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.seatledger.eventlog.api.AppendResult;
import org.seatledger.eventlog.api.CommandAppend;
import org.seatledger.eventlog.api.ConcurrencyConflict;

/**
 * The append path on EclipseLink: the same guards, rows and answers as {@link LogWriter} (both hand
 * what they read under the lock to {@link AppendGuards#decide}, one decision for both paths),
 * stored through the {@code eventlog} persistence unit instead of plain JDBC.
 *
 * <p>In one transaction (joining the caller's, if any): {@link EventSequence} is found with {@link
 * LockModeType#PESSIMISTIC_WRITE} ({@code SELECT … FOR UPDATE}, the append lock); earlier commands,
 * stream heads and existing data keys are looked up with JPQL ({@link EntityQueries}: several
 * queries where {@link GuardLookup} sends one {@code UNION ALL}, which JPQL cannot express); the
 * {@link StoredEvent}, {@link ProcessedCommand} and {@link SubjectKey} entities are persisted and
 * the sequence advanced; {@code flush} sends them with EclipseLink's JDBC batch writing ({@code
 * eclipselink.jdbc.batch-writing} in {@code persistence.xml}; with mysql-connector-j's {@code
 * rewriteBatchedStatements=true} one multi-row insert per table). The persistence context is then
 * cleared, so the commit compares nothing.
 *
 * <p>A duplicate (stream, version), command id or data key refused by the database's unique keys —
 * an append that skipped the lookup ({@link #writeNewStreams}), or one that did not take the lock —
 * fails the transaction with the {@link ConcurrencyConflict} {@link LogWriter} answers; a command
 * id carried out before is answered with its first outcome, as there.
 *
 * <p>The application's appends do not come here: {@link GroupCommit} and appends inside a caller's
 * transaction use {@link LogWriter}, which the benchmark measured faster — this path reached 0.57
 * of its events/s with one command per commit and 0.58 with 25 (run 3c27263a of 2026-12-02; see
 * {@code docs/performance.md}, "EclipseLink and JDBC append paths"). This path is measured beside
 * it in every benchmark run and proven to write the same rows by {@code JpaAppendPathIT}.
 */
@ApplicationScoped
public class JpaLogWriter {

  @PersistenceContext(unitName = "eventlog")
  EntityManager em;

  @Inject EventAppender preparer;
  @Inject Event<AppendCommitted.Appended> appended;

  /**
   * Appends the events of one or more commands through EclipseLink, all or nothing, in one
   * transaction (joining the caller's): the counterpart of {@link EventAppender#appendAll(List)}
   * inside a transaction.
   *
   * @throws ConcurrencyConflict when a stream is not at its expected version or another writer
   *     stored the same rows first
   */
  @Transactional
  public List<AppendResult> appendAll(List<CommandAppend> commands) {
    if (commands.isEmpty()) {
      return List.of();
    }
    EventAppender.Ready ready = preparer.prepare(commands);
    preparer.settleWithTransaction(ready.keys());
    return EventAppender.keysOfRepeatNotStored(
        ready.keys(), write(List.of(ready.batch()), true).get(0).resultsOrThrow());
  }

  /** Writes the batches in order, each answered on its own (as {@link LogWriter#write}). */
  @Transactional
  public List<BatchOutcome> write(List<Prepared.Batch> batches) {
    return write(batches, true);
  }

  /**
   * Writes batches that only start new streams without the guards' lookup: the unique keys of
   * {@code events}, {@code processed_commands} and {@code subject_keys} are the guard, and a
   * collision fails the whole transaction with a {@link ConcurrencyConflict} (as {@link
   * LogWriter#writeNewStreams}).
   */
  @Transactional
  public List<BatchOutcome> writeNewStreams(List<Prepared.Batch> batches) {
    return write(batches, false);
  }

  private List<BatchOutcome> write(List<Prepared.Batch> batches, boolean lookUp) {
    try {
      EventSequence sequence =
          em.find(EventSequence.class, EventSequence.ID, LockModeType.PESSIMISTIC_WRITE);
      if (sequence == null) {
        throw new IllegalStateException("the event_sequence row is missing");
      }
      AppendGuards.Found found = lookUp ? lookUp(batches) : AppendGuards.Found.NOTHING;
      if (batches.stream().anyMatch(batch -> !batch.newKeys().isEmpty())) {
        found = found.withActiveKeyId(lockedActiveKeyId());
      }
      AppendGuards.Decision decision =
          AppendGuards.decide(batches, found, sequence.nextPosition(), Clock.micros());
      if (decision.writes()) {
        decision.keys().forEach(key -> em.persist(SubjectKey.of(key)));
        decision.events().forEach(em::persist);
        decision.processed().forEach(em::persist);
        sequence.advanceTo(decision.nextPosition());
        em.flush();
        appended.fire(new AppendCommitted.Appended(decision.nextPosition() - 1));
      }
      em.clear();
      return decision.outcomes();
    } catch (PersistenceException e) {
      if (LogWriter.isConstraintViolation(e)) {
        throw LogWriter.collided(batches);
      }
      throw new IllegalStateException("the event log could not be written: " + sqlMessage(e), e);
    }
  }

  /**
   * What the guards need, read under the lock (what {@link GuardLookup} reads with JDBC): earlier
   * commands, heads of the streams appended to that may exist, which of the new streams exist after
   * all (their heads then too), and which new subjects have a key by now.
   */
  private AppendGuards.Found lookUp(List<Prepared.Batch> batches) {
    GuardKeys keys = GuardKeys.of(batches);
    List<String> commandIds = keys.commandIds();
    Set<String> existing = keys.existing();
    Set<String> fresh = keys.fresh();
    List<String> subjects = keys.subjects();
    Map<String, Head> heads = new HashMap<>(EntityQueries.heads(em, existing));
    Set<String> collided = EntityQueries.existing(em, fresh);
    if (!collided.isEmpty()) {
      heads.putAll(EntityQueries.heads(em, collided));
    }
    Map<String, AppendResult> carriedOut = new HashMap<>();
    EntityQueries.processed(em, commandIds)
        .forEach((id, row) -> carriedOut.put(id, row.repeated()));
    return new AppendGuards.Found(
        heads,
        carriedOut,
        subjects.isEmpty() ? Set.of() : EntityQueries.keysTaken(em, subjects),
        null);
  }

  /**
   * The master key the database names for new data keys, locked until commit (see {@link
   * MasterKeyRecord}). {@code master_key} has no entity: a native query, as {@link MasterKeyRecord}
   * reads it.
   */
  private String lockedActiveKeyId() {
    List<?> rows =
        em.createNativeQuery("SELECT key_id FROM master_key WHERE id = 1 FOR UPDATE")
            .getResultList();
    return rows.isEmpty() ? null : rows.get(0).toString().strip();
  }

  /**
   * The driver's message: EclipseLink's own spans several lines, which must not reach an HTTP
   * answer.
   */
  private static String sqlMessage(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        return sql.getMessage();
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
  }
}
