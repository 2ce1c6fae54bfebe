package org.seatledger.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.seatledger.web.infrastructure.DatabaseOutage;
import org.seatledger.web.rest.Problem;

/**
 * How a request proves who it is: pages sign in with a form (the session remembers the user), the
 * REST API under {@code /api} takes HTTP Basic credentials on every call.
 *
 * <p>Jakarta Security 3 allows one mechanism per application, so this one serves both: a credential
 * handed over by the sign-in page, an {@code Authorization: Basic} header, or, for a protected
 * resource without either, a 401 problem (API) or a redirect to the sign-in page (pages). Both
 * paths check the password with {@link UserStore}. When the user store cannot be read, nobody is
 * told their password is wrong: the API answers 503 with {@code Retry-After}, the sign-in page says
 * the database cannot be reached.
 *
 * <p>A successful sign-in is remembered in the HTTP session (under a new session id), and later
 * requests of that session are signed in from it without a password check. This replaces
 * {@code @AutoApplySession}, which Open Liberty implements with its single sign-on (LTPA) cookie
 * and re-issues — a new RSA-signed token — on every request: about a quarter of the CPU of a
 * booking. Single sign-on is therefore off ({@code webAppSecurity singleSignonEnabled="false"}).
 *
 * <p>Longer than most classes here on purpose: Jakarta Security gives an application exactly one
 * mechanism, so the form and Basic paths, their outage and throttling answers and the session
 * shortcut meet in this one {@code validateRequest}; each path is a short private method.
 */
@ApplicationScoped
public class SeatLedgerAuthentication implements HttpAuthenticationMechanism {

  static final String LOGIN_PAGE = "/login";
  private static final String REALM = "Basic realm=\"Seat Ledger\", charset=\"UTF-8\"";

  /** The session attribute that holds who signed in on it. */
  static final String SIGNED_IN = SeatLedgerAuthentication.class.getName() + ".signedIn";

  /**
   * The request attribute that tells the sign-in page why a sign-in was neither accepted nor
   * refused (a sentence), when the password could not be checked at all.
   */
  public static final String NOT_CHECKED = SeatLedgerAuthentication.class.getName() + ".notChecked";

  /**
   * The request attribute set when the signed-in user must change their password (after a reset)
   * before anything else; {@code pages.PasswordChangeDue} sends them to {@code /account}.
   */
  public static final String PASSWORD_CHANGE_DUE =
      SeatLedgerAuthentication.class.getName() + ".passwordChangeDue";

  static final String STORE_ID = "seatledger";

  static final String TOO_MANY = "Too many sign-ins at once; try again in a few seconds.";

  /**
   * Who signed in on an HTTP session, as the user store answered then. The store's id travels with
   * it, so a request signed in from the session carries the identity (realm and name) of the
   * sign-in itself.
   */
  record SignedIn(
      String identityStoreId, String name, String dn, String uniqueId, Set<String> groups)
      implements Serializable {

    SignedIn withGroups(Set<String> current) {
      return new SignedIn(identityStoreId, name, dn, uniqueId, Set.copyOf(current));
    }

    static SignedIn of(SignInVerdict.Valid valid) {
      return new SignedIn(STORE_ID, valid.username(), null, valid.username(), valid.groups());
    }

    CredentialValidationResult asResult() {
      return new CredentialValidationResult(
          identityStoreId, new CallerPrincipal(name), dn, uniqueId, groups);
    }
  }

  /** A password that was not checked: the status, when to try again, and why, for a person. */
  public record NotChecked(int status, long retryAfterSeconds, String sentence) {}

  private static final Logger LOG = Logger.getLogger(SeatLedgerAuthentication.class.getName());

  private static final Metadata FAILURES =
      Metadata.builder()
          .withName("seatledger_signin_failures")
          .withDescription("Sign-ins refused for a wrong password or an unknown user")
          .build();
  private static final Metadata THROTTLED =
      Metadata.builder()
          .withName("seatledger_signin_throttled")
          .withDescription("Sign-ins not checked because their account or address must pause")
          .build();

  private final SignInThrottle throttle = new SignInThrottle(Clock.systemUTC());

