package org.seatledger.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seatledger.it.cluster.ClusterApi.admin;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Database settings the server cannot use at all. An environment file with {@code
 * SEATLEDGER_DB_URL=} once left a server that never became ready and answered 404 everywhere, with
 * nothing in its log an admin could act on: Open Liberty cannot create a data source without a URL,
 * and the failure took the application's start with it.
 */
@Tag(ClusterTests.TAG)
class DatabaseSettingsIT {

  private static final String NAMED = "SEATLEDGER_DB_URL is set but empty";

  @Test
  void anEmptyDatabaseUrlIsNamedToTheAdminAndAnsweredAsAnOutage() {
    try (LibertyServer server =
        LibertyServer.create(
                "empty-url",
                19780,
                Map.of(
                    "SEATLEDGER_DB_URL",
                    "",
                    "SEATLEDGER_ADMIN_PASSWORD",
                    ClusterApi.ADMIN_PASSWORD))
            .start()) { // the application starts: its sign-in page is served

      HttpResponse<String> ready = ClusterTests.health(server, "ready");
      assertEquals(503, ready.statusCode(), ready.body());
      assertTrue(ready.body().contains(NAMED), "readiness names the setting: " + ready.body());

      HttpResponse<String> read = admin(server).get("/api/conferences");
      assertEquals(503, read.statusCode(), read.body());
      assertEquals(
          "application/problem+json",
          read.headers().firstValue("Content-Type").orElse("").split(";")[0],
          read.body());
      assertTrue(read.headers().firstValue("Retry-After").isPresent(), "Retry-After");
      assertTrue(read.body().contains("database"), read.body());

      saidOnceAsAnError(server, NAMED);
    }
  }

  /**
   * A password the database refuses used to read, on readiness and in the log, as a database that
   * is away; the admin had to find the driver's words in a warning's stack.
   */
  @Test
  void aPasswordTheDatabaseRefusesIsNamedToTheAdmin() {
    String refused = "SEATLEDGER_DB_USER and SEATLEDGER_DB_PASSWORD were refused by the database";
    try (MariaDbInstance database = MariaDbInstance.start("settings", 3420)) {
      database.createDatabase("seatledger");
      try (LibertyServer server =
          LibertyServer.create(
                  "refused",
                  19880,
                  Map.of(
                      "SEATLEDGER_DB_URL",
                      database.jdbcUrl("seatledger"),
                      "SEATLEDGER_DB_USER",
                      "root",
                      "SEATLEDGER_DB_PASSWORD",
                      "not-the-password",
                      "SEATLEDGER_ADMIN_PASSWORD",
                      ClusterApi.ADMIN_PASSWORD))
              .start()) {

        HttpResponse<String> ready = ClusterTests.health(server, "ready");
        assertEquals(503, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains(refused), "readiness names the settings: " + ready.body());
        assertFalse(
            ready.body().contains("not-the-password"), "never a setting's value: " + ready.body());

        HttpResponse<String> read = admin(server).get("/api/conferences");
        assertEquals(503, read.statusCode(), read.body());
        assertTrue(read.headers().firstValue("Retry-After").isPresent(), "Retry-After");

        saidOnceAsAnError(server, refused);
        assertTrue(
            server.log().contains("Access denied for user 'root'"),
            "the database's own words are in the log for the admin:\n" + server.logTail());
      }
    }
  }

  /** The migrations say it once as an error, with no stack, not again on every retry. */
  private static void saidOnceAsAnError(LibertyServer server, String sentence) {
    MariaDbInstance.sleep(6_000); // the migrations retry every 5 s
    String log = server.log();
    String migrations = " E " + sentence; // others say "The database cannot be used: …"
    assertTrue(log.contains(migrations), "the log says what to change, as an error:\n" + log);
    assertEquals(
        -1,
        log.indexOf(migrations, log.indexOf(migrations) + 1),
        "said once by the migrations, not on every retry:\n" + server.logTail());
  }
}
