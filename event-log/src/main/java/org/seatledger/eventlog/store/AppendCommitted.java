package org.seatledger.eventlog.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.seatledger.eventlog.api.LogAdvanced;

/**
 * The bridge from an append's transaction to the projectors: only after the commit succeeded
 * ({@code AFTER_SUCCESS}) is the asynchronous wake-up fired, so no projector is ever woken for
 * events that were rolled back.
 */
@ApplicationScoped
public class AppendCommitted {

  /** Fired inside the append's transaction. */
  public record Appended(long lastPosition) {}

  @Inject Event<LogAdvanced> advanced;

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Appended appended) {
    advanced.fireAsync(new LogAdvanced(appended.lastPosition()));
  }
}
