package org.seatledger.booking.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seatledger.booking.api.CommandResult;
import org.seatledger.booking.application.ConferenceWriter.Pending;

/**
 * A command sent twice at once (a double-clicked form, a client retrying before the first answer)
 * can land twice in one batch of its conference's writer. The store only knows commands already
 * carried out, so the second would be decided against the first's pending events and refused ("the
 * slug is taken", "the booking exists already") although it is the same command. Here the second
 * waits for the first instead and gets its outcome as a repeat.
 */
final class SameBatchRepeats {
  private SameBatchRepeats() {}

  /**
   * The commands of {@code batch} to decide: the first sending of each command id. Every later
   * sending is answered when the first is: with its result marked repeated, or its refusal.
   */
  static List<Pending> firsts(List<Pending> batch) {
    Map<String, Pending> first = new HashMap<>();
    List<Pending> firsts = new ArrayList<>(batch.size());
    for (Pending pending : batch) {
      Pending earlier = first.putIfAbsent(pending.context().commandId(), pending);
      if (earlier == null) {
        firsts.add(pending);
      } else {
        answerAs(earlier, pending);
      }
    }
    return firsts;
  }

  private static void answerAs(Pending first, Pending repeat) {
    first
        .result()
        .whenComplete(
            (result, failure) -> {
              if (failure != null) {
                repeat.result().completeExceptionally(failure);
              } else {
                repeat
                    .result()
                    .complete(new CommandResult(result.position(), true, result.outcome()));
              }
            });
  }
}
