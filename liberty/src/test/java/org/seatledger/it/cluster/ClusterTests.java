package org.seatledger.it.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * The tests that run several servers, or a database of their own, need MariaDB's programs on this
 * machine ({@code mariadb-install-db}, {@code mariadbd}); they carry this tag and run where MariaDB
 * is (CI's MariaDB stage: {@code -Dit.excludedGroups=none}), not in the zero-set-up default run.
 */
final class ClusterTests {

  static final String TAG = "cluster";

  /**
   * The tests that start a Kafka broker ({@code dev/kafka}) and a server of their own: only a JDK
   * is needed, but they take minutes, so they run with the cluster tests ({@code
   * -Dit.excludedGroups=none}), not in the default run.
   */
  static final String KAFKA_TAG = "kafka";

  private ClusterTests() {}

  /** Waits until {@code /health/ready} answers 200. */
  static void awaitReady(LibertyServer server) {
    HttpResponse<String> last = null;
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      last = health(server, "ready");
      if (last != null && last.statusCode() == 200) {
        return;
      }
      MariaDbInstance.sleep(500);
    }
    throw new IllegalStateException(
        server.name
            + " did not become ready: "
            + (last == null ? "no answer" : last.body())
            + "\n"
            + server.logTail());
  }

  /** {@code /health/<kind>} as a load balancer sees it, or null when nothing answered. */
  static HttpResponse<String> health(LibertyServer server, String kind) {
    try {
      return HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .build()
          .send(
              HttpRequest.newBuilder(URI.create(server.base() + "/health/" + kind))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops servers and databases, each even when another fails to stop. */
  static void closeAll(AutoCloseable... resources) {
    for (AutoCloseable resource : resources) {
      if (resource == null) {
        continue;
      }
      try {
        resource.close();
      } catch (Exception e) {
        System.err.println("could not stop " + resource + ": " + e);
      }
    }
  }
}
