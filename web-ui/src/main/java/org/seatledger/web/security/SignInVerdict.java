package org.seatledger.web.security;

import java.util.Set;

/**
 * What checking a user name and password found. Only {@link Valid} signs anybody in; {@link
 * Unavailable} and {@link Busy} say nothing about the credentials and must never be reported as
 * wrong ones.
 */
sealed interface SignInVerdict {

  /** The password is right; the groups are the user's roles as stored now. */
  record Valid(String username, Set<String> groups) implements SignInVerdict {
    public Valid {
      groups = Set.copyOf(groups);
    }
  }

  /** No such user, or not this password. */
  record Invalid() implements SignInVerdict {}

  /** The user store could not be read (the database is away); the credentials are unknown. */
  record Unavailable(Exception cause) implements SignInVerdict {}

  /** Too many password checks were waiting already; none was started for this one. */
  record Busy() implements SignInVerdict {}
}
