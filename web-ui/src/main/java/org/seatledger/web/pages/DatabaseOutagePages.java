package org.seatledger.web.pages;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.seatledger.web.infrastructure.DatabaseOutage;

/**
 * A page that failed because the database could not be used is answered 503 with {@code
 * Retry-After}, and the error page says the site is temporarily unavailable — not "something went
 * wrong", which would send the person looking for a mistake of their own. The error page needs no
 * database. The API answers such failures itself (problem documents).
 */
@WebFilter(urlPatterns = "/*")
public class DatabaseOutagePages extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (response.isCommitted() || !DatabaseOutage.causedBy(e)) {
        throw e;
      }
      DatabaseOutage.noticed(e);
      response.setHeader("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS);
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
  }
}
