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
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.seatledger.web.infrastructure.DatabaseSettings;

/**
 * Checks a user name and password against {@code app_users} and {@code app_user_roles}.
 *
 * <p>Every check reads the user's row — stored password hash and roles — in one query, so a changed
 * password, a changed role or a deleted user takes effect at once, on every server. Only the PBKDF2
 * work is skipped when the same password was verified against the same stored hash a short while
 * ago ({@link CredentialCache}, {@code SEATLEDGER_CREDENTIAL_CACHE_SECONDS}). No connection is held
 * while a password is hashed.
 *
 * <p>A disabled user is refused like a wrong password (nobody learns the account exists). {@link
 * #standing} answers, for each request of a signed-in session, whether the user may still be signed
 * in and with which roles: disabling a user ends their sessions at their next request.
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

  private static final Duration SIGN_IN_NOTED_EVERY = Duration.ofMinutes(1);

  private static final Logger LOG = Logger.getLogger(UserStore.class.getName());

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
    if (user != null && !user.enabled()) {
      user = null; // checked against the decoy all the same: a disabled account takes as long
    }
    if (user != null && cache.verified(username, password, user.passwordHash())) {
      return valid(username, user);
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
    return valid(username, user);
  }

  /**
   * Whether a user signed in on a session may go on: their roles as stored now and whether they
   * must change their password first; empty when the user is disabled or gone.
   */
  Optional<Standing> standing(String username) throws SQLException {
    StoredUser user = read(username);
    return user == null || !user.enabled()
        ? Optional.empty()
        : Optional.of(new Standing(user.roles(), user.mustChangePassword()));
  }

  /** A signed-in user's roles as stored now, and whether a password change is due. */
  record Standing(Set<String> roles, boolean passwordChangeDue) {}

  private SignInVerdict.Valid valid(String username, StoredUser user) {
    noteSignIn(username, user.lastSignInAt());
    return new SignInVerdict.Valid(username, user.roles(), user.mustChangePassword());
  }

  /**
   * Keeps the time of the last sign-in for the users page, to the minute: an API client signing in
   * with every call writes the row at most once a minute. Not knowing it is no reason to refuse.
   */
  private void noteSignIn(String username, Instant last) {
    Instant now = Instant.now();
    if (last != null && last.isAfter(now.minus(SIGN_IN_NOTED_EVERY))) {
      return;
    }
    try (Connection connection = connection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE app_users SET last_sign_in_at = ? WHERE username = ?")) {
      update.setTimestamp(1, Timestamp.from(now.truncatedTo(ChronoUnit.MICROS)));
      update.setString(2, username);
      update.executeUpdate();
    } catch (SQLException e) {
      LOG.fine(() -> "the last sign-in of " + username + " was not noted: " + e);
    }
  }

  private Connection connection() throws SQLException {
    if (dataSource == null) {
      // Liberty could not create the data source (an empty SEATLEDGER_DB_URL): no sign-in can be
      // checked, which is answered as a database that is away is answered
      throw DatabaseSettings.notInjected("jdbc/seatledger");
    }
    return dataSource.getConnection();
  }

  private record StoredUser(
      String passwordHash,
      Set<String> roles,
      boolean enabled,
      boolean mustChangePassword,
      Instant lastSignInAt) {}

  /** The user's stored hash and roles, or null when there is no such user. */
  private StoredUser read(String username) throws SQLException {
    try (Connection connection = connection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT u.password_hash, u.enabled, u.must_change_password, u.last_sign_in_at,"
                    + " r.role_name FROM app_users u"
                    + " LEFT JOIN app_user_roles r ON r.username = u.username"
                    + " WHERE u.username = ?")) {
      query.setString(1, username);
      try (ResultSet rows = query.executeQuery()) {
        String passwordHash = null;
        boolean enabled = false;
        boolean mustChange = false;
        Timestamp last = null;
        Set<String> roles = new HashSet<>();
        while (rows.next()) {
          passwordHash = rows.getString(1);
          enabled = rows.getBoolean(2);
          mustChange = rows.getBoolean(3);
          last = rows.getTimestamp(4);
          String role = rows.getString(5);
          if (role != null) {
            roles.add(role);
          }
        }
        return passwordHash == null
            ? null
            : new StoredUser(
                passwordHash,
                Set.copyOf(roles),
                enabled,
                mustChange,
                last == null ? null : last.toInstant());
      }
    }
  }
}
