package org.seatledger.eventlog.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row holding the next global position; locking it is the append lock. {@link LogWriter}
 * locks and advances it with JDBC; this entity only reads it.
 */
@Entity
@Table(name = "event_sequence")
public class EventSequence {
  static final int ID = 1;

  @Id
  @Column(name = "id")
  int id;

  @Column(name = "next_position", nullable = false)
  private long nextPosition;

  long nextPosition() {
    return nextPosition;
  }
}
