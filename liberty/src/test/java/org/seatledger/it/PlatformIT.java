package org.seatledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.seatledger.eventlog.api.Modules;

/** The server starts with the EAR and answers as an admin and a load balancer expect. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ClientDeployment.marker("platform-it");
  }

  @Test
  void readinessIsUpWithTheDatabaseAndEveryModuleSchema() throws Exception {
    JsonObject ready = Http.object(Server.awaitReady());
    assertEquals("UP", ready.getString("status"));
    JsonObject database =
        ready.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(check -> check.getString("name").equals("database"))
            .findFirst()
            .orElseThrow();
    assertEquals("UP", database.getString("status"));
    assertTrue(
        ready.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .anyMatch(check -> check.getString("name").equals("projections")),
        "the read models are part of readiness");
    JsonObject data = database.getJsonObject("data");
    assertEquals(
        "v4",
        data.getString("web"),
        "the user tables, the kept log checks and the relay checkpoint are migrated: " + data);
    for (String module : Modules.IN_DEPENDENCY_ORDER) {
      assertTrue(data.containsKey(module), module + " has run its migrations: " + data);
    }
  }

  @Test
  void livenessIsUp() {
    HttpResponse<String> live = Http.anonymous().get("/health/live");
    assertEquals(200, live.statusCode());
    assertEquals("UP", Http.object(live).getString("status"));
  }

  @Test
  void openApiDescribesTheApiAndItsSecurity() {
    HttpResponse<String> openapi = Http.anonymous().get("/openapi");
    assertEquals(200, openapi.statusCode());
    assertTrue(openapi.body().contains("Seat Ledger API"), openapi.body());
    assertTrue(openapi.body().contains("/api/admin/users"), openapi.body());
    assertTrue(openapi.body().contains("scheme: basic"), openapi.body());
    assertEquals(200, Http.anonymous().get("/openapi/ui/").statusCode());
  }

  @Test
  void adminsPauseAndResumeAReadModelWithoutTakingTheServerOutOfService() {
    String stats = "/api/admin/projections/reporting.stats";
    HttpResponse<String> unknown = Http.admin().postJson("/api/admin/projections/nope/pause", "");
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.body().contains("There is no projection 'nope'."), unknown.body());
    try {
      HttpResponse<String> paused = Http.admin().postJson(stats + "/pause", "");
      assertEquals(200, paused.statusCode(), paused.body());
      assertEquals("PAUSED", Http.object(paused).getString("status"));
      HttpResponse<String> again = Http.admin().postJson(stats + "/pause", "");
      assertEquals(409, again.statusCode());
      assertTrue(again.body().contains("only a running projection pauses"), again.body());
      assertEquals(
          200, Http.anonymous().get("/health/ready").statusCode(), "a chosen pause stays ready");
    } finally {
      HttpResponse<String> resumed = Http.admin().postJson(stats + "/resume", "");
      assertEquals(200, resumed.statusCode(), resumed.body());
      assertEquals("RUNNING", Http.object(resumed).getString("status"));
    }
    HttpResponse<String> notPaused = Http.admin().postJson(stats + "/resume", "");
    assertEquals(409, notPaused.statusCode());
    assertTrue(notPaused.body().contains("not PAUSED"), notPaused.body());
  }

  @Test
  void metricsAreServedForPrometheus() {
    HttpResponse<String> metrics = Http.anonymous().get("/metrics");
    assertEquals(200, metrics.statusCode());
    assertTrue(
        metrics.body().contains("jvm_uptime") || metrics.body().contains("base_"), metrics.body());
  }

  /**
   * After a booking, every read model's series tells how soon after their commit it applied the
   * events (seconds, not the nanoseconds the server counts in), and how long its steps took.
   */
  @Test
  void metricsTellHowSoonAfterTheirCommitTheReadModelsAppliedABooking() {
    String conference = Setup.publishedConference(Http.admin(), 5);
    HttpResponse<String> booked =
        Http.admin()
            .postJson(
                "/api/conferences/" + conference + "/bookings",
                "{\"registrant\":{\"name\":\"Grace Hopper\",\"email\":\"grace@example.org\"},"
                    + "\"seats\":{\"standard\":1}}");
    assertEquals(201, booked.statusCode(), booked.body());
    for (String projection :
        List.of("reporting.availability", "reporting.bookings", "reporting.stats", "audit.trail")) {
      String metrics = awaitSeries("seatledger_projection_apply_delay_seconds_count", projection);
      double max = series(metrics, "seatledger_projection_apply_delay_seconds_max", projection);
      assertTrue(max > 0 && max < 30, projection + "'s longest wait for an event: " + max + " s");
      double count = series(metrics, "seatledger_projection_apply_delay_seconds_count", projection);
      double all = bucket(metrics, "seatledger_projection_apply_delay_seconds", projection, "+Inf");
      assertEquals(count, all, projection + "'s histogram holds every event it counted");
      assertTrue(
          bucket(metrics, "seatledger_projection_apply_delay_seconds", projection, "0.1") >= 0,
          projection + " tells how many events it applied within 100 ms");
      assertTrue(
          series(metrics, "seatledger_projection_step_seconds_count", projection) >= 1,
          projection + "'s steps are counted");
    }
  }

  /** /metrics once {@code name} of {@code projection} counts something (at most 15 s). */
  private static String awaitSeries(String name, String projection) {
    Instant deadline = Instant.now().plusSeconds(15);
    while (true) {
      HttpResponse<String> metrics = Http.anonymous().get("/metrics");
      assertEquals(200, metrics.statusCode());
      double value = series(metrics.body(), name, projection);
      if (value > 0 || Instant.now().isAfter(deadline)) {
        assertTrue(value > 0, name + " of " + projection + " counts nothing: " + metrics.body());
        return metrics.body();
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The value of one series of the Prometheus text, or -1 when it is not there. */
  private static double series(String metrics, String name, String projection) {
    return labelled(metrics, name, "projection", projection);
  }

  /**
   * A Prometheus histogram bucket of {@code name} for {@code projection}: how many observations
   * were at most {@code le} seconds, or -1 when the bucket is not there.
   */
  private static double bucket(String metrics, String name, String projection, String le) {
    return labelled(metrics, name + "_bucket", "projection", projection, "le", le);
  }

  /**
   * The value of the series {@code name} whose labels include each of {@code labels} (name, value,
   * name, value, …), in any order among the others, or -1 when there is none.
   */
  private static double labelled(String metrics, String name, String... labels) {
    StringBuilder pattern = new StringBuilder("^").append(Pattern.quote(name)).append("\\{");
    for (int i = 0; i < labels.length; i += 2) {
      pattern
          .append("(?=[^}]*")
          .append(Pattern.quote(labels[i] + "=\"" + labels[i + 1] + "\""))
          .append(')');
    }
    Matcher line =
        Pattern.compile(pattern.append("[^}]*} (\\S+)$").toString(), Pattern.MULTILINE)
            .matcher(metrics);
    return line.find() ? Double.parseDouble(line.group(1)) : -1;
  }

  /**
   * /metrics keeps no client-side percentiles: computing them for every timer made each scrape cost
   * a noticeable share of a loaded server's CPU, and Prometheus derives them from the buckets.
   */
  @Test
  void metricsPublishBucketsNotClientSidePercentiles() {
    assertEquals(200, Http.admin().get("/api/conferences").statusCode()); // times an endpoint
    HttpResponse<String> metrics = Http.anonymous().get("/metrics");
    assertEquals(200, metrics.statusCode());
    assertFalse(metrics.body().contains("quantile=\""), metrics.body());
  }

  @Test
  void httpsServesTheSameApplicationWithAGeneratedKey() {
    HttpResponse<String> signIn = Http.tls().get("/login");
    assertEquals(200, signIn.statusCode());
    assertTrue(signIn.body().contains("Sign in"));
    assertTrue(
        signIn.headers().firstValue("Strict-Transport-Security").isPresent(),
        "HTTPS responses tell browsers to stay on HTTPS");
  }
}
