package org.seatledger.eventlog.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row of {@code event_sequence}, holding the next global position; its row lock is the
 * append lock. {@link LogWriter} locks and advances it with JDBC ({@code SELECT … FOR UPDATE},
 * {@code UPDATE}); {@link JpaLogWriter} finds this entity with {@code PESSIMISTIC_WRITE} (the same
 * {@code SELECT … FOR UPDATE}) and advances it; verification reads it.
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

  /** Moves the sequence to {@code next}: written at flush, under the lock this row holds. */
  void advanceTo(long next) {
    nextPosition = next;
  }
}
