package org.seatledger.eventlog.projection;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Optional;
import org.seatledger.eventlog.api.projection.TargetUnavailable;

/**
 * Tells a database failure that passes — a deadlock, a lock wait that timed out, a connection lost
 * while the database restarts — from one the event causes. A batch that meets a passing failure is
 * not the event's fault: it is rolled back and tried again on the next pass, with the projection
 * shown as RETRYING, as when a relay's broker is away ({@link TargetUnavailable}). Anything else
 * stops the projection at the event until an admin retries it.
 */
final class PassingFailures {

  /** MySQL and MariaDB: "Lock wait timeout exceeded", "Deadlock found when trying to get lock". */
  private static final int LOCK_WAIT_TIMEOUT = 1205;

  private static final int DEADLOCK = 1213;

  private PassingFailures() {}

  /**
   * The failure as a target that cannot take the batch now; empty when the event may be to blame.
   */
  static Optional<TargetUnavailable> of(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && passes(sql)) {
        return Optional.of(
            new TargetUnavailable(
                "the database could not take the batch now (" + sql.getMessage() + ")", failure));
      }
    }
    return Optional.empty();
  }

  private static boolean passes(SQLException sql) {
    if (sql instanceof SQLTransientException || sql instanceof SQLRecoverableException) {
      return true; // a rolled-back transaction, a timeout, a connection to open again
    }
    String state = sql.getSQLState();
    if (state != null && (state.startsWith("40") || state.startsWith("08"))) {
      return true; // transaction rollback (deadlock, serialization), connection exception
    }
    return sql.getErrorCode() == LOCK_WAIT_TIMEOUT || sql.getErrorCode() == DEADLOCK;
  }
}
