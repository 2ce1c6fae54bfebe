package org.seatledger.eventlog.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.util.List;
import org.seatledger.eventlog.api.AppendResult;

/**
 * A row of {@code processed_commands}: a command that was carried out, by its client-chosen id,
 * with the outcome it had. Inserted in the same transaction as the command's events, never changed.
 */
@Entity
@Table(name = "processed_commands")
public class ProcessedCommand {

  @Id
  @Column(name = "command_id", updatable = false)
  String commandId;

  @Lob
  @Column(name = "outcome", updatable = false)
  String outcome;

  @Column(name = "first_position", updatable = false)
  Long firstPosition;

  @Column(name = "last_position", updatable = false)
  Long lastPosition;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  long recordedAtMicros;

  /** The answer to a repeat of this command: its first positions and outcome, nothing appended. */
  AppendResult repeated() {
    return new AppendResult(
        firstPosition == null ? 0 : firstPosition,
        lastPosition == null ? 0 : lastPosition,
        List.of(),
        true,
        outcome);
  }
}
