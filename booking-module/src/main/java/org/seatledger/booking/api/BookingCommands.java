package org.seatledger.booking.api;

/** Carries out commands: the write side of the booking module. */
public interface BookingCommands {

  /**
   * Carries out a command, or returns the first outcome of an earlier command with the same id.
   *
   * @throws CommandRefused when the rules refuse it; nothing was stored
   */
  CommandResult handle(BookingCommand command, CommandContext context);

  /**
   * How many times since start a batch of commands had to be decided again because another writer
   * (another server) changed its streams first: the cost of contention between servers.
   */
  long conflictRetries();
}
