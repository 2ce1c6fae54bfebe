package org.seatledger.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a user name and password against {@code app_users} and {@code app_user_roles}.
 *
 * <p>Every check reads the user's row — stored password hash and roles — in one query, so a changed
 * password, a changed role or a deleted user takes effect at once, on every server. Only the PBKDF2
 * work is skipped when the same password was verified against the same stored hash a short while
 * ago ({@link CredentialCache}, {@code SEATLEDGER_CREDENTIAL_CACHE_SECONDS}). No connection is held
 * while a password is hashed.
 *
 * <p>A database that cannot be read gives {@link SignInVerdict.Unavailable}, never "wrong
 * password".
 */
@ApplicationScoped
public class UserStore {

  /** Users whose right password the cache holds at most: beyond it the least recently used go. */
  static final int CACHE_CAPACITY = 10_000;

  /**
   * Checking a password costs about a tenth of a CPU-second on purpose (PBKDF2, 210,000 rounds).
   * Run them all at once and a burst of sign-ins — 64 API clients starting together — takes every
   * core for many seconds, and everything else times out. So at most one check per core runs; the
   * others wait their turn, holding nothing.
   */
  private static final Semaphore PASSWORD_CHECKS =
      new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

  private static final long CHECK_WAIT_SECONDS = 30;

  /**
   * Not shareable: Liberty keeps a shareable connection with the request (its local transaction)
   * even after close, so every request waiting for a password check would hold a pooled connection
   * meanwhile — a burst of 64 sign-ins emptied the pool. This one goes back at close.
   */
  @Resource(lookup = "jdbc/seatledger", shareable = false)
  DataSource dataSource;

  @Inject Pbkdf2PasswordHash hash;

  @Inject
  @ConfigProperty(name = "seatledger.credential-cache-seconds", defaultValue = "300")
  long cacheSeconds;

  private CredentialCache cache;

  /** Compared with when the user does not exist, so that an unknown name costs as much time. */
  private String decoyHash;

  @PostConstruct
  void initialize() {
    hash.initialize(PasswordHashing.parameters());
    cache =
        new CredentialCache(
            Duration.ofSeconds(Math.max(0, cacheSeconds)), CACHE_CAPACITY, Clock.systemUTC());
    decoyHash = hash.generate("not-a-password-of-anybody".toCharArray());
  }

  SignInVerdict check(String username, char[] password) {
    StoredUser user;
    try {
      user = read(username);
    } catch (SQLException e) {
      return new SignInVerdict.Unavailable(e);
    }
    if (user != null && cache.verified(username, password, user.passwordHash())) {
      return new SignInVerdict.Valid(username, user.roles());
    }
    try {
      if (!PASSWORD_CHECKS.tryAcquire(CHECK_WAIT_SECONDS, TimeUnit.SECONDS)) {
        return new SignInVerdict.Busy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new SignInVerdict.Busy();
    }
    boolean matches;
    try {
      matches = hash.verify(password, user == null ? decoyHash : user.passwordHash());
    } finally {
      PASSWORD_CHECKS.release();
    }
    if (user == null || !matches) {
      return new SignInVerdict.Invalid();
    }
    cache.remember(username, password, user.passwordHash());
    return new SignInVerdict.Valid(username, user.roles());
  }

  private record StoredUser(String passwordHash, Set<String> roles) {}

  /** The user's stored hash and roles, or null when there is no such user. */
  private StoredUser read(String username) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT u.password_hash, r.role_name FROM app_users u"
                    + " LEFT JOIN app_user_roles r ON r.username = u.username"
                    + " WHERE u.username = ?")) {
      query.setString(1, username);
      try (ResultSet rows = query.executeQuery()) {
        String passwordHash = null;
        Set<String> roles = new HashSet<>();
        while (rows.next()) {
          passwordHash = rows.getString(1);
          String role = rows.getString(2);
          if (role != null) {
            roles.add(role);
          }
        }
        return passwordHash == null ? null : new StoredUser(passwordHash, Set.copyOf(roles));
      }
    }
  }
}
