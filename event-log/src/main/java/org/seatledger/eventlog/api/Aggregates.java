package org.seatledger.eventlog.api;

/** Gives a module repositories for its kinds of aggregate, with the admin's snapshot settings. */
public interface Aggregates {

  /** A repository for one kind of aggregate; keep it for the application's life (it caches). */
  <S> AggregateRepository<S> repository(EventSourced<S> kind);
}
