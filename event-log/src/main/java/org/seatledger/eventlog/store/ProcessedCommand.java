package org.seatledger.eventlog.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A command that was carried out, by its client-chosen id, with the outcome it had. */
@Entity
@Table(name = "processed_commands")
public class ProcessedCommand {

  @Id
  @Column(name = "command_id")
  String commandId;

  @Lob
  @Column(name = "outcome")
  String outcome;

  @Column(name = "first_position")
  Long firstPosition;

  @Column(name = "last_position")
  Long lastPosition;

  @Column(name = "recorded_at", nullable = false)
  long recordedAtMicros;
}
