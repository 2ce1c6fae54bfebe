package org.seatledger.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seatledger.it.cluster.ClusterApi.admin;
import static org.seatledger.it.cluster.ClusterApi.availability;
import static org.seatledger.it.cluster.ClusterApi.bookOne;
import static org.seatledger.it.cluster.ClusterApi.conferenceWithSeats;
import static org.seatledger.it.cluster.ClusterApi.events;
import static org.seatledger.it.cluster.ClusterApi.replaySeats;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * Two Liberty servers with the application on one MariaDB database and one master key, as an admin
 * runs them behind a load balancer. Every guard lives in the database, so what one server decides
 * the other cannot undo: seats are never sold twice, both servers' read models end where the log
 * is, and a hold is expired once, however many servers look for overdue holds.
 */
@Tag(ClusterTests.TAG)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralServersIT {

  private static final int CAPACITY = 20;
  private static final Duration HOLD = Duration.ofSeconds(30);

  private static MariaDbInstance database;
  private static LibertyServer first;
  private static LibertyServer second;
  private static String masterKey;
  private static String conference;
  private static final List<String> accepted = new ArrayList<>();

  @BeforeAll
  static void twoServersOnOneDatabase() throws Exception {
    database = MariaDbInstance.start("several", 3417);
    database.createDatabase("seatledger");
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    masterKey = Base64.getEncoder().encodeToString(key);
    first = LibertyServer.create("several-a", 19180, settings(masterKey));
    second = LibertyServer.create("several-b", 19280, settings(masterKey));
    // both at once: the schema migrations and the first admin must survive a simultaneous start
    ExecutorService starting = Executors.newFixedThreadPool(2);
    try {
      Future<LibertyServer> a = starting.submit(first::start);
      Future<LibertyServer> b = starting.submit(second::start);
      a.get(5, TimeUnit.MINUTES);
      b.get(5, TimeUnit.MINUTES);
    } finally {
      starting.shutdownNow();
    }
    ClusterTests.awaitReady(first);
    ClusterTests.awaitReady(second);
  }

  static Map<String, String> settings(String masterKey) {
    return Map.of(
        "SEATLEDGER_DB_URL",
        database.jdbcUrl("seatledger"),
        "SEATLEDGER_DB_USER",
        "root",
        "SEATLEDGER_DB_PASSWORD",
        "",
        "SEATLEDGER_ADMIN_PASSWORD",
        ClusterApi.ADMIN_PASSWORD,
        "SEATLEDGER_MASTER_KEY",
        masterKey,
        "SEATLEDGER_HOLD_TIMEOUT",
        HOLD.toString(),
        "SEATLEDGER_EXPIRY_INTERVAL_SECONDS",
        "1");
  }

  @AfterAll
  static void stop() {
    ClusterTests.closeAll(second, first, database);
  }

  @Test
  @Order(1)
  void theLastSeatsBookedFromBothServersAtOnceAreSoldExactlyOnce() throws Exception {
    conference = conferenceWithSeats(first, CAPACITY);
    ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    int clients = 16;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      LibertyServer server = c % 2 == 0 ? first : second;
      int client = c;
      done.add(
          pool.submit(
              () -> {
                Http http = admin(server);
                for (int attempt = 0; attempt < 3; attempt++) {
                  HttpResponse<String> answer = bookOne(http, conference, "Client " + client);
                  if (answer.statusCode() == 201) {
                    ids.add(Http.object(answer).getString("id"));
                  } else if (answer.statusCode() != 409) {
                    unexpected.add(answer.statusCode() + " " + answer.body());
                  }
                }
              }));
    }
    for (Future<?> future : done) {
      future.get(3, TimeUnit.MINUTES);
    }
    pool.shutdown();

    assertTrue(unexpected.isEmpty(), "only 201 or 409 expected: " + unexpected);
    assertEquals(CAPACITY, ids.size(), "48 attempts on 20 seats from two servers");
    accepted.addAll(ids);

    Replayed log = replaySeats(first, conference);
    assertEquals(CAPACITY, log.held(), "the log holds exactly the capacity");
    for (LibertyServer server : List.of(first, second)) {
      JsonObject seats = availability(server, conference, log.lastPosition());
      assertEquals(CAPACITY, seats.getInt("held"), server.name + " read model: " + seats);
      assertEquals(0, seats.getInt("available"), server.name + " read model: " + seats);
      assertEquals(CAPACITY, bookingsListed(server, log.lastPosition(), "HELD"), server.name);
    }
  }

  @Test
  @Order(2)
  void holdsFallingDueAreExpiredOnceAlthoughBothServersLookForThem() {
    assertEquals(CAPACITY, accepted.size(), "the first test's bookings");
    Instant deadline = Instant.now().plus(HOLD).plusSeconds(60);
    for (String booking : accepted) {
      while (!"EXPIRED".equals(status(booking))) {
        assertTrue(Instant.now().isBefore(deadline), booking + " was not expired in time");
        MariaDbInstance.sleep(500);
      }
    }
    // give a second server's late round every chance to expire a hold twice
    MariaDbInstance.sleep(3_000);
    for (String booking : accepted) {
      long expiries =
          events(second, "booking-" + booking).stream()
              .filter(event -> event.getString("type").equals("BookingExpired"))
              .count();
      assertEquals(1, expiries, "BookingExpired events of " + booking);
    }
    Replayed log = replaySeats(first, conference);
    assertEquals(0, log.held(), "every hold was given back once, not twice");
    long releases =
        events(first, "seats-" + conference).stream()
            .filter(event -> event.getString("type").equals("SeatsReleased"))
            .count();
    assertEquals(CAPACITY, releases, "one release per expired booking");
    for (LibertyServer server : List.of(first, second)) {
      JsonObject seats = availability(server, conference, log.lastPosition());
      assertEquals(CAPACITY, seats.getInt("available"), server.name + " read model: " + seats);
      assertEquals(CAPACITY, bookingsListed(server, log.lastPosition(), "EXPIRED"), server.name);
    }
  }

  @Test
  @Order(3)
  void aThirdServerWithItsOwnKeyRefusesToWriteWhatTheOthersCouldNotRead() {
    int eventsBefore = events(first, "seats-" + conference).size();
    Map<String, String> withoutKey = new HashMap<>(settings(masterKey));
    // the default an admin gets by forgetting the variable: a development key of its own
    withoutKey.remove("SEATLEDGER_MASTER_KEY");
    try (LibertyServer third = LibertyServer.create("several-c", 19380, withoutKey).start()) {
      HttpResponse<String> ready = ClusterTests.health(third, "ready");
      assertEquals(503, ready.statusCode(), ready.body());
      assertTrue(ready.body().contains("master key"), ready.body());

      HttpResponse<String> booking = bookOne(admin(third), conference, "Written elsewhere");
      assertEquals(503, booking.statusCode(), booking.body());
      assertTrue(
          booking
              .headers()
              .firstValue("Content-Type")
              .orElse("")
              .startsWith("application/problem+json"),
          booking.headers().map().toString());
      assertTrue(booking.body().contains("master key"), booking.body());
      assertTrue(third.log().contains("SEATLEDGER_MASTER_KEY"), "a log line says what to do");
    }
    assertEquals(eventsBefore, events(first, "seats-" + conference).size(), "nothing was appended");
    // the servers with the right key never saw anything they cannot read
    ClusterTests.awaitReady(first);
    ClusterTests.awaitReady(second);
    bookTheSeatsAgainOnBothServers();
  }

  /** The expired seats sell again, half on each server: neither was disturbed by the third. */
  private static void bookTheSeatsAgainOnBothServers() {
    for (int i = 0; i < CAPACITY; i++) {
      HttpResponse<String> answer =
          bookOne(admin(i % 2 == 0 ? first : second), conference, "After the third");
      assertEquals(201, answer.statusCode(), answer.body());
    }
  }

  private static String status(String booking) {
    HttpResponse<String> response = admin(first).get("/api/bookings/" + booking);
    assertEquals(200, response.statusCode(), response.body());
    return Http.object(response).getString("status");
  }

  private static long bookingsListed(LibertyServer server, long atLeast, String status) {
    HttpResponse<String> response =
        admin(server)
            .get(
                "/api/bookings?conferenceId="
                    + conference
                    + "&status="
                    + status
                    + "&size=1&atLeast="
                    + atLeast);
    assertEquals(200, response.statusCode(), response.body());
    return Http.object(response).getJsonNumber("total").longValue();
  }
}
