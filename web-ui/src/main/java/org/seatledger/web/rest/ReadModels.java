package org.seatledger.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;
import java.time.Duration;
import org.seatledger.web.application.ReadYourWrites;

/**
 * Read your writes: every read-model query takes {@code ?atLeast=<position>} — the position a
 * command answered with — and waits (at most 2 s) until the read model has applied it.
 */
@ApplicationScoped
public class ReadModels {

  static final Duration PATIENCE = ReadYourWrites.PATIENCE;

  @Inject ReadYourWrites readYourWrites;

  /**
   * Waits until {@code projection} has applied the position the {@code atLeast} parameter names
   * (nothing to wait for when it is absent): a 400 when it is not a position, a 503 when the read
   * model does not reach it in time.
   */
  void await(String projection, String atLeastParameter) {
    Long atLeast = QueryNumbers.position(atLeastParameter);
    if (atLeast == null) {
      return;
    }
    if (!readYourWrites.reached(projection, atLeast)) {
      throw new ApiException(
          Status.SERVICE_UNAVAILABLE,
          "The read model has not reached position "
              + atLeast
              + " within "
              + PATIENCE.toSeconds()
              + " s; try again in a moment.");
    }
  }
}
