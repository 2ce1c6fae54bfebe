package org.seatledger.booking.application;

import java.util.Objects;
import java.util.function.Supplier;
import org.seatledger.eventlog.api.ConcurrencyConflict;

/**
 * How often a batch is decided again, and on what: a pure rule over what each attempt came to, with
 * no store behind it.
 *
 * <p>Only two things are retried, both caused by another server appending to the conference's
 * streams meanwhile and both leaving nothing stored and nobody answered: a {@link Conflict} (the
 * append's version guard refused it) and {@link Stale} answers (a refusal or "nothing to do"
 * decided on a cached state that has moved on). Anything else ends the batch: every command of it
 * was answered ({@link Settled}), or a failure that deciding again would not cure — the database is
 * down, the master key does not match — was reported to the commands it failed ({@link Failed}).
 * After {@code attempts} attempts that all had to be retried, the batch gives up.
 */
record RetryLoop(int attempts) {

  /** Attempts per batch on this server. */
  static final int ATTEMPTS = 5;

  RetryLoop {
    if (attempts < 1) {
      throw new IllegalArgumentException("a batch has at least one attempt");
    }
  }

  /** What one attempt of a batch came to. */
  sealed interface Attempt {
    /** True when the batch is decided again after this attempt (if attempts are left). */
    boolean retried();
  }

  /** Every command of the batch was answered: appended, refused, unchanged or repeated. */
  record Settled() implements Attempt {
    @Override
    public boolean retried() {
      return false;
    }
  }

  /** Another writer appended first; nothing was stored and nobody answered. */
  record Conflict(ConcurrencyConflict cause) implements Attempt {
    @Override
    public boolean retried() {
      return true;
    }
  }

  /** Answers without an append rested on an outdated cached state; nobody was answered. */
  record Stale() implements Attempt {
    @Override
    public boolean retried() {
      return true;
    }
  }

  /** The append failed otherwise; the commands it carried were told so. */
  record Failed(RuntimeException cause) implements Attempt {
    public Failed {
      Objects.requireNonNull(cause, "cause");
    }

    @Override
    public boolean retried() {
      return false;
    }
  }

  /**
   * How a batch ended.
   *
   * @param attempts how many attempts were made
   * @param last what the last one came to
   */
  record Ending(int attempts, Attempt last) {
    /** True when every attempt had to be retried and none was left: the batch was not done. */
    boolean gaveUp() {
      return last.retried();
    }
  }

  /** Makes attempts until one is not {@link Attempt#retried}, or none is left. */
  Ending run(Supplier<Attempt> attempt) {
    for (int made = 1; ; made++) {
      Attempt last = Objects.requireNonNull(attempt.get(), "an attempt comes to something");
      if (!last.retried() || made == attempts) {
        return new Ending(made, last);
      }
    }
  }
}
