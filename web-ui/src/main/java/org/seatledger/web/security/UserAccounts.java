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
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The users who may sign in, and their roles. Passwords are hashed on the way in and never leave
 * this class again, not even hashed.
 */
@ApplicationScoped
public class UserAccounts {

  /** Lower-case letters, digits, dot, dash and underscore; 3 to 64 characters. */
  public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  @Inject Pbkdf2PasswordHash hash;

  @Inject UserLog log;

  /**
   * A user as others may see it: no password, no hash.
   *
   * @param enabled false when the user may not sign in
   * @param resetPending true after an admin reset the password, until the user chose their own
   *     (named so that no field of an account in the API even looks like a password)
   * @param lastSignInAt when the user last signed in (to the minute), or null for never
   */
  public record Account(
      String username,
      List<String> roles,
      Instant createdAt,
      String createdBy,
      boolean enabled,
      boolean resetPending,
      Instant lastSignInAt) {}

  /** The username is already taken. */
  public static final class UsernameTaken extends Exception {
    public UsernameTaken(String username) {
      super("A user named '" + username + "' already exists.");
    }
  }

  @PostConstruct
  void configureHash() {
    hash.initialize(PasswordHashing.parameters());
  }

  /**
   * Creates a user. The caller has validated the input (see {@link PasswordPolicy} and {@link
   * #USERNAME}); a name that exists already fails with {@link UsernameTaken}, also when two servers
   * create it at the same moment. The event {@link UserEvent.UserCreated} commits with the row.
   */
  @Transactional(rollbackOn = UsernameTaken.class)
  public Account create(String username, char[] password, Set<String> roles, String createdBy)
      throws UsernameTaken {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String hashed = hash.generate(password);
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO app_users (username, password_hash, created_at, created_by)"
                  + " VALUES (?, ?, ?, ?)")) {
        insert.setString(1, username);
        insert.setString(2, hashed);
        insert.setTimestamp(3, Timestamp.from(now));
        insert.setString(4, createdBy);
        insert.executeUpdate();
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO app_user_roles (username, role_name) VALUES (?, ?)")) {
        for (String role : new TreeSet<>(roles)) {
          insert.setString(1, username);
          insert.setString(2, role);
          insert.addBatch();
        }
        insert.executeBatch();
      }
    } catch (SQLIntegrityConstraintViolationException duplicate) {
      throw new UsernameTaken(username);
    } catch (SQLException e) {
      throw new IllegalStateException("could not store user " + username, e);
    }
    List<String> sorted = List.copyOf(new TreeSet<>(roles));
    log.record(createdBy, new UserEvent.UserCreated(username, sorted));
    return new Account(username, sorted, now, createdBy, true, false, null);
  }

  /** All users with their roles, by name. */
  public List<Account> list() {
    List<Account> accounts = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT u.username, u.created_at, u.created_by, u.enabled,"
                    + " u.must_change_password, u.last_sign_in_at, r.role_name"
                    + " FROM app_users u LEFT JOIN app_user_roles r ON r.username = u.username"
                    + " ORDER BY u.username, r.role_name");
        ResultSet rows = query.executeQuery()) {
      Account current = null;
      while (rows.next()) {
        String username = rows.getString(1);
        if (current == null || !current.username().equals(username)) {
          Timestamp lastSignIn = rows.getTimestamp(6);
          current =
              new Account(
                  username,
                  new ArrayList<>(),
                  rows.getTimestamp(2).toInstant(),
                  rows.getString(3),
                  rows.getBoolean(4),
                  rows.getBoolean(5),
                  lastSignIn == null ? null : lastSignIn.toInstant());
          accounts.add(current);
        }
        String role = rows.getString(7);
        if (role != null) {
          current.roles().add(role);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not list users", e);
    }
    return accounts.stream()
        .map(
            a ->
                new Account(
                    a.username(),
                    List.copyOf(a.roles()),
                    a.createdAt(),
                    a.createdBy(),
                    a.enabled(),
                    a.resetPending(),
                    a.lastSignInAt()))
        .toList();
  }

  /** One user, or empty when there is no such user. */
  public Optional<Account> find(String username) {
    return list().stream().filter(a -> a.username().equals(username)).findFirst();
  }

  /** True when no user exists yet (a new installation). */
  public boolean none() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM app_users");
        ResultSet rows = query.executeQuery()) {
      rows.next();
      return rows.getLong(1) == 0;
    } catch (SQLException e) {
      throw new IllegalStateException("could not count users", e);
    }
  }
}
