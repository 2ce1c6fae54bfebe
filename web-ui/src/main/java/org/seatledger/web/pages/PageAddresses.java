package org.seatledger.web.pages;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page addresses with an id inside the path ({@code /conferences/{id}/dashboard}) are served by
 * one view each: this filter forwards such a request to its view with the id as the request
 * parameter {@code id}, which the view takes as a view parameter. Addresses without an id ({@code
 * /conferences}, {@code /conferences/new}, {@code /bookings}, {@code /holds}, {@code
 * /audit/search}, {@code /audit/integrity}) are views of their own, found by Faces' extensionless
 * mapping.
 *
 * <p>The views behind the routes are not addresses of their own: asking for one directly ({@code
 * /conferences/dashboard.xhtml}) is answered 404, so every page has exactly one address. Their
 * forms post back to the address the page was opened at ({@link RoutedForms}).
 */
@WebFilter(urlPatterns = {"/conferences/*", "/bookings/*", "/audit/*"})
public class PageAddresses extends HttpFilter {

  /** One address pattern and the view that serves it. */
  record Route(Pattern address, String view) {}

  private static final String ID = "([A-Za-z0-9][A-Za-z0-9_-]{0,99})";

  static final List<Route> ROUTES =
      List.of(
          new Route(Pattern.compile("/conferences/(?!new$)" + ID), "/conferences/conference.xhtml"),
          new Route(
              Pattern.compile("/conferences/" + ID + "/dashboard"), "/conferences/dashboard.xhtml"),
          new Route(Pattern.compile("/conferences/" + ID + "/book"), "/conferences/book.xhtml"),
          new Route(Pattern.compile("/bookings/" + ID), "/bookings/booking.xhtml"),
          new Route(Pattern.compile("/audit/streams/" + ID), "/audit/stream.xhtml"),
          new Route(Pattern.compile("/audit/correlations/" + ID), "/audit/correlation.xhtml"));

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getDispatcherType() != DispatcherType.REQUEST) {
      chain.doFilter(request, response);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (isRoutedView(path)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Optional<String> target = target(path);
    if (target.isPresent()) {
      request.getRequestDispatcher(target.get()).forward(request, response);
    } else {
      chain.doFilter(request, response);
    }
  }

  /** The view and query that serve {@code path}, if it is one of the routed addresses. */
  static Optional<String> target(String path) {
    for (Route route : ROUTES) {
      Matcher matcher = route.address().matcher(path);
      if (matcher.matches()) {
        return Optional.of(
            route.view() + "?id=" + URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  static boolean isRoutedView(String path) {
    return ROUTES.stream().anyMatch(route -> path.equals(route.view()));
  }
}