  @Inject UserStore users;
  @Inject TransportPolicy transport;
  @Inject MetricRegistry metrics;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (transport.mustRedirect(request)) {
      response.setStatus(308); // permanent, and keeps the method and body
      response.setHeader("Location", transport.httpsUrl(request));
      return AuthenticationStatus.SEND_CONTINUE;
    }
    Credential fromSignInPage = context.getAuthParameters().getCredential();
    if (fromSignInPage != null) {
      SignInVerdict verdict = check(fromSignInPage, request.getRemoteAddr());
      if (verdict instanceof SignInVerdict.Valid valid) {
        return signIn(request, context, valid);
      }
      if (verdict instanceof SignInVerdict.Invalid) {
        return context.notifyContainerAboutLogin(CredentialValidationResult.INVALID_RESULT);
      }
      // neither right nor wrong: the page says why, and nobody is signed in
      request.setAttribute(NOT_CHECKED, whyNotChecked(verdict, DatabaseOutage.PAGE_SENTENCE));
      return AuthenticationStatus.SEND_FAILURE;
    }
    String authorization = request.getHeader("Authorization");
    if (authorization == null && isApi(request) && changesState(request)) {
      // a cookie is sent by the browser on its own, also for a form on another site: an API call
      // that changes something must prove itself with a header nobody else can make it send
      return unauthorized(
          response,
          "A call that changes something needs an Authorization header (HTTP Basic);"
              + " a session cookie alone is not enough.");
    }
    SignedIn signedIn = signedIn(request);
    if (signedIn != null && sameUser(authorization, signedIn)) {
      // the session is the credential: an API client that keeps its cookie and resends its
      // Basic header is not made to pay for a password check on every call
      Optional<SignedIn> current = stillSignedIn(request, signedIn);
      if (current.isPresent()) {
        return context.notifyContainerAboutLogin(current.get().asResult());
      }
      signedIn = null; // disabled or deleted: the session is over, go on as without one
    }
    if (authorization != null) {
      Optional<UsernamePasswordCredential> basic = basicCredential(authorization);
      if (basic.isEmpty()) {
        return unauthorized(response, "The Authorization header must hold HTTP Basic credentials.");
      }
      SignInVerdict verdict = check(basic.get(), request.getRemoteAddr());
      if (verdict instanceof SignInVerdict.Valid valid) {
        return signIn(request, context, valid);
      }
      if (verdict instanceof SignInVerdict.Invalid) {
        return unauthorized(response, "Wrong username or password.");
      }
      return notChecked(response, whyNotChecked(verdict, DatabaseOutage.SENTENCE));
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    if (isApi(request)) {
      return unauthorized(response, "Sign in with HTTP Basic credentials to use the API.");
    }
    return context.redirect(signInUrl(request));
  }

