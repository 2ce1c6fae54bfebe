package org.seatledger.eventlog.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Predicate;

/** Runs work on a connection in a transaction of its own. */
public interface Transactions {

  /** Work on the transaction's connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} in a new transaction and commits it when {@code commit} accepts the result,
   * rolls it back otherwise. A failure rolls back and is thrown as an {@link
   * IllegalStateException}.
   */
  <T> T run(Work<T> work, Predicate<? super T> commit);

  /** Runs a step that says whether it did its job; commits only when it did. */
  default boolean run(Work<Boolean> step) {
    return run(step, Boolean::booleanValue);
  }
}
