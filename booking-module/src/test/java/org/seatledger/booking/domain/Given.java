package org.seatledger.booking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.seatledger.booking.api.CommandRefused;

/**
 * Given events, when a decision, then events or a refusal: aggregate tests without a container.
 *
 * @param <A> the aggregate
 */
final class Given<A> {
  private final A aggregate;

  private Given(A aggregate) {
    this.aggregate = aggregate;
  }

  @SafeVarargs
  static <A> Given<A> given(
      Supplier<A> initial, BiFunction<A, Object, A> evolve, Object... history) {
    A aggregate = initial.get();
    for (Object event : history) {
      aggregate = evolve.apply(aggregate, event);
    }
    return new Given<>(aggregate);
  }

  void then(Function<A, List<Object>> decision, Object... expected) {
    assertEquals(List.of(expected), decision.apply(aggregate));
  }

  void refused(Function<A, List<Object>> decision, CommandRefused.Kind kind, String sentencePart) {
    CommandRefused refused = assertThrows(CommandRefused.class, () -> decision.apply(aggregate));
    assertEquals(kind, refused.kind());
    assertTrue(refused.getMessage().contains(sentencePart), refused.getMessage());
  }

  A state() {
    return aggregate;
  }
}
