package org.seatledger.booking.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.seatledger.booking.api.BookingCommand;
import org.seatledger.booking.api.CommandContext;
import org.seatledger.booking.api.CommandOutcome;
import org.seatledger.booking.api.CommandRefused;
import org.seatledger.booking.api.CommandResult;
import org.seatledger.booking.application.ConferenceWriter.Pending;

/**
 * A command sent twice into one batch is decided once; the second sending gets the first's answer.
 */
class SameBatchRepeatsTest {

  @Test
  void theSecondSendingIsNotDecidedAndGetsTheFirstOutcomeAsARepeat() throws Exception {
    Pending first = pending("c:staff:key-1");
    Pending other = pending("c:staff:key-2");
    Pending again = pending("c:staff:key-1");

    assertEquals(List.of(first, other), SameBatchRepeats.firsts(List.of(first, other, again)));
    assertFalse(again.result().isDone(), "answered with the first, not before");

    CommandOutcome held = new CommandOutcome.PublicationSet("conf", true);
    first.result().complete(new CommandResult(42, false, held));
    CommandResult repeated = again.result().get();
    assertEquals(42, repeated.position());
    assertTrue(repeated.repeated());
    assertSame(held, repeated.outcome());
  }

  @Test
  void aRefusalOfTheFirstIsTheRefusalOfTheSecond() {
    Pending first = pending("c:staff:key-1");
    Pending again = pending("c:staff:key-1");
    SameBatchRepeats.firsts(List.of(first, again));

    CommandRefused refused = CommandRefused.conflict("The conference is not published.");
    first.result().completeExceptionally(refused);
    ExecutionException answer =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExecutionException.class, () -> again.result().get());
    assertSame(refused, answer.getCause());
  }

  private static Pending pending(String commandId) {
    return new Pending(
        new BookingCommand.PublishConference("conf"),
        new CommandContext(commandId, null, "staff", null),
        new CompletableFuture<>());
  }
}
