package org.seatledger.booking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Function;
import org.seatledger.booking.api.CommandRefused;

/**
 * Given events, when a decision, then events or a refusal: aggregate tests without a container. The
 * history is folded by the aggregate's own {@link Fold}, as the event store folds it.
 *
 * @param <A> the aggregate's state
 * @param <E> the aggregate's events
 */
final class Given<A, E> {
  private final A aggregate;

  private Given(A aggregate) {
    this.aggregate = aggregate;
  }

  @SafeVarargs
  static <A, E> Given<A, E> given(Fold<A, E> fold, E... history) {
    A aggregate = fold.initial();
    for (E event : history) {
      aggregate = fold.apply(aggregate, event);
    }
    return new Given<>(aggregate);
  }

  /** The decision yields exactly {@code expected} (nothing, when none are given). */
  @SafeVarargs
  final void then(Function<A, List<E>> decision, E... expected) {
    assertEquals(List.of(expected), decision.apply(aggregate));
  }

  /** The decision is refused with {@code kind} and exactly {@code sentence}. */
  void refused(Function<A, ?> decision, CommandRefused.Kind kind, String sentence) {
    CommandRefused refused = assertThrows(CommandRefused.class, () -> decision.apply(aggregate));
    assertEquals(sentence, refused.getMessage());
    assertEquals(kind, refused.kind());
  }

  A state() {
    return aggregate;
  }
}
