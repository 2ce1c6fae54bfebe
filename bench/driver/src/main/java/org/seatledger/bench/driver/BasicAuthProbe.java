package org.seatledger.bench.driver;

import static org.seatledger.bench.driver.Results.median;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.UUID;

/**
 * What an API call costs when the client sends HTTP Basic on every call and keeps no cookie,
 * compared with the same call on a session cookie: the server checks the Basic credentials each
 * time (one read of the user's row; the password hash only when the credential cache misses), the
 * session call checks nothing. Sequential single calls, alternating, so both see the same server.
 */
final class BasicAuthProbe {

  private BasicAuthProbe() {}

  /**
   * Part 7 of the run: API clients that send Basic and keep no cookie pay little more than those
   * with a session.
   */
  static void run(Run run) {
    int calls = run.plan.quick() ? 100 : 300;
    Run.log("HTTP Basic without a session vs a session cookie, " + calls + " calls each");
    String id = run.conference(100, 1);
    // a user of its own, so that its first call is the one whose password hash is checked
    String user = "bench-" + run.id + "-basic";
    String password = "bench-Basic-" + UUID.randomUUID();
    run.admin.must(
        "api/admin/users",
        Json.createObjectBuilder()
            .add("username", user)
            .add("password", password)
            .add("roles", Json.createArrayBuilder().add("staff"))
            .build()
            .toString());
    JsonObject auth = measure(run.base, user, password, id, calls);
    run.results.figures.add("basic_auth", auth);
    run.results.metrics.add(
        "basic_vs_session_call", auth.getJsonNumber("basic_vs_session").doubleValue());
  }

  /** The figures of {@code calls} alternating reads of one conference. */
  static JsonObject measure(
      URI base, String user, String password, String conferenceId, int calls) {
    String path = "api/conferences/" + conferenceId;
    Api basic = Api.basicOnly(base, user, password);
    double firstBasicMillis = timed(basic, path); // a new user: its password hash is checked
    Api session = new Api(base, user, password); // signs in on its first call, then the cookie
    for (int i = 0; i < 50; i++) { // warm both paths, unreported
      timed(session, path);
      timed(basic, path);
    }
    double[] basicMillis = new double[calls];
    double[] sessionMillis = new double[calls];
    for (int i = 0; i < calls; i++) {
      basicMillis[i] = timed(basic, path);
      sessionMillis[i] = timed(session, path);
    }
    long tenStarted = System.nanoTime();
    for (int i = 0; i < 10; i++) {
      timed(basic, path);
    }
    double tenBasicMillis = (System.nanoTime() - tenStarted) / 1e6;
    double basicMedian = median(basicMillis);
    double sessionMedian = median(sessionMillis);
    return Json.createObjectBuilder()
        .add("calls", calls)
        .add("first_basic_call_ms", Results.round(firstBasicMillis))
        .add("basic_median_ms", Results.round(basicMedian))
        .add("session_median_ms", Results.round(sessionMedian))
        .add("basic_vs_session", Results.ratio(basicMedian, sessionMedian))
        .add("ten_sequential_basic_calls_ms", Results.round(tenBasicMillis))
        .build();
  }

  private static double timed(Api api, String path) {
    long started = System.nanoTime();
    Api.Answer answer = api.get(path);
    double millis = (System.nanoTime() - started) / 1e6;
    if (answer.status() != 200) {
      throw new IllegalStateException(
          "GET " + path + " -> " + answer.status() + " " + answer.body());
    }
    return millis;
  }
}
