package org.seatledger.booking.eventstore;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The data key of one person, wrapped with the master key. Deleting it erases the person. */
@Entity
@Table(name = "subject_keys")
public class SubjectKey {

  @Id
  @Column(name = "subject_id")
  String subjectId;

  @Column(name = "wrapped_key", nullable = false)
  String wrappedKey;

  @Column(name = "created_at", nullable = false)
  long createdAtMicros;
}
