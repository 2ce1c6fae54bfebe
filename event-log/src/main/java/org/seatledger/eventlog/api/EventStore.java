package org.seatledger.eventlog.api;

import java.util.List;
import java.util.Map;

/**
 * The event log as a writer uses it: appends guarded by expected stream versions and recorded with
 * their command id, plus the reads a writer needs. One bean implements it for the whole
 * application; every guard lives in the database, so several servers may share one log.
 */
public interface EventStore extends EventLog {

  /**
   * Appends the events of one command to one or more streams in one transaction, or nothing.
   *
   * @param outcome the command's outcome as stored for repeats (see {@link AppendResult#outcome()})
   * @throws ConcurrencyConflict when a stream is not at its expected version
   */
  AppendResult append(CommandMetadata metadata, List<StreamAppend> appends, String outcome);

  /**
   * Appends many commands in one commit: each command's events go in whole or the call fails as a
   * whole. The results come in the order of {@code commands}.
   */
  List<AppendResult> appendAll(List<CommandAppend> commands);

  /** The recorded results of those of {@code commandIds} that were processed already. */
  Map<String, AppendResult> processed(List<String> commandIds);

  /** How many events carry personal data of {@code subjectId}. */
  long countNaming(String subjectId);

  /** The ids of every stream of {@code streamType}, oldest first. */
  List<String> streamsOfType(String streamType);

  /**
   * At most {@code limit} ids of the streams of {@code streamType}, oldest first, after skipping
   * the {@code skip} oldest: a page of {@link #streamsOfType(String)}.
   */
  List<String> streamsOfType(String streamType, long skip, int limit);

  /** How many streams of {@code streamType} there are. */
  long countStreamsOfType(String streamType);

  /** For each stream, its events after the given version, in stream order. */
  Map<String, List<RecordedEvent>> readStreams(Map<String, Long> afterVersions);

  /** The stream's current version; 0 when it has no event. */
  long streamVersion(String streamId);
}
