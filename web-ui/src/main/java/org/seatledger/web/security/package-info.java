/**
 * Who may do what: users and roles in the database, the one authentication mechanism for the
 * sign-in form and HTTP Basic, password hashing, the credential cache, the sign-in throttle and the
 * transport policy.
 *
 * <p>Passwords never leave {@link org.seatledger.web.security.UserAccounts} and {@link
 * org.seatledger.web.security.UserStore}, not even hashed.
 */
package org.seatledger.web.security;
