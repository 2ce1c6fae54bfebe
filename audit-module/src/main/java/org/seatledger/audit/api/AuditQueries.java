package org.seatledger.audit.api;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.seatledger.eventlog.api.DigestCheck;
import org.seatledger.eventlog.api.LogDigest;
import org.seatledger.eventlog.api.projection.ProjectionStatus;

/**
 * What auditors ask: histories with diffs paged by stream version, the state at any point and the
 * comparison of two, search with keyset paging, the causation chain of a request, verification and
 * digests of the whole log.
 */
public interface AuditQueries {

  /** Most entries of one history page. */
  int MAX_HISTORY_PAGE = 500;

  /** Most hits of one search page. */
  int MAX_SEARCH_PAGE = 500;

  /** One event in an entity's history, with what it changed. */
  @JsonbNillable
  record HistoryEntry(
      long globalPosition,
      long streamVersion,
      String type,
      Instant recordedAt,
      String recordedBy,
      String reason,
      String summary,
      String commandId,
      String correlationId,
      String causationId,
      List<FieldChange> changes) {}

  /**
   * One page of a history, newest first.
   *
   * @param streamVersion the stream's newest version when the page was read
   * @param nextBeforeVersion the {@code beforeVersion} of the next (older) page; null on the last
   */
  record HistoryPage(
      String streamId, long streamVersion, List<HistoryEntry> entries, Long nextBeforeVersion) {}

  /** A point of a stream: a version, or an instant (exactly one of them). */
  record Point(Long version, Instant asOf) {
    public Point {
      if ((version == null) == (asOf == null)) {
        throw new IllegalArgumentException("a point is a version or an instant");
      }
    }

    public static Point version(long version) {
      return new Point(version, null);
    }

    public static Point asOf(Instant asOf) {
      return new Point(null, asOf);
    }
  }

  /**
   * Two points of one stream side by side, and the fields that differ from the first to the second.
   */
  record Comparison(String streamId, StateAt first, StateAt second, List<FieldChange> changes) {}

  /** A field before and after (JSON values; null when absent). */
  @JsonbNillable
  record FieldChange(String field, Object before, Object after) {}

  /**
   * An entity's state at a moment, and the stream version it reflects (0: did not exist yet).
   *
   * @param foldedFrom the version of the stored snapshot the state was folded from, 0 when it was
   *     folded from the first event (snapshots are not covered by digests: an auditor may want to
   *     know)
   */
  @JsonbNillable
  record StateAt(
      String streamId, long streamVersion, Instant asOf, JsonObject state, long foldedFrom) {}

  /** A search hit. */
  @JsonbNillable
  record Entry(
      long globalPosition,
      String streamId,
      String streamType,
      long streamVersion,
      String type,
      Instant recordedAt,
      String recordedBy,
      String summary,
      String reason,
      String commandId,
      String correlationId,
      String causationId) {}

  /**
   * Search criteria; nulls match everything. {@code text} is looked for in summaries, ignoring
   * case. Hits come newest first (by global position); {@code after} is the {@code next} of the
   * page before, null for the first page.
   */
  record Search(
      String streamId,
      String type,
      String user,
      Instant from,
      Instant to,
      String text,
      Long after,
      int size) {}

  /**
   * A page of search hits.
   *
   * @param next the {@code after} of the next page; null on the last
   */
  @JsonbNillable
  record Page(List<Entry> items, int size, Long next) {}

  /** An event of a causation chain. */
  record ChainEvent(
      long globalPosition, String streamId, long streamVersion, String type, String summary) {}

  /** A command of a causation chain and the events it appended. */
  @JsonbNillable
  record ChainCommand(
      String commandId,
      String correlationId,
      String causationId,
      String recordedBy,
      Instant recordedAt,
      String reason,
      List<ChainEvent> events) {}

