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
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.seatledger.web.rest.Problem;

/**
 * How a request proves who it is: pages sign in with a form (the session remembers the user), the
 * REST API under {@code /api} takes HTTP Basic credentials on every call.
 *
 * <p>Jakarta Security 3 allows one mechanism per application, so this one serves both: a credential
 * handed over by the sign-in page, an {@code Authorization: Basic} header, or, for a protected
 * resource without either, a 401 problem (API) or a redirect to the sign-in page (pages). Both
 * paths verify against the same database identity store.
 *
 * <p>A successful sign-in is remembered in the HTTP session (under a new session id), and later
 * requests of that session are signed in from it without a password check. This replaces
 * {@code @AutoApplySession}, which Open Liberty implements with its single sign-on (LTPA) cookie
 * and re-issues — a new RSA-signed token — on every request: about a quarter of the CPU of a
 * booking. Single sign-on is therefore off ({@code webAppSecurity singleSignonEnabled="false"}).
 */
@ApplicationScoped
public class SeatLedgerAuthentication implements HttpAuthenticationMechanism {

  static final String LOGIN_PAGE = "/login";
  private static final String REALM = "Basic realm=\"Seat Ledger\", charset=\"UTF-8\"";

  /**
   * Checking a password costs about a tenth of a CPU-second on purpose (PBKDF2, 210,000 rounds).
   * Run them all at once and a burst of sign-ins — 64 API clients starting together — takes every
   * core and every pooled connection (the identity store holds one while it checks) for many
   * seconds, and everything else times out. So at most one check per core runs; the others wait
   * their turn, holding nothing.
   */
  private static final Semaphore PASSWORD_CHECKS =
      new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

  private static final long CHECK_WAIT_SECONDS = 30;

  /** The session attribute that holds who signed in on it. */
  static final String SIGNED_IN = SeatLedgerAuthentication.class.getName() + ".signedIn";

  /**
   * Who signed in on an HTTP session, as the identity store answered then. The store's id travels
   * with it, so a request signed in from the session carries the identity (realm and name) of the
   * sign-in itself.
   */
  record SignedIn(
      String identityStoreId, String name, String dn, String uniqueId, Set<String> groups)
      implements Serializable {

    static SignedIn of(CredentialValidationResult valid) {
      return new SignedIn(
          valid.getIdentityStoreId(),
          valid.getCallerPrincipal().getName(),
          valid.getCallerDn(),
          valid.getCallerUniqueId(),
          Set.copyOf(valid.getCallerGroups()));
    }

    CredentialValidationResult asResult() {
      return new CredentialValidationResult(
          identityStoreId, new CallerPrincipal(name), dn, uniqueId, groups);
    }
  }

  @Inject IdentityStoreHandler identityStores;
  @Inject TransportPolicy transport;

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
      CredentialValidationResult result = validate(fromSignInPage);
      return result == null ? busy(response) : signIn(request, context, result);
    }
    String authorization = request.getHeader("Authorization");
    SignedIn signedIn = signedIn(request);
    if (signedIn != null && sameUser(authorization, signedIn)) {
      // the session is the credential: an API client that keeps its cookie and resends its
      // Basic header is not made to pay for a password check on every call
      return context.notifyContainerAboutLogin(signedIn.asResult());
    }
    if (authorization != null) {
      Optional<UsernamePasswordCredential> basic = basicCredential(authorization);
      if (basic.isEmpty()) {
        return unauthorized(response, "The Authorization header must hold HTTP Basic credentials.");
      }
      CredentialValidationResult result = validate(basic.get());
      if (result == null) {
        return busy(response);
      }
      if (result.getStatus() != CredentialValidationResult.Status.VALID) {
        return unauthorized(response, "Wrong username or password.");
      }
      return signIn(request, context, result);
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    if (isApi(request)) {
      return unauthorized(response, "Sign in with HTTP Basic credentials to use the API.");
    }
    return context.redirect(signInUrl(request));
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
   * Signs the caller in for this request and, when the credentials were right, for the rest of the
   * HTTP session. A session that existed before the sign-in gets a new id first, so an id planted
   * by someone else (session fixation) never becomes a signed-in one. The session belongs to
   * whoever signed in on it last, so Liberty's own session ownership check is off ({@code
   * httpSession securityIntegrationEnabled="false"}): it would refuse a second sign-in on the same
   * browser.
   */
  private static AuthenticationStatus signIn(
      HttpServletRequest request, HttpMessageContext context, CredentialValidationResult result) {
    if (result.getStatus() == CredentialValidationResult.Status.VALID) {
      if (request.getSession(false) != null) {
        request.changeSessionId();
      }
      request.getSession(true).setAttribute(SIGNED_IN, SignedIn.of(result));
    }
    return context.notifyContainerAboutLogin(result);
  }

  /** The identity store's verdict, or null when no check could start in time (overload). */
  private CredentialValidationResult validate(Credential credential) {
    try {
      if (!PASSWORD_CHECKS.tryAcquire(CHECK_WAIT_SECONDS, TimeUnit.SECONDS)) {
        return null;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    try {
      return identityStores.validate(credential);
    } finally {
      PASSWORD_CHECKS.release();
    }
  }

  private static AuthenticationStatus busy(HttpServletResponse response) {
    try {
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setHeader("Retry-After", "5");
      response.setContentType(Problem.MEDIA_TYPE);
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              Problem.of(
                      Status.SERVICE_UNAVAILABLE,
                      "Too many sign-ins at once; try again in a few seconds.")
                  .toJson());
    } catch (IOException clientGone) {
      // Nothing to tell a client that has gone away.
    }
    return AuthenticationStatus.SEND_FAILURE;
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
