package org.seatledger.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * What an admin changes about an existing user — roles, enabled, a password reset — and what every
 * user changes about themselves: their password. Each change and its {@link UserEvent} commit in
 * one transaction; a refusal ({@link AccountRefused}) stores nothing. The row is locked (SELECT …
 * FOR UPDATE) first, so two admins changing the same user one after the other each see the other's
 * result, and the event's "before" is true.
 *
 * <p>A change takes effect on the user's next request on every server: {@link UserStore} reads the
 * row on every sign-in and every request of a session.
 */
@ApplicationScoped
public class AccountChanges {

  private static final Logger LOG = Logger.getLogger(AccountChanges.class.getName());

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  @Inject Pbkdf2PasswordHash hash;
  @Inject UserLog log;

  /**
   * Wrong current passwords on a password change back off as failed sign-ins do, per account: a
   * stolen session must not become an unthrottled way to guess the password and take the account
   * over. Not per address: the caller is signed in to this one account, and an address pause would
   * only hold up everybody behind the same proxy. Kept apart from the sign-in throttle so neither
   * spends the other's free tries.
   */
  private final SignInThrottle currentPasswords = new SignInThrottle(Clock.systemUTC());

  @PostConstruct
  void configureHash() {
    hash.initialize(PasswordHashing.parameters());
  }

  /** The row as this class needs it. */
  private record Locked(String passwordHash, boolean enabled, List<String> roles) {}

  /** Gives {@code username} exactly these roles; nothing happens when they are the same. */
  @Transactional(rollbackOn = AccountRefused.class)
  public void changeRoles(String actor, String username, Collection<String> requested)
      throws AccountRefused {
    List<String> roles = AccountRules.roles(actor, username, requested);
    Locked user = lock(username);
    if (user.roles().equals(roles)) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      update(c, "DELETE FROM app_user_roles WHERE username = ?", username);
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO app_user_roles (username, role_name) VALUES (?, ?)")) {
        for (String role : roles) {
          insert.setString(1, username);
          insert.setString(2, role);
          insert.addBatch();
        }
        insert.executeBatch();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not change the roles of " + username, e);
    }
    log.record(actor, new UserEvent.UserRolesChanged(username, user.roles(), roles));
  }

  /**
   * Lets {@code username} sign in, or not. A disabled user's sessions end at once: their next
   * request finds the row disabled. Nothing happens when it is so already.
   */
  @Transactional(rollbackOn = AccountRefused.class)
  public void setEnabled(String actor, String username, boolean enabled) throws AccountRefused {
    if (!enabled) {
      AccountRules.mayDisable(actor, username);
    }
    Locked user = lock(username);
    if (user.enabled() == enabled) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement set =
          c.prepareStatement("UPDATE app_users SET enabled = ? WHERE username = ?")) {
        set.setBoolean(1, enabled);
        set.setString(2, username);
        set.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not change whether " + username + " may sign in", e);
    }
    log.record(
        actor,
        enabled ? new UserEvent.UserEnabled(username) : new UserEvent.UserDisabled(username));
  }

  /**
   * Gives {@code username} a new one-time password, returned to be shown once; they must change it
   * at their next sign-in. Their current password stops working at once.
   */
  @Transactional(rollbackOn = AccountRefused.class)
  public String resetPassword(String actor, String username) throws AccountRefused {
    lock(username);
    String oneTime = AccountRules.oneTimePassword(username);
    storePassword(username, oneTime, true);
    log.record(actor, new UserEvent.PasswordReset(username));
    return oneTime;
  }

  /**
   * Changes the user's own password, given the current one; clears a due change after a reset.
   * Wrong current passwords back off like failed sign-ins (see {@link SignInThrottle}): a paused
   * try is refused before the password is checked.
   *
   * @throws AccountRefused on field {@code current} for a wrong current password or a try that must
   *     wait ({@link AccountRefused.Kind#THROTTLED}), on {@code password} when the policy refuses
   *     the new one or it is the current one again
   */
  @Transactional(rollbackOn = AccountRefused.class)
  public void changeOwnPassword(String username, String current, String chosen)
      throws AccountRefused {
    SignInThrottle.Pause pause = currentPasswords.pause(username, null);
    if (pause != null) {
      throw AccountRefused.throttled("current", pause.retryAfterSeconds());
    }
    Locked user = lock(username);
    if (current == null || !hash.verify(current.toCharArray(), user.passwordHash())) {
      SignInThrottle.Failure failure = currentPasswords.failed(username, null);
      if (failure.started() != null) {
        LOG.warning(
            "Password changes of '"
                + username
                + "' pause for "
                + failure.started().retryAfterSeconds()
                + " s after "
                + failure.accountFailures()
                + " wrong current passwords.");
      }
      throw AccountRefused.invalid("current", "This is not your current password.");
    }
    currentPasswords.succeeded(username, null);
    AccountRules.password(username, chosen, "password");
    if (chosen.equals(current)) {
      throw AccountRefused.invalid("password", "Choose a password other than the current one.");
    }
    storePassword(username, chosen, false);
    log.record(username, new UserEvent.PasswordChanged(username));
  }

  private void storePassword(String username, String password, boolean mustChange) {
    String hashed = hash.generate(password.toCharArray());
    try (Connection c = dataSource.getConnection();
        PreparedStatement set =
            c.prepareStatement(
                "UPDATE app_users SET password_hash = ?, must_change_password = ?"
                    + " WHERE username = ?")) {
      set.setString(1, hashed);
      set.setBoolean(2, mustChange);
      set.setString(3, username);
      set.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not store the password of " + username, e);
    }
  }

  /** Locks the user's row for this transaction and reads it; refuses an unknown user. */
  private Locked lock(String username) throws AccountRefused {
    try (Connection c = dataSource.getConnection()) {
      String passwordHash;
      boolean enabled;
      try (PreparedStatement query =
          c.prepareStatement(
              "SELECT password_hash, enabled FROM app_users WHERE username = ? FOR UPDATE")) {
        query.setString(1, username);
        try (ResultSet row = query.executeQuery()) {
          if (!row.next()) {
            throw AccountRefused.noSuchUser(username);
          }
          passwordHash = row.getString(1);
          enabled = row.getBoolean(2);
        }
      }
      List<String> roles = new ArrayList<>();
      try (PreparedStatement query =
          c.prepareStatement(
              "SELECT role_name FROM app_user_roles WHERE username = ? ORDER BY role_name")) {
        query.setString(1, username);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            roles.add(rows.getString(1));
          }
        }
      }
      return new Locked(passwordHash, enabled, List.copyOf(roles));
    } catch (SQLException e) {
      throw new IllegalStateException("could not read user " + username, e);
    }
  }

  private static void update(Connection c, String sql, String username) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setString(1, username);
      statement.executeUpdate();
    }
  }
}
