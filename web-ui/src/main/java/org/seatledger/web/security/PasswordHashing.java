package org.seatledger.web.security;

import java.util.Map;

/**
 * One definition of how passwords are hashed, used both by {@link UserStore}, which verifies them,
 * and by {@link UserAccounts}, which stores new ones.
 *
 * <p>PBKDF2 with HMAC-SHA-512 and 210,000 iterations, as OWASP recommends for PBKDF2-SHA512. The
 * stored hash carries its algorithm, iterations and salt, so raising the cost later keeps old
 * passwords verifiable.
 */
final class PasswordHashing {
  static final String ALGORITHM = "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA512";
  static final String ITERATIONS = "Pbkdf2PasswordHash.Iterations=210000";
  static final String SALT_BYTES = "Pbkdf2PasswordHash.SaltSizeBytes=32";
  static final String KEY_BYTES = "Pbkdf2PasswordHash.KeySizeBytes=64";

  private PasswordHashing() {}

  /** The parameters for {@code Pbkdf2PasswordHash.initialize}. */
  static Map<String, String> parameters() {
    return Map.ofEntries(entry(ALGORITHM), entry(ITERATIONS), entry(SALT_BYTES), entry(KEY_BYTES));
  }

  private static Map.Entry<String, String> entry(String assignment) {
    int equals = assignment.indexOf('=');
    return Map.entry(assignment.substring(0, equals), assignment.substring(equals + 1));
  }
}
