package org.seatledger.eventlog.projection;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * The projection engine's transactions, demarcated by the container: each {@link #run} is a new JTA
 * transaction ({@code REQUIRES_NEW}, so a caller's transaction is suspended, never joined) with one
 * connection of the application's data source enlisted in it.
 *
 * <p>The engine asks more of a transaction than "commit unless it threw": a batch that lost its
 * race, or a folded batch that failed, must roll back and still say what it found (a {@link
 * BatchResult}). Such an outcome leaves the method as a {@link RolledBack} carrying it, which
 * {@link ContainerTransactions} turns back into a return value. {@code RolledBack} is a checked
 * exception named by {@code rollbackOn} (as every exception is here: a failed statement must not
 * commit the statements before it), so the interceptor rolls back and throws it on as it is
 * (Jakarta Transactions, "Transactional annotation"). It is deliberately not a runtime exception:
 * those mean failures, and Liberty records an FFDC incident for each one that leaves a
 * transactional method: lost races, routine when several servers run, made 318 of them in five
 * minutes of the integration tests.
 *
 * <p>The checkpoint row lock of a batch needs no hand-written transaction: the lock, the read-model
 * writes and the checkpoint move are one {@code work} inside one call, so the lock lasts exactly as
 * long as the container's transaction.
 */
@ApplicationScoped
public class ProjectionTransactions {

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  /**
   * Runs {@code work} on a connection in a new transaction; commits when {@code commit} accepts the
   * result.
   *
   * @throws RolledBack when {@code commit} refused the result, after rolling back
   * @throws SQLException when the work failed, after rolling back
   */
  @Transactional(value = TxType.REQUIRES_NEW, rollbackOn = Exception.class)
  public <T> T run(Transactions.Work<T> work, Predicate<? super T> commit)
      throws SQLException, RolledBack {
    T result;
    try (Connection connection = dataSource.getConnection()) {
      result = work.run(connection);
    }
    if (!commit.test(result)) {
      throw new RolledBack(result);
    }
    return result;
  }

  /** The outcome of work whose transaction was rolled back because it did not do its job. */
  public static final class RolledBack extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Object result;

    RolledBack(Object result) {
      super("rolled back: " + result, null, false, false);
      this.result = result;
    }

    Object result() {
      return result;
    }
  }
}
