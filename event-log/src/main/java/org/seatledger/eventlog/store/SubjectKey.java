package org.seatledger.eventlog.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The data key of one person, wrapped with a master key (named by {@code keyId}). Erasing the
 * person replaces the key by a tombstone (see {@link SubjectKeyRows#ERASED}).
 *
 * <p>Identified by the subject's id, which is unique; the table itself is clustered by {@code
 * (created_at, subject_id)}, the order of the log (event-log V8), so that a read model looking up
 * the keys of a page of the log finds them together.
 */
@Entity
@Table(name = "subject_keys")
public class SubjectKey {

  @Id
  @Column(name = "subject_id")
  String subjectId;

  @Column(name = "wrapped_key", nullable = false)
  String wrappedKey;

  /** The id of the master key that wrapped it; null only on rows older than key ids. */
  @Column(name = "key_id")
  String keyId;

  @Column(name = "created_at", nullable = false)
  long createdAtMicros;

  /** The row of a key created for an append. */
  static SubjectKey of(AppendKeys.NewKey key) {
    SubjectKey row = new SubjectKey();
    row.subjectId = key.subjectId();
    row.keyId = key.keyId();
    row.wrappedKey = key.wrappedKey();
    row.createdAtMicros = key.createdAtMicros();
    return row;
  }
}
