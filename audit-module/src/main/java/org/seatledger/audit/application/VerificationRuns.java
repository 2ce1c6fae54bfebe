package org.seatledger.audit.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.seatledger.audit.api.AuditQueries.VerificationRun;
import org.seatledger.eventlog.api.projection.Sql;

/**
 * How far running verifications have come, in {@code audit_verification_runs}: in the database
 * rather than in one server's memory, so a page served by any server behind the load balancer can
 * show it. A run's row goes once its result is kept in {@code audit_verifications}. Each write
 * commits on its own: the walk it reports on runs in one long transaction, and progress that
 * committed only with it would show nothing until the end.
 */
@ApplicationScoped
public class VerificationRuns {

  private static final Logger LOG = Logger.getLogger(VerificationRuns.class.getName());

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  @Transactional(TxType.REQUIRES_NEW)
  public void start(VerificationRun run) {
    write(
        "INSERT INTO audit_verification_runs (id, scope, started_at, requested_by, checked_events,"
            + " total_events, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        run.id(),
        run.scope(),
        Sql.micros(run.startedAt()),
        run.requestedBy(),
        0L,
        run.totalEvents(),
        Sql.micros(run.startedAt()));
  }

  /** Records the events checked so far; a failure only leaves the progress shown behind. */
  @Transactional(TxType.REQUIRES_NEW)
  public void progress(String id, long checked) {
    try {
      write(
          "UPDATE audit_verification_runs SET checked_events = ?, updated_at = ? WHERE id = ?",
          checked,
          Sql.micros(Instant.now()),
          id);
    } catch (IllegalStateException e) {
      LOG.log(Level.FINE, "progress of verification " + id + " not recorded", e);
    }
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void end(String id) {
    write("DELETE FROM audit_verification_runs WHERE id = ?", id);
  }

  public Optional<VerificationRun> find(String id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            Sql.prepare(
                c,
                "SELECT id, scope, started_at, requested_by, checked_events, total_events,"
                    + " updated_at FROM audit_verification_runs WHERE id = ?",
                List.of(id));
        ResultSet row = q.executeQuery()) {
      if (!row.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new VerificationRun(
              row.getString(1),
              row.getString(2),
              Sql.instant(row.getLong(3)),
              row.getString(4),
              row.getLong(5),
              row.getLong(6),
              Sql.instant(row.getLong(7)),
              null));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the verification's progress", e);
    }
  }

  private void write(String sql, Object... parameters) {
    try (Connection c = dataSource.getConnection()) {
      Sql.update(c, sql, parameters);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record the verification's progress", e);
    }
  }
}
