package org.seatledger.bench.app;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The CRUD rival's authentication, paying what the product's API pays for it: the users are the
 * product's own ({@code app_users}, {@code app_user_roles}); a call that changes something must
 * carry HTTP Basic credentials; the first call of a session checks the password (PBKDF2 with the
 * product's parameters, remembered per user and stored hash as the product's credential cache
 * does), and every later call of the session is signed in from the session after reading the user's
 * row again (disabled or deleted users are out at their next call) — one query per call, as in the
 * product.
 */
@ApplicationScoped
public class RivalAuthentication implements HttpAuthenticationMechanism {

  private static final String SIGNED_IN = RivalAuthentication.class.getName() + ".signedIn";

  /** Who signed in on a session. */
  record SignedIn(String name) implements Serializable {}

  /** A user's row as stored now. */
  private record StoredUser(String passwordHash, Set<String> roles, boolean enabled) {}

  @Resource(lookup = "jdbc/seatledger", shareable = false)
  DataSource dataSource;

  @Inject Pbkdf2PasswordHash hash;

  /** user and stored hash → the password that verified against it (the credential cache). */
  private final Map<String, String> verified = new ConcurrentHashMap<>();

  @PostConstruct
  void initialize() {
    hash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64"));
  }

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (!context.isProtected()) {
      return context.doNothing();
    }
    String authorization = request.getHeader("Authorization");
    if (authorization == null && !"GET".equals(request.getMethod())) {
      return unauthorized(response, "A call that changes something needs HTTP Basic.");
    }
    try {
      HttpSession session = request.getSession(false);
      String[] basic = basic(authorization);
      if (session != null
          && session.getAttribute(SIGNED_IN) instanceof SignedIn who
          && (basic == null || basic[0].equals(who.name()))) {
        StoredUser user = read(who.name());
        if (user != null && user.enabled()) {
          return signedIn(context, who.name(), user);
        }
        session.invalidate();
      }
      if (basic == null) {
        return unauthorized(response, "Sign in with HTTP Basic credentials.");
      }
      StoredUser user = read(basic[0]);
      if (user == null || !user.enabled() || !passwordMatches(basic, user)) {
        return unauthorized(response, "Wrong username or password.");
      }
      if (request.getSession(false) != null) {
        request.changeSessionId();
      }
      request.getSession(true).setAttribute(SIGNED_IN, new SignedIn(basic[0]));
      return signedIn(context, basic[0], user);
    } catch (SQLException e) {
      response.setStatus(503);
      return AuthenticationStatus.SEND_FAILURE;
    }
  }

  private boolean passwordMatches(String[] basic, StoredUser user) {
    String key = basic[0] + '\n' + user.passwordHash();
    if (basic[1].equals(verified.get(key))) {
      return true;
    }
    boolean matches = hash.verify(basic[1].toCharArray(), user.passwordHash());
    if (matches) {
      verified.put(key, basic[1]);
    }
    return matches;
  }

  private static AuthenticationStatus signedIn(
      HttpMessageContext context, String name, StoredUser user) {
    return context.notifyContainerAboutLogin(
        new CredentialValidationResult(
            "seatledger", new CallerPrincipal(name), null, name, user.roles()));
  }

  private static String[] basic(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    int colon = decoded.indexOf(':');
    return colon <= 0
        ? null
        : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }

  /** The product's query of a user's hash and roles. */
  private StoredUser read(String username) throws SQLException {
    try (Connection connection = dataSource.getConnection();
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
        Set<String> roles = new HashSet<>();
        while (rows.next()) {
          passwordHash = rows.getString(1);
          enabled = rows.getBoolean(2);
          if (rows.getString(5) != null) {
            roles.add(rows.getString(5));
          }
        }
        return passwordHash == null
            ? null
            : new StoredUser(passwordHash, Set.copyOf(roles), enabled);
      }
    }
  }

  private static AuthenticationStatus unauthorized(HttpServletResponse response, String detail) {
    try {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Basic realm=\"CRUD rival\"");
      response.setContentType("application/problem+json");
      response.getWriter().write("{\"status\":401,\"detail\":\"" + detail + "\"}");
    } catch (IOException clientGone) {
      // nothing to tell a client that has gone away
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
