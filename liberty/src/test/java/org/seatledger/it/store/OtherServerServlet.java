package org.seatledger.it.store;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/**
 * Plays another server behind the load balancer walking the whole log, at the pace a test chooses:
 * it writes what that server's verification writes — its progress in {@code
 * audit_verification_runs}, then its kept result — so a browser test can watch the integrity page
 * follow a long verification without a log long enough to take seconds. {@code POST
 * run?id=&total=}, {@code POST progress?id=&checked=}, {@code POST finish?id=&checked=}. Deployed
 * only in a test's own archive, beside the application.
 */
@WebServlet("/other-server/*")
public class OtherServerServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Resource(lookup = "jdbc/seatledger-migrations")
  DataSource owner;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String id = request.getParameter("id");
    long now = micros(Instant.now());
    try (Connection c = owner.getConnection()) {
      switch (String.valueOf(request.getPathInfo())) {
        case "/run" -> {
          // a server that stopped mid-walk left its last progress this long ago
          String ago = request.getParameter("updatedSecondsAgo");
          long updated = ago == null ? now : now - Long.parseLong(ago) * 1_000_000;
          update(
              c,
              "INSERT INTO audit_verification_runs (id, scope, started_at, requested_by,"
                  + " checked_events, total_events, updated_at) VALUES (?, 'whole log', ?,"
                  + " 'other-server', 0, ?, ?)",
              id,
              updated,
              Long.parseLong(request.getParameter("total")),
              updated);
        }
        case "/progress" ->
            update(
                c,
                "UPDATE audit_verification_runs SET checked_events = ?, updated_at = ? WHERE id = ?",
                Long.parseLong(request.getParameter("checked")),
                now,
                id);
        case "/finish" -> {
          long checked = Long.parseLong(request.getParameter("checked"));
          update(
              c,
              "INSERT INTO audit_verifications (id, started_at, finished_at, scope, ok,"
                  + " checked_events, first_bad_position, detail, requested_by)"
                  + " VALUES (?, ?, ?, 'whole log', TRUE, ?, NULL, ?, 'other-server')",
              id,
              now,
              now,
              checked,
              "all " + checked + " events match their hashes");
          update(c, "DELETE FROM audit_verification_runs WHERE id = ?", id);
        }
        default -> {
          response.sendError(404);
          return;
        }
      }
      response.setStatus(204);
    } catch (SQLException | RuntimeException e) {
      response.sendError(500, e.toString());
    }
  }

  private static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  private static void update(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }
}
