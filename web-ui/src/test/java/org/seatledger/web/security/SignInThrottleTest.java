package org.seatledger.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Failed sign-ins back off per account and per address; a real user is held up, never locked. */
class SignInThrottleTest {

  private final MovableClock clock = new MovableClock();
  private final SignInThrottle throttle = new SignInThrottle(clock);

  @Test
  void theFirstFailuresAreFreeThenEachPauseDoubles() {
    for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
      assertNull(throttle.pause("sam", "10.0.0.1"), "failure " + i + " is free");
      assertNull(throttle.failed("sam", "10.0.0.1").started());
    }
    SignInThrottle.Failure sixth = throttle.failed("sam", "10.0.0.1");
    assertEquals(Duration.ofSeconds(1), sixth.started().left());
    clock.move(Duration.ofSeconds(1));
    assertEquals(Duration.ofSeconds(2), throttle.failed("sam", "10.0.0.1").started().left());
    clock.move(Duration.ofSeconds(2));
    assertEquals(Duration.ofSeconds(4), throttle.failed("sam", "10.0.0.1").started().left());

    SignInThrottle.Pause pause = throttle.pause("sam", "10.0.0.1");
    assertNotNull(pause);
    assertEquals(4, pause.retryAfterSeconds());
    clock.move(Duration.ofSeconds(4));
    assertNull(throttle.pause("sam", "10.0.0.1"), "the pause is over");
  }

  @Test
  void withoutAnAddressOnlyTheAccountBacksOff() {
    for (int i = 0; i <= SignInThrottle.FREE_FAILURES; i++) {
      throttle.failed("sam", null);
    }
    SignInThrottle.Pause pause = throttle.pause("sam", null);
    assertTrue(pause.account(), "the account is paused: " + pause);
    assertEquals(1, pause.retryAfterSeconds());
    assertNull(throttle.pause("kim", null), "another account is not held up");
    throttle.succeeded("sam", null);
    assertNull(throttle.pause("sam", null), "a right password forgets the failures");
  }

  @Test
  void aGuesserElsewhereHoldsAUserUpForBoundedSecondsOnly() {
    for (int i = 0; i < 40; i++) {
      throttle.failed("sam", "203.0.113." + i); // a new address each time
      clock.move(Duration.ofMillis(10));
    }
    SignInThrottle.Pause pause = throttle.pause("sam", "10.0.0.1");
    assertTrue(pause.account(), "the account is paused, the user's own address is not");
    assertTrue(pause.left().compareTo(SignInThrottle.ACCOUNT_CAP) <= 0, pause.toString());
    clock.move(SignInThrottle.ACCOUNT_CAP);
    assertNull(throttle.pause("sam", "10.0.0.1"), "no longer than the account cap");
  }

  @Test
  void anAddressTryingManyAccountsIsPausedAsAnAddress() {
    for (int i = 0; i < 20; i++) {
      throttle.failed("user" + i, "198.51.100.7");
      clock.move(Duration.ofMillis(10));
    }
    SignInThrottle.Pause pause = throttle.pause("someone-else", "198.51.100.7");
    assertNotNull(pause);
    assertTrue(!pause.account(), "paused by its address");
    assertTrue(pause.left().compareTo(SignInThrottle.ACCOUNT_CAP) > 0, "longer than an account");
    assertTrue(pause.left().compareTo(SignInThrottle.ADDRESS_CAP) <= 0);
    assertNull(throttle.pause("someone-else", "10.0.0.1"), "other addresses are not held up");
  }

  @Test
  void aRightPasswordAndTimeForgetFailures() {
    for (int i = 0; i < 7; i++) {
      throttle.failed("sam", "10.0.0.1");
    }
    throttle.succeeded("sam", "10.0.0.1");
    assertNull(throttle.pause("sam", "10.0.0.1"));
    assertEquals(1, throttle.failed("sam", "10.0.0.1").accountFailures(), "counted afresh");

    for (int i = 0; i < 4; i++) {
      throttle.failed("kim", "10.0.0.2");
    }
    clock.move(SignInThrottle.FORGET_AFTER.plusSeconds(1));
    assertEquals(1, throttle.failed("kim", "10.0.0.2").accountFailures(), "forgotten in time");
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
