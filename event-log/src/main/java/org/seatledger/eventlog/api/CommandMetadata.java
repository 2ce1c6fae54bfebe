package org.seatledger.eventlog.api;

import java.util.Objects;

/**
 * Who asked for what, and why: recorded on every event the command appends.
 *
 * @param commandId the client-chosen id that makes the command idempotent
 * @param correlationId the id shared by everything one user action caused
 * @param causationId the command or event that directly caused these events
 * @param principal the signed-in user (or {@code system} for the server's own processes)
 * @param reason optional free text saying why
 */
public record CommandMetadata(
    String commandId, String correlationId, String causationId, String principal, String reason) {

  public CommandMetadata {
    requireText(commandId, "commandId");
    requireText(correlationId, "correlationId");
    requireText(causationId, "causationId");
    requireText(principal, "principal");
    if (reason != null && reason.length() > 500) {
      throw new IllegalArgumentException("a reason has at most 500 characters");
    }
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank() || value.length() > 100) {
      throw new IllegalArgumentException(name + " must have 1 to 100 characters");
    }
  }
}
