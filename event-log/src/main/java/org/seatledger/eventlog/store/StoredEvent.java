package org.seatledger.eventlog.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * A row of the {@code events} table. Inserted once, never updated or deleted: the application's
 * appends insert it with plain JDBC ({@link LogWriter}), the EclipseLink append path ({@link
 * JpaLogWriter}) persists it as this entity. The log's verification reads it with JPQL; the reads
 * by position and by stream fill it from plain JDBC ({@link EventRows}).
 */
@Entity
@Table(name = "events")
public class StoredEvent {

  @Id
  @Column(name = "global_position")
  long globalPosition;

  @Column(name = "event_id", nullable = false, updatable = false)
  String eventId;

  @Column(name = "stream_id", nullable = false, updatable = false)
  String streamId;

  @Column(name = "stream_type", nullable = false, updatable = false)
  String streamType;

  @Column(name = "stream_version", nullable = false, updatable = false)
  long streamVersion;

  @Column(name = "event_type", nullable = false, updatable = false)
  String eventType;

  @Column(name = "schema_version", nullable = false, updatable = false)
  int schemaVersion;

  @Lob
  @Column(name = "payload", nullable = false, updatable = false)
  String payload;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  long recordedAtMicros;

  @Column(name = "recorded_by", nullable = false, updatable = false)
  String recordedBy;

  @Column(name = "command_id", nullable = false, updatable = false)
  String commandId;

  @Column(name = "correlation_id", nullable = false, updatable = false)
  String correlationId;

  @Column(name = "causation_id", nullable = false, updatable = false)
  String causationId;

  @Column(name = "reason", updatable = false)
  String reason;

  @Column(name = "previous_hash", nullable = false, updatable = false)
  String previousHash;

  @Column(name = "hash", nullable = false, updatable = false)
  String hash;

  /** The fields the hash covers, in their stored form. */
  HashChain.Link link() {
    return new HashChain.Link(
        globalPosition,
        eventId,
        streamId,
        streamType,
        streamVersion,
        eventType,
        schemaVersion,
        payload,
        recordedAtMicros,
        recordedBy,
        commandId,
        correlationId,
        causationId,
        reason);
  }
}
