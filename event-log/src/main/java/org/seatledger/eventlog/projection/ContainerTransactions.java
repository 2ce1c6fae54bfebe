package org.seatledger.eventlog.projection;

import java.sql.SQLException;
import java.util.function.Predicate;

/**
 * {@link Transactions} of one projection on the container's transactions ({@link
 * ProjectionTransactions}): a refused result comes back as the result, after its rollback; any
 * failure, of the work or of the commit, comes back as an {@link IllegalStateException} naming the
 * projection.
 */
final class ContainerTransactions implements Transactions {

  private final ProjectionTransactions container;
  private final String projection;

  ContainerTransactions(ProjectionTransactions container, String projection) {
    this.container = container;
    this.projection = projection;
  }

  @Override
  @SuppressWarnings("unchecked") // the result of the work this call ran, hence a T
  public <T> T run(Work<T> work, Predicate<? super T> commit) {
    try {
      return container.run(work, commit);
    } catch (ProjectionTransactions.RolledBack refused) {
      return (T) refused.result();
    } catch (SQLException | RuntimeException e) {
      throw new IllegalStateException("projection " + projection + ": " + e.getMessage(), e);
    }
  }
}
