package org.seatledger.web.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.seatledger.reporting.api.ReportingQueries;

/**
 * Read your writes: waits (at most {@link #PATIENCE}) until a read model has applied the position a
 * command answered with, so the person who sent it sees their change in the next page or query.
 */
@ApplicationScoped
public class ReadYourWrites {

  /** How long a query waits for a read model before answering that it is behind. */
  public static final Duration PATIENCE = Duration.ofSeconds(2);

  @Inject ReportingQueries reporting;

  /** True once {@code projection} has applied {@code position}; false when it did not in time. */
  public boolean reached(String projection, long position) {
    return reporting.awaitPosition(projection, position, PATIENCE);
  }
}
