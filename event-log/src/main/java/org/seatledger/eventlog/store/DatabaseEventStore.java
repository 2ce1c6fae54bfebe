package org.seatledger.eventlog.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.seatledger.eventlog.api.AppendResult;
import org.seatledger.eventlog.api.CommandAppend;
import org.seatledger.eventlog.api.CommandMetadata;
import org.seatledger.eventlog.api.ConcurrencyConflict;
import org.seatledger.eventlog.api.Decoding;
import org.seatledger.eventlog.api.EventPage;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.StreamAppend;
import org.seatledger.eventlog.api.VerificationReport;

/**
 * The event log in the database, as the application uses it: the one bean behind {@link
 * EventStore}, handing appends to {@link EventAppender}, reads to {@link EventReads} and
 * verification to {@link ChainVerifier}. Appends and the reads of events (in global order, by
 * stream, by pages) are plain JDBC; the small lookups (head position, a stream's version, the
 * streams of a type, events naming a person) and the verification walk of the whole log go through
 * the {@code eventlog} persistence unit (EclipseLink), as do snapshots ({@link Snapshots}), data
 * keys ({@link SubjectKeyRows}) and the commands carried out ({@link EventReads#processed}). The
 * two hot paths stay JDBC because the benchmark measures them faster, side by side in every run
 * ({@code docs/performance.md}): the EclipseLink append path ({@link JpaLogWriter}, the same
 * decision and rows) reached 0.46–0.92 of the JDBC path's events/s (1 and 25 commands per commit),
 * a JPQL read of {@link StoredEvent} entities 0.48 of the JDBC read's rows/s (quick run of
 * 2026-12-02).
 *
 * <h2>Why global order is gap-safe</h2>
 *
 * An append takes the row lock of {@code event_sequence} ({@code SELECT … FOR UPDATE}, or on
 * MySQL/MariaDB an {@code UPDATE} that moves it in the same statement, {@link SequenceLock}),
 * assigns the next positions from it, inserts its events and commits; the lock is released by that
 * commit. So the database makes appends commit in position order, on one server or many sharing the
 * database, and a rolled-back append also rolls back its positions: positions are gap-free and an
 * event is never visible before every event with a lower position. A reader that has processed
 * position {@code p} asks for "after p" and can never miss an event that commits late — the failure
 * that auto-increment positions cause (an event with a lower position committing after a higher
 * one).
 *
 * <p>The price is that appends commit one after another. Everything that can happen outside the
 * lock does: loading and deciding happen before the append, serialising and encrypting happen
 * before the lock is taken, and only the guards' lookup, the inserts and the commit happen under it
 * ({@link LogWriter}). Many events (of many commands, across streams) share one transaction and one
 * commit, which is how throughput is gained: one fsync for a batch instead of one per command. A
 * conference writer batches the commands of its conference; {@link GroupCommit} then merges the
 * batches of all writers (and all other callers) that queue up while a commit is under way.
 *
 * <p>{@code UNIQUE(stream_id, stream_version)} stays as a second guard: should anything append
 * without the lock, the database refuses a duplicate version and the writer gets the same {@link
 * ConcurrencyConflict}.
 */
@ApplicationScoped
public class DatabaseEventStore implements EventStore {

  @Inject EventAppender appender;
  @Inject EventReads reads;
  @Inject ChainVerifier verifier;

  /**
   * Appends the events of one command to one or more streams, all or nothing.
   *
   * @param outcome the command's result as JSON, returned again if the command id is repeated
   * @throws ConcurrencyConflict when a stream is not at the expected version
   */
  @Override
  public AppendResult append(CommandMetadata metadata, List<StreamAppend> appends, String outcome) {
    return appendAll(List.of(new CommandAppend(metadata, appends, outcome))).get(0);
  }

  /** See {@link EventAppender#appendAll}. */
  @Override
  public List<AppendResult> appendAll(List<CommandAppend> commands) {
    return appender.appendAll(commands);
  }

  @Override
  public Map<String, AppendResult> processed(List<String> commandIds) {
    return reads.processed(commandIds);
  }

  @Override
  public long countNaming(String subjectId) {
    return reads.countNaming(subjectId);
  }

  @Override
  public List<String> streamsOfType(String streamType) {
    return reads.streamsOfType(streamType);
  }

  @Override
  public List<String> streamsOfType(String streamType, long skip, int limit) {
    return reads.streamsOfType(streamType, skip, limit);
  }

  @Override
  public long countStreamsOfType(String streamType) {
    return reads.countStreamsOfType(streamType);
  }

  @Override
  public List<RecordedEvent> readAll(long afterPosition, int limit) {
    return reads.readAll(afterPosition, limit);
  }

  @Override
  public EventPage readPage(long afterPosition, int limit, Set<Class<?>> classes) {
    return reads.readPage(afterPosition, limit, classes);
  }

  @Override
  public EventPage readPage(
      long afterPosition, int limit, Set<Class<?>> classes, boolean personalData) {
    return reads.readPage(afterPosition, limit, classes, personalData);
  }

  @Override
  public EventPage readPage(
      long afterPosition, int limit, Set<Class<?>> classes, Decoding decoding) {
    return reads.readPage(afterPosition, limit, classes, decoding);
  }

  @Override
  public List<RecordedEvent> readAt(List<Long> positions, boolean personalData) {
    return reads.readAt(positions, personalData);
  }

  @Override
  public List<RecordedEvent> readStream(String streamId, long fromVersion, int limit) {
    return reads.readStream(streamId, fromVersion, limit);
  }

  @Override
  public Map<String, List<RecordedEvent>> readStreams(Map<String, Long> afterVersions) {
    return reads.readStreams(afterVersions);
  }

  @Override
  public long headPosition() {
    return reads.headPosition();
  }

  @Override
  public long[] positions(long afterPosition, int limit) {
    return reads.positions(afterPosition, limit);
  }

  @Override
  public long countUpTo(long position) {
    return reads.countUpTo(position);
  }

  @Override
  public long streamVersion(String streamId) {
    return reads.streamVersion(streamId);
  }

  @Override
  public VerificationReport verify(Optional<String> streamId) {
    return verifier.verify(streamId, checked -> {});
  }

  @Override
  public VerificationReport verify(
      Optional<String> streamId, java.util.function.LongConsumer progress) {
    return verifier.verify(streamId, progress);
  }
}