  /**
   * What one request caused: who sent it and when, the commands carried out under its correlation
   * id with the events each appended, and the compensations that followed later (a booking it
   * placed expired or was cancelled, and the seats given back). Read from the audit trail, which
   * has applied the log up to {@code trailPosition}.
   */
  record Causation(
      String correlationId,
      String requestedBy,
      Instant requestedAt,
      List<ChainCommand> commands,
      List<ChainCommand> compensations,
      long trailPosition) {

    /** The positions of every event of the chain, ascending. */
    public List<Long> positions() {
      return java.util.stream.Stream.concat(commands.stream(), compensations.stream())
          .flatMap(c -> c.events().stream())
          .map(ChainEvent::globalPosition)
          .sorted()
          .toList();
    }
  }

  /** A verification of the hash chain, as kept. */
  @JsonbNillable
  record Verification(
      String id,
      Instant startedAt,
      Instant finishedAt,
      String scope,
      boolean ok,
      long checkedEvents,
      Long firstBadPosition,
      String detail,
      String requestedBy) {}

  /**
   * Up to {@code limit} changes of a stream below {@code beforeVersion} (all versions when null),
   * newest first, each with the fields it changed. Reads the page's events and folds them from the
   * nearest snapshot below, never the whole stream. Empty when the stream does not exist.
   */
  Optional<HistoryPage> history(String streamId, Long beforeVersion, int limit);

  /**
   * The state at a point, from the nearest snapshot at or below it; empty for no such stream.
   *
   * @throws VersionPastEnd when the point is a version beyond the stream's newest
   */
  Optional<StateAt> state(String streamId, Point point);

  /**
   * Two points side by side with their differences; empty for no such stream.
   *
   * @throws VersionPastEnd when a point is a version beyond the stream's newest
   */
  Optional<Comparison> compare(String streamId, Point first, Point second);

  /** One page of hits, newest first, by keyset ({@link Search#after()}). */
  Page search(Search search);

  /** The chain of a request by its correlation id; empty when no event carries it. */
  Optional<Causation> causation(String correlationId);

  /** The chain of the request that led to the event at {@code globalPosition}; empty if none. */
  Optional<Causation> causationOf(long globalPosition);

  /** A digest of the whole log up to its newest event, for an auditor to keep. */
  LogDigest digest();

  /**
   * Whether the log still gives a kept digest, and if not where it differs: the exact position,
   * also inside a range between two checkpoints when the audit trail's record of the hashes there
   * gives the kept checkpoint.
   */
  DigestCheck checkDigest(LogDigest kept);

  /**
   * A verification of the whole log or of one stream, running or done.
   *
   * @param totalEvents how many events it will check (the log's or the stream's length at start)
   * @param result the kept result once it is done; null while it runs
   */
  @JsonbNillable
  record VerificationRun(
      String id,
      String scope,
      Instant startedAt,
      String requestedBy,
      long checkedEvents,
      long totalEvents,
      Instant updatedAt,
      Verification result) {

    public boolean finished() {
      return result != null;
    }
  }

  /**
   * Runs a verification of the stream named (the whole log when null) now, keeps and returns its
   * result; empty when the stream named has no event.
   */
  Optional<Verification> verify(String streamId, String requestedBy);

  /**
   * Starts a verification in the background and answers at once; {@link #verificationRun} tells how
   * far it has come. Empty when the stream named has no event.
   */
  Optional<VerificationRun> startVerification(String streamId, String requestedBy);

  /** A verification started, running or done; empty for an unknown id. */
  Optional<VerificationRun> verificationRun(String id);

  /** Kept verification results, newest first. */
  List<Verification> verifications(int limit);

  List<ProjectionStatus> projections();

  /** Resumes the stopped audit trail projection; false when there is no such projection. */
  boolean retry(String projection);

  /**
   * Pauses the audit trail projection; false when there is no such projection or it is not running.
   */
  boolean pause(String projection);

  /**
   * Resumes the paused audit trail projection; false when there is no such projection or it is not
   * paused.
   */
  boolean resume(String projection);

  /** Starts a rebuild of the audit trail; false when there is no such projection or one runs. */
  boolean rebuild(String projection);

  /** Waits (at most {@code patience}) until the audit trail has applied {@code position}. */
  boolean awaitPosition(long position, java.time.Duration patience);
}
