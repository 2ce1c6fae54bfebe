package org.seatledger.booking.application;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.seatledger.booking.api.CommandContext;
import org.seatledger.booking.api.CommandOutcome;
import org.seatledger.booking.api.CommandRefused;
import org.seatledger.booking.api.CommandResult;
import org.seatledger.eventlog.api.CommandAppend;
import org.seatledger.eventlog.api.CommandMetadata;
import org.seatledger.eventlog.api.StreamAppend;

/** What the command side made of one command: an outcome and its appends, or a refusal. */
sealed interface Verdict {

  /** Answers a command nothing was appended for: its outcome at position 0, or its refusal. */
  void answerWithoutAppend(CompletableFuture<CommandResult> result);

  /**
   * The command's outcome and the appends that carry it out; without appends nothing changes and
   * nothing is stored. Each append remembers the outcome (in {@link OutcomeCodec}'s shape) under
   * its own command id.
   */
  record Decided(CommandOutcome outcome, List<CommandAppend> appends) implements Verdict {
    public Decided {
      Objects.requireNonNull(outcome, "outcome");
      appends = List.copyOf(appends);
    }

    @Override
    public void answerWithoutAppend(CompletableFuture<CommandResult> result) {
      result.complete(new CommandResult(0, false, outcome));
    }

    /** The outcome, carried out by {@code appends} (none: nothing changes). */
    static Decided of(
        CommandOutcome outcome, CommandMetadata metadata, List<StreamAppend> appends) {
      return of(outcome, metadata, appends, Set.of());
    }

    /**
     * The outcome, carried out by {@code appends} that bring the data subjects {@code newSubjects}
     * into being (see {@link CommandAppend#newSubjects}).
     */
    static Decided of(
        CommandOutcome outcome,
        CommandMetadata metadata,
        List<StreamAppend> appends,
        Set<String> newSubjects) {
      return appends.isEmpty()
          ? new Decided(outcome, List.of())
          : new Decided(
              outcome,
              List.of(
                  new CommandAppend(metadata, appends, OutcomeCodec.encode(outcome), newSubjects)));
    }
  }

  /** The rules refused the command: nothing is appended, the sender is told why. */
  record Refused(CommandRefused reason) implements Verdict {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public void answerWithoutAppend(CompletableFuture<CommandResult> result) {
      result.completeExceptionally(reason);
    }
  }

  /** The metadata of the events of a command sent with {@code context}. */
  static CommandMetadata metadata(CommandContext context) {
    return new CommandMetadata(
        context.commandId(),
        context.correlationId(),
        context.commandId(),
        context.principal(),
        context.reason());
  }
}
