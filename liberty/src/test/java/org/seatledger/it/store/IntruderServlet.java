package org.seatledger.it.store;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Lets a browser test (which runs outside the server and cannot reach the embedded database) play
 * the intruder of {@link Intruder}: {@code POST rewrite?position=&recordedBy=} changes who recorded
 * an event and re-computes its stream's chain, {@code POST restore} puts it back. Deployed only in
 * a test's own archive, beside the application.
 */
@WebServlet("/intruder/*")
public class IntruderServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** An account that may change the table, as an intruder with database access would. */
  @Resource(lookup = "jdbc/seatledger-migrations")
  DataSource owner;

  private static Intruder last;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      synchronized (IntruderServlet.class) {
        if ("/rewrite".equals(request.getPathInfo())) {
          last =
              Intruder.rewrite(
                  owner,
                  Long.parseLong(request.getParameter("position")),
                  "recorded_by",
                  request.getParameter("recordedBy"));
        } else if ("/restore".equals(request.getPathInfo()) && last != null) {
          last.restore();
          last = null;
        } else {
          response.sendError(404);
          return;
        }
      }
      response.setStatus(204);
    } catch (SQLException | RuntimeException e) {
      response.sendError(500, e.toString());
    }
  }
}
