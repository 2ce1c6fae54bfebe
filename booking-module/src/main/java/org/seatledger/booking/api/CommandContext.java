package org.seatledger.booking.api;

import java.util.UUID;

/**
 * Who sends a command, under which id, and why.
 *
 * @param commandId the client's idempotency key, or a new id: the same id twice is carried out once
 * @param correlationId shared by everything one user action causes
 * @param principal the signed-in user
 * @param reason optional free text
 */
public record CommandContext(
    String commandId, String correlationId, String principal, String reason) {

  public CommandContext {
    if (commandId == null || commandId.isBlank()) {
      commandId = UUID.randomUUID().toString();
    }
    if (commandId.length() > 100) {
      throw CommandRefused.invalid("An Idempotency-Key has at most 100 characters.");
    }
    if (correlationId == null || correlationId.isBlank() || correlationId.length() > 100) {
      correlationId = commandId;
    }
  }
}
