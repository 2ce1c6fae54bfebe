package org.seatledger.web.security;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;

/**
 * The rules of changing accounts, apart from the SQL that carries them out: which roles a user may
 * be given, what an admin may not do to their own account (lock every admin out by accident), what
 * a new password must be, and how a one-time password is made.
 */
public final class AccountRules {

  /** No 0/O, 1/l/I: a one-time password is read aloud or typed from a screen. */
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  static final int ONE_TIME_LENGTH = 16;

  private AccountRules() {}

  /** The roles, sorted, when they may be given; otherwise why not. */
  public static List<String> roles(String actor, String target, Collection<String> requested)
      throws AccountRefused {
    TreeSet<String> roles = new TreeSet<>(requested == null ? List.of() : requested);
    if (roles.isEmpty()) {
      throw AccountRefused.invalid("roles", "Give the user at least one role.");
    }
    if (!Roles.ALL.containsAll(roles)) {
      throw AccountRefused.invalid(
          "roles", "Give the user one or more of the roles staff, auditor and admin.");
    }
    if (actor.equals(target) && !roles.contains(Roles.ADMIN)) {
      throw AccountRefused.invalid(
          "roles", "You cannot take the admin role from yourself; another admin has to.");
    }
    return List.copyOf(roles);
  }

  /** An admin never disables their own account: nobody might be left to enable it again. */
  public static void mayDisable(String actor, String target) throws AccountRefused {
    if (actor.equals(target)) {
      throw AccountRefused.invalid(null, "You cannot disable your own account.");
    }
  }

  /** The password policy, as a refusal next to {@code field}. */
  public static void password(String username, String password, String field)
      throws AccountRefused {
    Optional<String> weakness = PasswordPolicy.weakness(username, password);
    if (weakness.isPresent()) {
      throw AccountRefused.invalid(field, weakness.get());
    }
  }

  /** A password for one sign-in, made so that the policy accepts it. */
  public static String oneTimePassword(String username) {
    return oneTimePassword(username, new SecureRandom());
  }

  static String oneTimePassword(String username, Random random) {
    while (true) {
      StringBuilder password = new StringBuilder(ONE_TIME_LENGTH);
      for (int i = 0; i < ONE_TIME_LENGTH; i++) {
        password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      if (PasswordPolicy.weakness(username, password.toString()).isEmpty()) {
        return password.toString();
      }
    }
  }
}
