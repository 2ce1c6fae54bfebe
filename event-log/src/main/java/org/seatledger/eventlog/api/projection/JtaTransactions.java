package org.seatledger.eventlog.api.projection;

import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * {@link Transactions} on a bean-managed {@link UserTransaction}: the runner is called from
 * start-up, timers and wake-ups, so it demarcates its own transactions.
 */
final class JtaTransactions implements Transactions {

  private final UserTransaction transaction;
  private final DataSource dataSource;
  private final String projection;

  JtaTransactions(UserTransaction transaction, DataSource dataSource, String projection) {
    this.transaction = transaction;
    this.dataSource = dataSource;
    this.projection = projection;
  }

  @Override
  public <T> T run(Work<T> work, Predicate<? super T> commit) {
    try {
      transaction.begin();
      T result;
      try (Connection connection = dataSource.getConnection()) {
        result = work.run(connection);
      }
      if (!commit.test(result)) {
        transaction.setRollbackOnly();
      }
      return result;
    } catch (Exception e) {
      rollbackQuietly();
      throw new IllegalStateException("projection " + projection + ": " + e.getMessage(), e);
    } finally {
      end();
    }
  }

  private void end() {
    try {
      int status = transaction.getStatus();
      if (status == Status.STATUS_MARKED_ROLLBACK) {
        transaction.rollback();
      } else if (status == Status.STATUS_ACTIVE) {
        transaction.commit();
      }
    } catch (Exception e) {
      rollbackQuietly();
      throw new IllegalStateException("projection " + projection + " could not commit", e);
    }
  }

  private void rollbackQuietly() {
    try {
      if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
        transaction.rollback();
      }
    } catch (Exception ignored) {
      // the transaction is gone either way
    }
  }
}
