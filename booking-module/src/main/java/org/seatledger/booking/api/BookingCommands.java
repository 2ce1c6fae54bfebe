package org.seatledger.booking.api;

/** Carries out commands: the write side of the booking module. */
public interface BookingCommands {

  /**
   * Carries out a command, or returns the first outcome of an earlier command with the same id.
   *
   * @throws CommandRefused when the rules refuse it; nothing was stored
   */
  CommandResult handle(BookingCommand command, CommandContext context);
}
