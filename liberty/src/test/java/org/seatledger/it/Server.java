package org.seatledger.it;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Waits for the server under test, as a load balancer would, before a test talks to it. */
final class Server {
  private static final Duration READY_WITHIN = Duration.ofSeconds(180);

  private Server() {}

  static HttpResponse<String> awaitReady() throws InterruptedException {
    Instant deadline = Instant.now().plus(READY_WITHIN);
    HttpResponse<String> last = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        last = Http.anonymous().get("/health/ready");
        if (last.statusCode() == 200) {
          return last;
        }
      } catch (RuntimeException notListeningYet) {
        // keep waiting
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "server not ready within "
            + READY_WITHIN
            + ": "
            + (last == null ? "no answer" : last.body()));
  }
}
