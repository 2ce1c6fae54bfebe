package org.seatledger.audit.api;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.seatledger.eventlog.api.projection.ProjectionStatus;

/** What auditors ask: histories with diffs, state as of any moment, search, verification. */
public interface AuditQueries {

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

  /** A field before and after (JSON values; null when absent). */
  @JsonbNillable
  record FieldChange(String field, Object before, Object after) {}

  /** An entity's state at a moment, and the stream version it reflects (0: did not exist yet). */
  @JsonbNillable
  record StateAt(String streamId, long streamVersion, Instant asOf, JsonObject state) {}

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

  /** Search criteria; nulls match everything. Pages from 1. */
  record Search(
      String streamId, String type, String user, Instant from, Instant to, int page, int size) {}

  /** A page of search hits. */
  record Page(List<Entry> items, int page, int size, long total) {}

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

  /** Newest first; empty when the stream does not exist. */
  List<HistoryEntry> history(String streamId);

  /** The state as of an instant or a version (exactly one of them given). */
  Optional<StateAt> state(String streamId, Instant asOf, Long version);

  Page search(Search search);

  /** Runs a verification now, keeps and returns its result. */
  Verification verify(String streamId, String requestedBy);

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
