package org.seatledger.booking.domain;

import java.util.Objects;
import java.util.function.BiFunction;

/**
 * How one aggregate's state is rebuilt from its stream: the state before any event, and the
 * aggregate's own {@code evolve}, typed by its sealed event interface. The event store, the
 * snapshots and the auditors' entity views all fold through this one definition.
 *
 * @param eventType the aggregate's sealed event interface
 * @param initial the state of a stream without events
 * @param evolve the aggregate's evolve: a new state, the given one unchanged
 * @param <S> the state, immutable
 * @param <E> the aggregate's events
 */
public record Fold<S, E>(Class<E> eventType, S initial, BiFunction<S, E, S> evolve) {

  public Fold {
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(evolve, "evolve");
  }

  /**
   * The state after {@code event}. An event that is not one of this aggregate's leaves the state as
   * it is: evolving never throws, since it replays whatever history holds.
   */
  public S apply(S state, Object event) {
    return eventType.isInstance(event) ? evolve.apply(state, eventType.cast(event)) : state;
  }
}
