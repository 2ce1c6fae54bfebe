package org.seatledger.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plain HTTP stays on for local use and for proxies that terminate TLS; with {@code
 * SEATLEDGER_REQUIRE_HTTPS=true} every plain-HTTP request is redirected to HTTPS before anything
 * else happens, credentials included.
 */
@ApplicationScoped
public class TransportPolicy {

  @Inject
  @ConfigProperty(name = "seatledger.require-https", defaultValue = "false")
  boolean requireHttps;

  @Inject
  @ConfigProperty(name = "seatledger.https-port", defaultValue = "9443")
  int httpsPort;

  /** True when this request must be sent to HTTPS instead. */
  boolean mustRedirect(HttpServletRequest request) {
    return requireHttps
        && !request.isSecure()
        && !"https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
  }

  /** The same URL on the HTTPS port. */
  String httpsUrl(HttpServletRequest request) {
    String query = request.getQueryString();
    String port = httpsPort == 443 ? "" : ":" + httpsPort;
    return "https://"
        + request.getServerName()
        + port
        + request.getRequestURI()
        + (query == null ? "" : "?" + query);
  }
}
