package org.seatledger.web.pages;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.util.Set;
import org.seatledger.web.rest.Problem;
import org.seatledger.web.security.SeatLedgerAuthentication;

/**
 * After an admin reset their password, a user does nothing before choosing their own: every page
 * leads to {@code /account}, every API call but {@code GET /api/me} and {@code POST
 * /api/me/password} is refused with a sentence saying so. The authentication mechanism marks such a
 * request ({@link SeatLedgerAuthentication#PASSWORD_CHANGE_DUE}).
 */
@WebFilter(urlPatterns = "/*")
public class PasswordChangeDue extends HttpFilter {

  static final String ACCOUNT = "/account";

  /** What a user with a password change due may still reach: the account page and what it needs. */
  private static final Set<String> OPEN =
      Set.of(ACCOUNT, "/account.xhtml", "/login", "/login.xhtml", "/error.xhtml", "/favicon.ico");

  static final String API_SENTENCE =
      "Your password was reset by an admin: choose your own first (POST /api/me/password).";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getAttribute(SeatLedgerAuthentication.PASSWORD_CHANGE_DUE) == null
        || mayPass(request)) {
      chain.doFilter(request, response);
      return;
    }
    String path = path(request);
    if (path.equals("/api") || path.startsWith("/api/")) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType(Problem.MEDIA_TYPE);
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(Problem.of(Status.FORBIDDEN, API_SENTENCE).toJson());
      return;
    }
    response.sendRedirect(request.getContextPath() + ACCOUNT);
  }

  static boolean mayPass(HttpServletRequest request) {
    String path = path(request);
    return OPEN.contains(path)
        || path.startsWith("/jakarta.faces.resource/")
        || path.equals("/api/me/password")
        || (path.equals("/api/me") && request.getMethod().equals("GET"));
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
