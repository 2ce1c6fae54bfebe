package org.seatledger.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seatledger.it.cluster.ClusterApi.admin;
import static org.seatledger.it.cluster.ClusterApi.availability;
import static org.seatledger.it.cluster.ClusterApi.bookOne;
import static org.seatledger.it.cluster.ClusterApi.conferenceWithSeats;
import static org.seatledger.it.cluster.ClusterApi.events;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.seatledger.it.Http;
import org.seatledger.it.cluster.ClusterApi.Replayed;

/**
 * The database dies under load (SIGKILL, connections broken mid-transaction) and comes back. While
 * it is away, clients are told so — 503 with a sentence and Retry-After, never a wrong-password or
 * forbidden answer, never a hang — and the load balancer sees the server not ready. When it is
 * back, the same server process serves again, and no booking it acknowledged is missing. A server
 * that starts while its database is away waits for it the same way.
 */
@Tag(ClusterTests.TAG)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageIT {

  private static final Duration OUTAGE = Duration.ofSeconds(8);

  /** Longest any request may take, outage or not: a bounded wait for a connection. */
  private static final Duration NO_HANG = Duration.ofSeconds(12);

  private static MariaDbInstance database;
  private static LibertyServer server;

  @BeforeAll
  static void aServerOnItsOwnDatabase() {
    database = MariaDbInstance.start("outage", 3418);
    database.createDatabase("seatledger");
    server =
        LibertyServer.create(
                "outage",
                19480,
                Map.of(
                    "SEATLEDGER_DB_URL", database.jdbcUrl("seatledger"),
                    "SEATLEDGER_DB_USER", "root",
                    "SEATLEDGER_DB_PASSWORD", "",
                    "SEATLEDGER_ADMIN_PASSWORD", ClusterApi.ADMIN_PASSWORD,
                    "SEATLEDGER_MASTER_KEY", "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJASM="))
            .start();
    ClusterTests.awaitReady(server);
  }

  @AfterAll
  static void stop() {
    ClusterTests.closeAll(server, database);
  }

  @Test
  @Order(1)
  void clientsAreToldTheDatabaseIsAwayAndNothingAcknowledgedIsLost() throws Exception {
    String conference = conferenceWithSeats(server, 100_000);
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    AtomicLong slowestMillis = new AtomicLong();
    AtomicBoolean loading = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<?>> load = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      int client = c;
      load.add(
          clients.submit(
              () -> {
                Http http = admin(server);
                while (loading.get()) {
                  Instant sent = Instant.now();
                  HttpResponse<String> answer = bookOne(http, conference, "Load " + client);
                  slowestMillis.accumulateAndGet(
                      Duration.between(sent, Instant.now()).toMillis(), Math::max);
                  answers
                      .computeIfAbsent(answer.statusCode(), s -> new AtomicLong())
                      .incrementAndGet();
                  if (answer.statusCode() == 201) {
                    acknowledged.add(Http.object(answer).getString("id"));
                  } else if (answer.statusCode() == 503) {
                    if (!isOutageProblem(answer)) {
                      wrong.add("503 without the outage problem: " + answer.headers().map());
                    }
                    MariaDbInstance.sleep(200);
                  } else {
                    wrong.add(answer.statusCode() + " " + answer.body());
                  }
                }
              }));
    }
    awaitAcknowledged(acknowledged, 20);

    database.kill();
    MariaDbInstance.sleep(2_000);
    Instant outageChecks = Instant.now();

    // a script with Basic credentials and no session: the sign-in must not be called wrong
    HttpResponse<String> read = admin(server).get("/api/conferences/" + conference);
    assertEquals(503, read.statusCode(), read.body());
    assertTrue(isOutageProblem(read), read.headers().map() + " " + read.body());
    HttpResponse<String> write = bookOne(admin(server), conference, "During the outage");
    assertEquals(503, write.statusCode(), write.body());
    assertTrue(isOutageProblem(write), write.headers().map() + " " + write.body());

    HttpResponse<String> ready = ClusterTests.health(server, "ready");
    assertEquals(503, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("DOWN"), ready.body());
    for (String leak : List.of("Communications link", "jdbc", "SQL", "Exception")) {
      assertFalse(
          ready.body().contains(leak), "driver detail on an open endpoint: " + ready.body());
    }
    assertTrue(
        Duration.between(outageChecks, Instant.now()).compareTo(NO_HANG) < 0,
        "answers during the outage took " + Duration.between(outageChecks, Instant.now()));

    MariaDbInstance.sleep(Math.max(0, OUTAGE.toMillis() - 2_000));
    database.startAgain();
    int before = acknowledged.size();
    awaitAcknowledged(acknowledged, before + 20);
    loading.set(false);
    for (Future<?> client : load) {
      client.get(1, TimeUnit.MINUTES);
    }
    clients.shutdown();

    System.out.printf(
        "DatabaseOutageIT: answers by status %s, slowest request %d ms, %d bookings acknowledged%n",
        answers, slowestMillis.get(), acknowledged.size());
    assertTrue(wrong.isEmpty(), "answers other than 201 and the outage's 503: " + wrong);
    assertTrue(answers.containsKey(503), "the load saw the outage: " + answers);
    assertTrue(
        slowestMillis.get() < NO_HANG.toMillis(), "slowest request " + slowestMillis + " ms");

    // nothing acknowledged is lost: each acknowledged booking is in the log
    Set<String> reservedInLog =
        events(server, "seats-" + conference).stream()
            .filter(event -> event.getString("type").equals("SeatsReserved"))
            .map(event -> event.getJsonObject("data").getString("bookingId"))
            .collect(Collectors.toSet());
    Set<String> lost =
        acknowledged.stream().filter(id -> !reservedInLog.contains(id)).collect(Collectors.toSet());
    assertTrue(lost.isEmpty(), lost.size() + " acknowledged bookings are not in the log: " + lost);

    // the read models catch up with the log, in the same server process
    Replayed log = ClusterApi.replaySeats(server, conference);
    JsonObject seats = availability(server, conference, log.lastPosition());
    assertEquals(log.held(), seats.getInt("held"), "availability read model: " + seats);
    HttpResponse<String> listed =
        admin(server)
            .get(
                "/api/bookings?conferenceId="
                    + conference
                    + "&size=1&atLeast="
                    + log.lastPosition());
    assertEquals(200, listed.statusCode(), listed.body());
    assertEquals(
        reservedInLog.size(), Http.object(listed).getJsonNumber("total").longValue(), "bookings");
    ClusterTests.awaitReady(server);
    everyReadModelRunsAgainWithoutAnAdmin();
  }

  /**
   * A batch that met the outage (a connection lost mid-batch) blames no event: no read model is
   * left STOPPED for an admin to retry; each catches up with the log by itself.
   */
  private void everyReadModelRunsAgainWithoutAnAdmin() {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      JsonArray projections = (JsonArray) Http.json(admin(server).get("/api/admin/projections"));
      List<JsonObject> all = projections.getValuesAs(JsonObject.class);
      for (JsonObject projection : all) {
        assertFalse(
            projection.getString("status").equals("STOPPED"),
            "a read model stopped at an event after the outage: " + projection);
      }
      if (all.stream()
          .allMatch(
              p ->
                  p.getString("status").equals("RUNNING")
                      && p.getJsonNumber("lagEvents").longValue() == 0)) {
        return;
      }
      assertTrue(Instant.now().isBefore(deadline), "read models after the outage: " + projections);
      MariaDbInstance.sleep(500);
    }
  }

  @Test
  @Order(2)
  void aServerStartedWhileItsDatabaseIsAwayServesOnceTheDatabaseIsBack() {
    String conference = conferenceWithSeats(server, 10);
    server.close();
    database.kill();

    server.start(); // the application starts; its sign-in page needs no database
    HttpResponse<String> ready = ClusterTests.health(server, "ready");
    assertEquals(503, ready.statusCode(), ready.body());
    assertFalse(ready.body().contains("Communications link"), ready.body());
    Instant asked = Instant.now();
    HttpResponse<String> read = admin(server).get("/api/conferences/" + conference);
    assertEquals(503, read.statusCode(), read.body());
    assertTrue(isOutageProblem(read), read.headers().map() + " " + read.body());
    assertTrue(Duration.between(asked, Instant.now()).compareTo(NO_HANG) < 0, "answered at once");

    database.startAgain();
    ClusterTests.awaitReady(server);
    HttpResponse<String> booked = bookOne(admin(server), conference, "After the start");
    assertEquals(201, booked.statusCode(), booked.body());
    assertEquals(
        "Test conference",
        Http.object(admin(server).get("/api/conferences/" + conference)).getString("name"),
        "what was written before the restart is read after it");
  }

  private static boolean isOutageProblem(HttpResponse<String> answer) {
    return answer
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json")
        && answer.headers().firstValue("Retry-After").isPresent()
        && answer.body().contains("database");
  }

  private static void awaitAcknowledged(Set<String> acknowledged, int count) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (acknowledged.size() < count) {
      assertTrue(
          Instant.now().isBefore(deadline),
          "bookings did not go through: "
              + acknowledged.size()
              + " of "
              + count
              + "\n"
              + server.logTail());
      MariaDbInstance.sleep(100);
    }
  }
}
