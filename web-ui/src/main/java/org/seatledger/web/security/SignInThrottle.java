package org.seatledger.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed sign-ins back off, per account and per address: the first {@value #FREE_FAILURES} failures
 * cost nothing, each one after that doubles the pause before the next try is even checked (1 s, 2
 * s, 4 s, …). An address is paused for at most {@link #ADDRESS_CAP}; an account for at most {@link
 * #ACCOUNT_CAP}, so that somebody guessing a user's password from elsewhere can hold that user up
 * by seconds, never lock them out. Failures are forgotten {@link #FORGET_AFTER} after the last one,
 * and a successful sign-in forgets those of its account and its address.
 *
 * <p>Checked before the password is: a paused guesser costs no PBKDF2 and takes no place in the
 * queue of password checks. Memory is bounded: the least recently touched entries go first.
 */
final class SignInThrottle {

  static final int FREE_FAILURES = 5;
  static final Duration ACCOUNT_CAP = Duration.ofSeconds(30);
  static final Duration ADDRESS_CAP = Duration.ofMinutes(15);
  static final Duration FORGET_AFTER = Duration.ofMinutes(15);
  private static final int MAX_ENTRIES = 100_000;

  /** A try that must wait: how long, and whether its account or its address is paused. */
  record Pause(Duration left, boolean account) {
    long retryAfterSeconds() {
      return Math.max(1, (left.toMillis() + 999) / 1000);
    }
  }

  /** What a failure led to: the new pause of the account or address, if it just grew. */
  record Failure(int accountFailures, int addressFailures, Pause started) {}

  private record State(int failures, Instant last, Instant pausedUntil) {}

  private final Clock clock;
  private final Map<String, State> states =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  /**
   * The pause this try must wait out first, or null when it may be checked now. A null {@code
   * address} (here and below) counts the account alone.
   */
  synchronized Pause pause(String username, String address) {
    Instant now = clock.instant();
    Duration account = left(accountKey(username), now);
    Duration byAddress = address == null ? Duration.ZERO : left(addressKey(address), now);
    if (account.isZero() && byAddress.isZero()) {
      return null;
    }
    return account.compareTo(byAddress) >= 0
        ? new Pause(account, true)
        : new Pause(byAddress, false);
  }

  /** Records a wrong password (or an unknown user) tried from {@code address}. */
  synchronized Failure failed(String username, String address) {
    Instant now = clock.instant();
    State account = fail(accountKey(username), now, ACCOUNT_CAP);
    State byAddress =
        address == null ? new State(0, now, now) : fail(addressKey(address), now, ADDRESS_CAP);
    Pause started = null;
    if (account.pausedUntil().isAfter(now)) {
      started = new Pause(Duration.between(now, account.pausedUntil()), true);
    }
    if (byAddress.pausedUntil().isAfter(now)
        && (started == null || byAddress.pausedUntil().isAfter(account.pausedUntil()))) {
      started = new Pause(Duration.between(now, byAddress.pausedUntil()), false);
    }
    return new Failure(account.failures(), byAddress.failures(), started);
  }

  /** A right password: the account's and the address's failures are forgotten. */
  synchronized void succeeded(String username, String address) {
    states.remove(accountKey(username));
    if (address != null) {
      states.remove(addressKey(address));
    }
  }

  private Duration left(String key, Instant now) {
    State state = states.get(key);
    if (state == null || !state.pausedUntil().isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(now, state.pausedUntil());
  }

  private State fail(String key, Instant now, Duration cap) {
    State before = states.get(key);
    int failures =
        before == null || Duration.between(before.last(), now).compareTo(FORGET_AFTER) > 0
            ? 1
            : before.failures() + 1;
    Instant pausedUntil = now;
    if (failures > FREE_FAILURES) {
      int doublings = Math.min(failures - FREE_FAILURES - 1, 20);
      Duration pause = Duration.ofSeconds(1L << doublings);
      pausedUntil = now.plus(pause.compareTo(cap) > 0 ? cap : pause);
    }
    State after = new State(failures, now, pausedUntil);
    states.put(key, after);
    return after;
  }

  private static String accountKey(String username) {
    return "user:" + username;
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