  /**
   * The session's user as the user table holds them now: their current roles, a password change due
   * after a reset; empty — and the session ended — when they were disabled or deleted. While the
   * database cannot be read the session counts as it is: nobody can disable anyone meanwhile.
   */
  private Optional<SignedIn> stillSignedIn(HttpServletRequest request, SignedIn signedIn) {
    Optional<UserStore.Standing> standing;
    try {
      standing = users.standing(signedIn.name());
    } catch (SQLException e) {
      DatabaseOutage.noticed(e);
      return Optional.of(signedIn);
    }
    if (standing.isEmpty()) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      return Optional.empty();
    }
    if (standing.get().passwordChangeDue()) {
      request.setAttribute(PASSWORD_CHANGE_DUE, Boolean.TRUE);
    }
    return Optional.of(signedIn.withGroups(standing.get().roles()));
  }

  private static SignedIn signedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && session.getAttribute(SIGNED_IN) instanceof SignedIn who ? who : null;
  }

  /** No Authorization header, or Basic credentials naming the user the session belongs to. */
  private static boolean sameUser(String authorization, SignedIn signedIn) {
    return authorization == null
        || basicCredential(authorization)
            .map(basic -> basic.getCaller().equals(signedIn.name()))
            .orElse(false);
  }

  /**
   * Signs the caller in for this request and for the rest of the HTTP session. A session that
   * existed before the sign-in gets a new id first, so an id planted by someone else (session
   * fixation) never becomes a signed-in one. The session belongs to whoever signed in on it last,
   * so Liberty's own session ownership check is off ({@code httpSession
   * securityIntegrationEnabled="false"}): it would refuse a second sign-in on the same browser.
   */
  private static AuthenticationStatus signIn(
      HttpServletRequest request, HttpMessageContext context, SignInVerdict.Valid valid) {
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    SignedIn signedIn = SignedIn.of(valid);
    request.getSession(true).setAttribute(SIGNED_IN, signedIn);
    if (valid.passwordChangeDue()) {
      request.setAttribute(PASSWORD_CHANGE_DUE, Boolean.TRUE);
    }
    return context.notifyContainerAboutLogin(signedIn.asResult());
  }

  /**
   * Checks a password unless its account or address must pause first (see {@link SignInThrottle});
   * a failure and a success are counted for both.
   */
  private SignInVerdict check(Credential credential, String address) {
    if (!(credential instanceof UsernamePasswordCredential password)) {
      return new SignInVerdict.Invalid();
    }
    String username = password.getCaller();
    SignInThrottle.Pause pause = throttle.pause(username, address);
    if (pause != null) {
      metrics.counter(THROTTLED).inc();
      return new SignInVerdict.Throttled(pause.retryAfterSeconds());
    }
    SignInVerdict verdict = users.check(username, password.getPassword().getValue());
    if (verdict instanceof SignInVerdict.Valid) {
      throttle.succeeded(username, address);
    } else if (verdict instanceof SignInVerdict.Invalid) {
      metrics.counter(FAILURES).inc();
      SignInThrottle.Failure failure = throttle.failed(username, address);
      if (failure.started() != null) {
        LOG.warning(
            "Sign-ins "
                + (failure.started().account()
                    ? "for account '" + username + "'"
                    : "from address " + address)
                + " pause for "
                + failure.started().retryAfterSeconds()
                + " s: "
                + failure.accountFailures()
                + " failed for the account, "
                + failure.addressFailures()
                + " from "
                + address
                + ".");
      }
    } else if (verdict instanceof SignInVerdict.Unavailable unavailable) {
      DatabaseOutage.noticed(unavailable.cause());
    }
    return verdict;
  }

  /** Why a password was not checked, as a person is told, with the status and when to retry. */
  private static NotChecked whyNotChecked(SignInVerdict verdict, String databaseAway) {
    if (verdict instanceof SignInVerdict.Throttled throttled) {
      return new NotChecked(
          429,
          throttled.retryAfterSeconds(),
          "Too many failed sign-ins; try again in " + throttled.retryAfterSeconds() + " seconds.");
    }
    if (verdict instanceof SignInVerdict.Busy) {
      return new NotChecked(503, 5, TOO_MANY);
    }
    return new NotChecked(503, Long.parseLong(DatabaseOutage.RETRY_AFTER_SECONDS), databaseAway);
  }

  /** The credentials were not checked, so they are neither right nor wrong: status and sentence. */
  private static AuthenticationStatus notChecked(HttpServletResponse response, NotChecked why) {
    try {
      response.setStatus(why.status());
      response.setHeader("Retry-After", String.valueOf(why.retryAfterSeconds()));
      response.setContentType(Problem.MEDIA_TYPE);
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(Problem.of(Status.fromStatusCode(why.status()), why.sentence()).toJson());
    } catch (IOException clientGone) {
      // Nothing to tell a client that has gone away.
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  /** Anything but a read: GET, HEAD and OPTIONS change nothing in this API. */
  static boolean changesState(HttpServletRequest request) {
    String method = request.getMethod();
    return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
  }

  static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/api") || path.startsWith("/api/");
  }

  private static String signInUrl(HttpServletRequest request) {
    String target = request.getRequestURI().substring(request.getContextPath().length());
    if (request.getQueryString() != null) {
      target += "?" + request.getQueryString();
    }
    String login = request.getContextPath() + LOGIN_PAGE;
    return target.equals("/") || target.isEmpty()
        ? login
        : login + "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
  }

  /** Parses {@code Basic base64(user:password)}; empty when the header is anything else. */
  static Optional<UsernamePasswordCredential> basicCredential(String header) {
    if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
  }

  private static AuthenticationStatus unauthorized(HttpServletResponse response, String detail) {
    try {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", REALM);
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setContentType(Problem.MEDIA_TYPE);
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(Problem.of(Status.UNAUTHORIZED, detail).toJson());
    } catch (IOException clientGone) {
      // Nothing to tell a client that has gone away.
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
