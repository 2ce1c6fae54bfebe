package org.seatledger.web.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Passwords that were verified a short while ago, so that an API client sending the same HTTP Basic
 * credentials on every call pays for PBKDF2 once, not on every call.
 *
 * <p>An entry is found by an HMAC of user and password under a secret drawn at random when the
 * process starts: neither the password nor an offline-crackable hash of it is kept. A different
 * password gives a different key, so a wrong password never finds the entry of a right one. Each
 * entry remembers the stored password hash it was verified against, and counts only while the
 * user's row still holds that hash: a changed password (on any server) drops it at the next call,
 * and a deleted user has no row to compare with. Roles are not kept here at all.
 *
 * <p>Entries live for a fixed time from their verification; the cache holds at most {@code
 * capacity} entries, dropping the least recently used. A time-to-live of zero turns it off.
 */
final class CredentialCache {

  private record Entry(String username, String storedHash, Instant expires) {}

  private final Duration timeToLive;
  private final Clock clock;
  private final SecretKeySpec secret;
  private final Map<String, Entry> entries;

  CredentialCache(Duration timeToLive, int capacity, Clock clock) {
    if (timeToLive.isNegative()) {
      throw new IllegalArgumentException("the time to live must not be negative");
    }
    if (capacity <= 0) {
      throw new IllegalArgumentException("the capacity must be positive");
    }
    this.timeToLive = timeToLive;
    this.clock = clock;
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.secret = new SecretKeySpec(key, "HmacSHA256");
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > capacity;
          }
        };
  }

  boolean enabled() {
    return !timeToLive.isZero();
  }

  /**
   * True when this user's password was verified recently against the hash the user's row holds now.
   * An entry whose hash no longer matches, or whose time is up, is dropped.
   */
  boolean verified(String username, char[] password, String storedHash) {
    if (!enabled()) {
      return false;
    }
    String key = key(username, password);
    synchronized (entries) {
      Entry entry = entries.get(key);
      if (entry == null) {
        return false;
      }
      boolean current =
          entry.username().equals(username)
              && MessageDigest.isEqual(bytes(entry.storedHash()), bytes(storedHash))
              && clock.instant().isBefore(entry.expires());
      if (!current) {
        entries.remove(key);
      }
      return current;
    }
  }

  /** Remembers that this password matched this stored hash just now. */
  void remember(String username, char[] password, String storedHash) {
    if (!enabled()) {
      return;
    }
    Entry entry = new Entry(username, storedHash, clock.instant().plus(timeToLive));
    String key = key(username, password);
    synchronized (entries) {
      entries.put(key, entry);
    }
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  private String key(String username, char[] password) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] passwordBytes = new byte[encoded.remaining()];
    encoded.get(passwordBytes);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(secret);
      mac.update(username.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0); // a user name holds no NUL: "ab"+"c" and "a"+"bc" differ
      return Base64.getEncoder().encodeToString(mac.doFinal(passwordBytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    } finally {
      Arrays.fill(passwordBytes, (byte) 0);
      if (encoded.hasArray()) {
        Arrays.fill(encoded.array(), (byte) 0);
      }
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
