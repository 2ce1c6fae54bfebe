package org.seatledger.web.security;

import java.util.Set;

/**
 * What checking a user name and password found. Only {@link Valid} signs anybody in; {@link
 * Unavailable}, {@link Busy} and {@link Throttled} say nothing about the credentials and must never
 * be reported as wrong ones.
 */
sealed interface SignInVerdict {

  /**
   * The password is right; the groups are the user's roles as stored now. A password set by an
   * admin must be changed before anything else ({@code passwordChangeDue}).
   */
  record Valid(String username, Set<String> groups, boolean passwordChangeDue)
      implements SignInVerdict {
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

  /** Too many failed sign-ins for this account or from this address: not checked, try later. */
  record Throttled(long retryAfterSeconds) implements SignInVerdict {}
}
