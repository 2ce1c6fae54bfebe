package org.seatledger.web.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.seatledger.booking.api.BookingCommand;
import org.seatledger.booking.api.BookingCommands;
import org.seatledger.booking.api.CommandContext;
import org.seatledger.booking.api.CommandResult;

/**
 * Sends a command on behalf of a signed-in user: the client's idempotency key becomes the command
 * id, scoped to that user ({@link CommandContext#ofClient}); without a key the command gets a new
 * id. The REST API passes its {@code Idempotency-Key} header, a page the key its form carried.
 */
@ApplicationScoped
public class UserCommands {

  @Inject BookingCommands commands;

  /**
   * Carries out {@code command} for {@code principal}.
   *
   * @throws org.seatledger.booking.api.CommandRefused when the key is malformed or the rules refuse
   *     the command; nothing was stored
   */
  public CommandResult send(
      BookingCommand command,
      String idempotencyKey,
      String correlationId,
      String principal,
      String reason) {
    return commands.handle(
        command, CommandContext.ofClient(idempotencyKey, correlationId, principal, reason));
  }
}
