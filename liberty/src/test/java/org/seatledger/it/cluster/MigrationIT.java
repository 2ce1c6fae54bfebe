package org.seatledger.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seatledger.it.cluster.Recorded.assertStillHolds;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.seatledger.it.Http;

/**
 * An upgrade: the server this build made starts on a database that an earlier released version
 * wrote and serves it as that version did ({@link MigrationDump}: the dump and what the API
 * answered then). Conferences, bookings, read models, audit history and the hash chain read back as
 * they were; the erased registrant stays erased; a command repeated with its old Idempotency-Key
 * answers as the first time and appends nothing; new bookings sell and the seats add up.
 */
@Tag(ClusterTests.TAG)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrationIT {

  /** Fields that say how far a read model had read, not what it shows. */
  private static final Set<String> READ_POSITION = Set.of("position");

  private static final MigrationDump dump = MigrationDump.read();
  private static MariaDbInstance database;
  private static LibertyServer server;

  @BeforeAll
  static void theNewServerOnTheOldDatabase() {
    database = MariaDbInstance.start("migration", 3419);
    dump.restoreOn(database);
    server = LibertyServer.create("upgraded", 19590, 19591, dump.settings(database));
    server.start();
    ClusterTests.awaitReady(server);
    awaitFirstSignedInAnswer();
  }

  /**
   * The first signed-in call of a fresh server initialises the REST layer, which on a busy 2-core
   * machine can take longer than a client's 30-second timeout; wait for it, as for readiness.
   */
  private static void awaitFirstSignedInAnswer() {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (true) {
      try {
        admin().get("/api/me");
        return;
      } catch (java.io.UncheckedIOException slow) {
        if (Instant.now().isAfter(deadline)) {
          throw slow;
        }
        MariaDbInstance.sleep(500);
      }
    }
  }

  @AfterAll
  static void stop() {
    ClusterTests.closeAll(server, database);
  }

  @Test
  @Order(1)
  void theServerIsReadyAndTheOldUsersSignInWithTheirPasswords() {
    HttpResponse<String> ready = ClusterTests.health(server, "ready");
    assertEquals(200, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("\"status\":\"UP\""), ready.body());
    for (JsonValue user : dump.expected.getJsonArray("users")) {
      String name = user.asJsonObject().getString("username");
      HttpResponse<String> me = dump.as(server, name).get("/api/me");
      assertEquals(200, me.statusCode(), name + ": " + me.body());
      assertEquals(name, Http.object(me).getString("username"));
    }
    assertStillHolds(dump.answer("users", null), json(admin().get("/api/admin/users")), "users");
  }

  @Test
  @Order(2)
  void theLogIsAsItWasAndItsHashChainVerifies() {
    JsonObject verified = verify(null);
    assertEquals(dump.events(), verified.getJsonNumber("checkedEvents").longValue(), "" + verified);
    JsonObject events = dump.expected.getJsonObject("streams").getJsonObject("events");
    for (String stream : events.keySet()) {
      assertStillHolds(events.get(stream), json(admin().get(eventsOf(stream))), stream);
      assertTrue(verify(stream).getBoolean("ok"), stream);
    }
  }

  @Test
  @Order(3)
  void conferencesAndBookingsReadBackAsTheyWere() {
    assertStillHolds(
        dump.answer("conferenceList", null), json(admin().get("/api/conferences")), "conferences");
    JsonObject conferences = dump.expected.getJsonObject("answers").getJsonObject("conferences");
    for (String id : conferences.keySet()) {
      assertStillHolds(conferences.get(id), json(admin().get("/api/conferences/" + id)), id);
    }
    JsonObject bookings = dump.expected.getJsonObject("answers").getJsonObject("bookings");
    for (String id : bookings.keySet()) {
      assertStillHolds(bookings.get(id), json(admin().get("/api/bookings/" + id)), "booking " + id);
    }
    // what the dump is said to hold (README.md), so the comparisons above compare something
    assertEquals("HELD", status("held"));
    assertEquals("CONFIRMED", status("confirmed"));
    assertEquals("CANCELLED", status("cancelledSold"));
    assertEquals("CANCELLED", status("cancelledHeld"));
    assertEquals("EXPIRED", status("expired"));
    assertEquals(
        3, booking(dump.booking("confirmed")).getJsonArray("attendees").size(), "attendees");
    assertFalse(conference("closed").getBoolean("published"), "the unpublished conference");
    assertTrue(conference("main").getBoolean("published"), "the main conference");
  }

  @Test
  @Order(4)
  void theReadModelsServeWhatTheyServedBefore() {
    assertReadModelsAsRecorded("before any rebuild");
  }

  @Test
  @Order(5)
  void theAuditHistoryOfEveryStreamIsComplete() {
    JsonObject history = dump.expected.getJsonObject("streams").getJsonObject("history");
    JsonObject events = dump.expected.getJsonObject("streams").getJsonObject("events");
    for (String stream : history.keySet()) {
      // one page of the largest size holds each of these histories (the longest has 116 changes)
      HttpResponse<String> page =
          admin().get("/api/audit/streams/" + stream + "/history?limit=500");
      assertTrue(page.headers().firstValue("Link").isEmpty(), "no older page of " + stream);
      JsonValue now = json(page);
      assertStillHolds(history.get(stream), now, "history of " + stream);
      assertEquals(events.getJsonArray(stream).size(), now.asJsonArray().size(), stream);
    }
  }

  @Test
  @Order(6)
  void theErasedRegistrantStaysErasedEverywhere() {
    JsonObject erased = dump.expected.getJsonObject("erased");
    JsonObject booking = booking(erased.getString("booking"));
    assertEquals("[erased]", booking.getString("registrantName"));
    assertEquals("[erased]", booking.getString("registrantEmail"));
    assertNoTraceOfTheErased("before any rebuild");
    // an erasure repeated after the upgrade completes as the first one did
    HttpResponse<String> again =
        admin().postJson("/api/subjects/" + erased.getString("subjectId") + "/erase", "");
    assertEquals(200, again.statusCode(), again.body());
    JsonObject first = erased.getJsonObject("erasure");
    assertStillHolds(
        first, Http.object(again), "the repeated erasure", Set.of("readModels", "complete"));
  }

  @Test
  @Order(7)
  void anOldCommandRepeatedWithItsIdempotencyKeyAnswersAsTheFirstTimeAndAppendsNothing() {
    JsonArray commands = dump.expected.getJsonArray("idempotent");
    assertFalse(commands.isEmpty());
    for (JsonValue value : commands) {
      JsonObject command = value.asJsonObject();
      String key = command.getString("key");
      HttpResponse<String> repeated =
          dump.as(server, command.getString("user"))
              .command(
                  command.getString("method"),
                  command.getString("path"),
                  command.getString("body"),
                  key);
      assertEquals(command.getInt("status"), repeated.statusCode(), key + ": " + repeated.body());
      assertEquals("true", repeated.headers().firstValue("Idempotent-Replayed").orElse(""), key);
      Recorded.assertStillHolds(command.get("answer"), Http.json(repeated), key);
      assertEquals(
          command.get("answer").asJsonObject().keySet(),
          Http.object(repeated).keySet(),
          key + ": the first answer, no more and no less");
      if (command.get("location").getValueType() == JsonValue.ValueType.STRING) {
        // the same resource; the host and port are those of the server asked
        assertEquals(
            URI.create(command.getString("location")).getPath(),
            URI.create(repeated.headers().firstValue("Location").orElse("")).getPath(),
            key);
      }
    }
    assertEquals(
        dump.events(),
        verify(null).getJsonNumber("checkedEvents").longValue(),
        "the repeats (and the repeated erasure) appended nothing");
  }

  @Test
  @Order(8)
  void readModelsRebuiltFromTheLogEqualWhatTheApiShowed() {
    for (JsonValue name : dump.expected.getJsonArray("projections")) {
      String projection = ((JsonString) name).getString();
      HttpResponse<String> rebuild =
          admin().postJson("/api/admin/projections/" + projection + "/rebuild", "");
      assertEquals(200, rebuild.statusCode(), projection + ": " + rebuild.body());
    }
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (!rebuiltAndCaughtUp()) {
      assertTrue(Instant.now().isBefore(deadline), "rebuilds: " + admin().get(PROJECTIONS).body());
      MariaDbInstance.sleep(500);
    }
    assertReadModelsAsRecorded("after rebuilding every read model from the log");
    assertNoTraceOfTheErased("after rebuilding every read model from the log");
    theAuditHistoryOfEveryStreamIsComplete();
  }

  @Test
  @Order(9)
  void newBookingsSellOnTheOldConferencesAndTheSeatsAddUp() {
    MigrationSales sales = new MigrationSales(dump, server);
    String main = dump.conference("main");
    String bulk = dump.conference("bulk");
    sales.confirm(dump.booking("held"), "PAY-AFTER-UPGRADE-0");
    sales.confirm(sales.place(main, "{\"standard\":2,\"vip\":1}"), "PAY-AFTER-UPGRADE-1");
    // the busy conference's seats load from the snapshot the older version took
    sales.confirm(sales.place(bulk, "{\"standard\":3}"), "PAY-AFTER-UPGRADE-2");
    String held = sales.place(bulk, "{\"standard\":1}");
    assertEquals("HELD", Http.object(admin().get("/api/bookings/" + held)).getString("status"));
    for (String conference : List.of(main, bulk, dump.conference("closed"))) {
      sales.assertSeatsAddUp(conference);
    }
    JsonObject verified = verify(null);
    assertTrue(verified.getJsonNumber("checkedEvents").longValue() > dump.events(), "" + verified);
  }

  private static final String PROJECTIONS = "/api/admin/projections";

  private static boolean rebuiltAndCaughtUp() {
    JsonArray all = (JsonArray) json(admin().get(PROJECTIONS));
    return all.stream()
        .map(JsonValue::asJsonObject)
        .allMatch(
            p ->
                p.getString("status").equals("RUNNING")
                    && !p.containsKey("rebuild")
                    && p.getJsonNumber("lagEvents").longValue() == 0);
  }

  private static void assertReadModelsAsRecorded(String when) {
    for (String conference : dump.expected.getJsonObject("conferences").keySet()) {
      String id = dump.conference(conference);
      assertStillHolds(
          dump.answer("availability", id),
          json(admin().get("/api/conferences/" + id + "/availability")),
          "availability of " + conference + " " + when,
          READ_POSITION);
      assertStillHolds(
          dump.answer("attendees", id),
          json(admin().get("/api/conferences/" + id + "/attendees")),
          "attendees of " + conference + " " + when);
      assertStillHolds(
          dump.answer("stats", id),
          json(admin().get("/api/conferences/" + id + "/stats")),
          "statistics of " + conference + " " + when);
      assertStillHolds(
          dump.answer("bookingLists", id),
          json(
              admin()
                  .get("/api/bookings?conferenceId=" + id + "&sort=placedAt&order=asc&size=200")),
          "bookings list of " + conference + " " + when,
          READ_POSITION);
    }
  }

  private static void assertNoTraceOfTheErased(String when) {
    JsonObject erased = dump.expected.getJsonObject("erased");
    String booking = erased.getString("booking");
    String conference = booking(booking).getString("conferenceId");
    List<String> paths =
        List.of(
            "/api/bookings/" + booking,
            "/api/bookings?conferenceId=" + conference + "&size=200",
            "/api/conferences/" + conference + "/attendees",
            eventsOf("booking-" + booking),
            "/api/audit/streams/booking-" + booking + "/history",
            "/api/audit/events?streamId=booking-" + booking + "&format=json",
            "/api/audit/events?streamId=booking-" + booking + "&format=csv");
    for (JsonValue trace : erased.getJsonArray("traces")) {
      String text = ((JsonString) trace).getString();
      for (String path : paths) {
        HttpResponse<String> answer = admin().get(path);
        assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        assertFalse(answer.body().contains(text), text + " in " + path + " " + when);
      }
      String search = "/api/bookings?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
      assertEquals(0, Http.object(admin().get(search)).getInt("total"), search + " " + when);
    }
  }

  private static JsonObject verify(String stream) {
    HttpResponse<String> verified =
        admin().postJson("/api/admin/verify" + (stream == null ? "" : "?streamId=" + stream), "");
    assertEquals(200, verified.statusCode(), verified.body());
    JsonObject result = Http.object(verified);
    assertTrue(result.getBoolean("ok"), "the hash chain: " + result);
    return result;
  }

  private static String eventsOf(String stream) {
    return "/api/streams/" + stream + "/events?limit=1000";
  }

  private static String status(String role) {
    return booking(dump.booking(role)).getString("status");
  }

  private static JsonObject booking(String id) {
    return (JsonObject) json(admin().get("/api/bookings/" + id));
  }

  private static JsonObject conference(String role) {
    return (JsonObject) json(admin().get("/api/conferences/" + dump.conference(role)));
  }

  private static Http admin() {
    return dump.as(server, "admin");
  }

  private static JsonValue json(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.uri() + ": " + response.body());
    return Http.json(response);
  }
}
