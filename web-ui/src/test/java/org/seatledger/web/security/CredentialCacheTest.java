package org.seatledger.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {

  private static final String HASH = "PBKDF2WithHmacSHA512:210000:salt:hash";

  private final TestClock clock = new TestClock();
  private final CredentialCache cache = new CredentialCache(Duration.ofMinutes(5), 100, clock);

  @Test
  void aRememberedPasswordIsFoundWhileTheStoredHashIsUnchanged() {
    cache.remember("ann", "right-password".toCharArray(), HASH);
    assertTrue(cache.verified("ann", "right-password".toCharArray(), HASH));
    assertTrue(cache.verified("ann", "right-password".toCharArray(), HASH), "and again");
  }

  @Test
  void aWrongPasswordNeverFindsTheEntryOfTheRightOne() {
    cache.remember("ann", "right-password".toCharArray(), HASH);
    assertFalse(cache.verified("ann", "wrong-password".toCharArray(), HASH));
    assertFalse(cache.verified("ann", "right-passwor".toCharArray(), HASH));
    assertFalse(cache.verified("bob", "right-password".toCharArray(), HASH), "another user");
    assertFalse(cache.verified("annr", "ight-password".toCharArray(), HASH), "shifted boundary");
    assertTrue(cache.verified("ann", "right-password".toCharArray(), HASH), "still there");
  }

  @Test
  void aChangedPasswordHashDropsTheEntryForGood() {
    cache.remember("ann", "right-password".toCharArray(), HASH);
    assertFalse(cache.verified("ann", "right-password".toCharArray(), HASH + "-changed"));
    assertFalse(
        cache.verified("ann", "right-password".toCharArray(), HASH),
        "dropped, even if the old hash came back");
    assertEquals(0, cache.size());
  }

  @Test
  void anEntryExpiresAfterItsTimeToLive() {
    cache.remember("ann", "right-password".toCharArray(), HASH);
    clock.advance(Duration.ofMinutes(5).minusSeconds(1));
    assertTrue(cache.verified("ann", "right-password".toCharArray(), HASH));
    clock.advance(Duration.ofSeconds(1));
    assertFalse(cache.verified("ann", "right-password".toCharArray(), HASH));
    assertEquals(0, cache.size());
  }

  @Test
  void aTimeToLiveOfZeroRemembersNothing() {
    CredentialCache off = new CredentialCache(Duration.ZERO, 100, clock);
    off.remember("ann", "right-password".toCharArray(), HASH);
    assertFalse(off.enabled());
    assertFalse(off.verified("ann", "right-password".toCharArray(), HASH));
    assertEquals(0, off.size());
  }

  @Test
  void theLeastRecentlyUsedEntryGivesWayWhenFull() {
    CredentialCache small = new CredentialCache(Duration.ofMinutes(5), 2, clock);
    small.remember("ann", "password-a".toCharArray(), HASH);
    small.remember("bob", "password-b".toCharArray(), HASH);
    assertTrue(small.verified("ann", "password-a".toCharArray(), HASH)); // ann used last
    small.remember("cid", "password-c".toCharArray(), HASH);
    assertEquals(2, small.size());
    assertFalse(small.verified("bob", "password-b".toCharArray(), HASH));
    assertTrue(small.verified("ann", "password-a".toCharArray(), HASH));
    assertTrue(small.verified("cid", "password-c".toCharArray(), HASH));
  }

  private static final class TestClock extends Clock {
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
