package org.seatledger.web.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be: long rather than complicated (NIST SP 800-63B). At least 12 characters,
 * not one character repeated, not the username, not one of the passwords every attacker tries
 * first.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 128;

  private static final Set<String> COMMON =
      Set.of(
          "password1234",
          "passwordpassword",
          "123456789012",
          "qwertyuiopas",
          "administrator",
          "letmeinletmein",
          "changemechangeme",
          "seatledger123",
          "welcome12345");

  private PasswordPolicy() {}

  /** Why this password is refused, or empty when it is acceptable. */
  public static Optional<String> weakness(String username, String password) {
    if (password == null || password.isEmpty()) {
      return Optional.of("A password is required.");
    }
    if (password.length() < MIN_LENGTH) {
      return Optional.of("The password must have at least " + MIN_LENGTH + " characters.");
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of("The password must have at most " + MAX_LENGTH + " characters.");
    }
    if (password.chars().distinct().count() < 4) {
      return Optional.of("The password must not repeat the same few characters.");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (username != null
        && !username.isBlank()
        && lower.contains(username.toLowerCase(Locale.ROOT))) {
      return Optional.of("The password must not contain the username.");
    }
    if (COMMON.contains(lower)) {
      return Optional.of("This password is too common; choose another.");
    }
    return Optional.empty();
  }
}
