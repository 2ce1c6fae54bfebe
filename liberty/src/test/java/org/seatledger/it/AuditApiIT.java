package org.seatledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Auditors: who changed what and when, the state as of any moment, search, export, proof. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditApiIT {

  private static final String PASSWORD = "auditor-passphrase-1";
  private static String staff;
  private static String auditor;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ClientDeployment.marker("audit-api-it");
  }

  @BeforeAll
  static void users() throws InterruptedException {
    Server.awaitReady();
    staff = user("staff");
    auditor = user("auditor");
  }

  @Test
  void theHistoryOfAConferenceIsNewestFirstWithWhoWhatWhyAndFieldChanges() throws Exception {
    String id = conference();
    Http.as(staff, PASSWORD).postJson("/api/conferences/" + id + "/publish", "");
    HttpResponse<String> response =
        Http.as(auditor, PASSWORD).get("/api/audit/streams/conference-" + id + "/history");
    assertEquals(200, response.statusCode(), response.body());
    JsonArray history = (JsonArray) Http.json(response);
    assertEquals(
        List.of("ConferencePublished", "SeatTypeAdded", "ConferenceCreated"),
        history.getValuesAs(JsonObject.class).stream().map(e -> e.getString("type")).toList());
    JsonObject published = history.getJsonObject(0);
    for (String key :
        List.of(
            "globalPosition",
            "streamVersion",
            "type",
            "recordedAt",
            "recordedBy",
            "reason",
            "summary",
            "changes")) {
      assertTrue(published.containsKey(key), key + " in " + published);
    }
    assertEquals(staff, published.getString("recordedBy"));
    assertTrue(
        published.getString("summary").contains("published"), published.getString("summary"));
    JsonObject change = published.getJsonArray("changes").getJsonObject(0);
    assertEquals("published", change.getString("field"));
    assertEquals(false, change.getBoolean("before"));
    assertEquals(true, change.getBoolean("after"));
    assertEquals(
        404,
        Http.as(auditor, PASSWORD).get("/api/audit/streams/no-such-stream/history").statusCode());
  }

  @Test
  void theStateAsOfAMomentBetweenTwoEventsIsTheReplayUpToIt() throws Exception {
    String id = conference();
    Thread.sleep(50);
    Http.as(staff, PASSWORD).postJson("/api/conferences/" + id + "/publish", "");
    JsonArray history =
        (JsonArray)
            Http.json(
                Http.as(auditor, PASSWORD).get("/api/audit/streams/conference-" + id + "/history"));
    Instant addedAt = Instant.parse(history.getJsonObject(1).getString("recordedAt"));
    Instant publishedAt = Instant.parse(history.getJsonObject(0).getString("recordedAt"));
    Instant between =
        addedAt.plusNanos((publishedAt.toEpochMilli() - addedAt.toEpochMilli()) * 500_000);

    JsonObject asOf =
        Http.object(
            Http.as(auditor, PASSWORD)
                .get("/api/audit/streams/conference-" + id + "/state?asOf=" + between));
    JsonObject atVersion =
        Http.object(
            Http.as(auditor, PASSWORD)
                .get(
                    "/api/audit/streams/conference-"
                        + id
                        + "/state?version="
                        + history.getJsonObject(1).getInt("streamVersion")));
    assertEquals(
        atVersion.getJsonObject("state"),
        asOf.getJsonObject("state"),
        "as of a moment = replay up to it");
    assertEquals(atVersion.getInt("streamVersion"), asOf.getInt("streamVersion"));
    assertFalse(asOf.getJsonObject("state").getBoolean("published"), "not yet published then");
    assertEquals(10, asOf.getJsonObject("state").getInt("seatTypes.standard.quantity"));

    JsonObject now =
        Http.object(
            Http.as(auditor, PASSWORD)
                .get(
                    "/api/audit/streams/conference-"
                        + id
                        + "/state?asOf="
                        + Instant.now().plusSeconds(1)));
    assertTrue(now.getJsonObject("state").getBoolean("published"));
    assertEquals(
        400,
        Http.as(auditor, PASSWORD)
            .get("/api/audit/streams/conference-" + id + "/state?asOf=yesterday")
            .statusCode());
    assertEquals(
        400,
        Http.as(auditor, PASSWORD)
            .get("/api/audit/streams/conference-" + id + "/state")
            .statusCode());
  }

  @Test
  void theTrailIsSearchableAndExportsAsCsvAndJson() {
    String id = conference();
    HttpResponse<String> published =
        Http.as(staff, PASSWORD).postJson("/api/conferences/" + id + "/publish", "");
    long position = Http.object(published).getJsonNumber("position").longValue();
    HttpResponse<String> page =
        Http.as(auditor, PASSWORD)
            .get("/api/audit/events?streamId=conference-" + id + "&atLeast=" + position);
    assertEquals(200, page.statusCode(), page.body());
    JsonObject result = Http.object(page);
    assertEquals(3, result.getJsonArray("items").size());
    assertTrue(result.isNull("next"), "one page holds them all");
    JsonObject byUser =
        Http.object(
            Http.as(auditor, PASSWORD)
                .get(
                    "/api/audit/events?streamId=conference-"
                        + id
                        + "&user="
                        + staff
                        + "&type=ConferencePublished"));
    assertEquals(1, byUser.getJsonArray("items").size());

    HttpResponse<String> csv =
        Http.as(auditor, PASSWORD)
            .get("/api/audit/events?streamId=conference-" + id + "&format=csv");
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    String[] lines = csv.body().split("\r\n");
    assertEquals(4, lines.length, csv.body());
    assertTrue(lines[0].startsWith("globalPosition,streamId"));
    assertTrue(lines[1].contains("ConferencePublished"));

    HttpResponse<String> json =
        Http.as(auditor, PASSWORD)
            .get("/api/audit/events?streamId=conference-" + id + "&format=json");
    assertEquals(3, ((JsonArray) Http.json(json)).size());
    assertEquals(400, Http.as(auditor, PASSWORD).get("/api/audit/events?format=xml").statusCode());
    assertEquals(
        403, Http.as(staff, PASSWORD).get("/api/audit/events").statusCode(), "staff do not audit");
  }

  @Test
  void aVerificationIsKeptWithWhenWhatAndWho() {
    String id = conference();
    HttpResponse<String> verified =
        Http.as(auditor, PASSWORD).postJson("/api/audit/verify?streamId=conference-" + id, "");
    assertEquals(200, verified.statusCode(), verified.body());
    JsonObject result = Http.object(verified);
    assertTrue(result.getBoolean("ok"));
    assertEquals(2, result.getInt("checkedEvents"));
    JsonArray kept =
        (JsonArray) Http.json(Http.as(auditor, PASSWORD).get("/api/audit/verifications?limit=5"));
    JsonObject newest = kept.getJsonObject(0);
    assertEquals(result.getString("id"), newest.getString("id"));
    assertEquals(auditor, newest.getString("requestedBy"));
    assertEquals("stream conference-" + id, newest.getString("scope"));
  }

  @Test
  void aVerificationStartedInTheBackgroundTellsHowFarItHasComeThenItsResult() throws Exception {
    String id = conference();
    Http api = Http.as(auditor, PASSWORD);
    HttpResponse<String> started =
        api.postJson("/api/audit/verifications?streamId=conference-" + id, "");
    assertEquals(202, started.statusCode(), started.body());
    JsonObject run = Http.object(started);
    assertEquals(2, run.getInt("totalEvents"), "the stream's length when it started");
    assertEquals("stream conference-" + id, run.getString("scope"));
    String location = started.headers().firstValue("Location").orElseThrow();
    assertTrue(location.endsWith("/api/audit/verifications/" + run.getString("id")), location);

    JsonObject polled = Http.object(api.get(location.substring(location.indexOf("/api/"))));
    for (int i = 0; i < 100 && polled.isNull("result"); i++) {
      Thread.sleep(100);
      polled = Http.object(api.get("/api/audit/verifications/" + run.getString("id")));
    }
    JsonObject result = polled.getJsonObject("result");
    assertTrue(result.getBoolean("ok"), polled.toString());
    assertEquals(2, result.getInt("checkedEvents"));
    assertEquals(2, polled.getInt("checkedEvents"));
    assertEquals(auditor, result.getString("requestedBy"));

    assertEquals(404, api.get("/api/audit/verifications/no-such-run").statusCode());
    Http staffApi = Http.as(staff, PASSWORD);
    assertEquals(403, staffApi.get(location.substring(location.indexOf("/api/"))).statusCode());
    assertEquals(403, staffApi.postJson("/api/audit/verifications", "").statusCode());
  }

  @Test
  void verifyingAStreamThatDoesNotExistIsNotFoundRatherThanOk() {
    Http api = Http.as(auditor, PASSWORD);
    for (String call :
        List.of(
            "/api/audit/verify?streamId=booking-never",
            "/api/audit/verifications?streamId=booking-never",
            "/api/admin/verify?streamId=booking-never")) {
      HttpResponse<String> answer = api.postJson(call, "");
      assertEquals(404, answer.statusCode(), call + ": " + answer.body());
      assertEquals(
          "There is no stream 'booking-never'.", Http.object(answer).getString("detail"), call);
    }
  }

  private static String conference() {
    HttpResponse<String> created =
        Http.as(staff, PASSWORD)
            .postJson(
                "/api/conferences",
                "{\"name\":\"Audited\",\"slug\":\"aud-"
                    + UUID.randomUUID().toString().substring(0, 8)
                    + "\",\"startsOn\":\"2027-05-04\",\"endsOn\":\"2027-05-06\",\"venue\":\"Brno\"}");
    assertEquals(201, created.statusCode(), created.body());
    String id = Http.object(created).getString("id");
    assertEquals(
        201,
        Http.as(staff, PASSWORD)
            .postJson(
                "/api/conferences/" + id + "/seat-types",
                "{\"code\":\"standard\",\"name\":\"Standard\",\"quantity\":10,\"price\":10,\"currency\":\"EUR\"}")
            .statusCode());
    return id;
  }

  private static String user(String role) {
    return Setup.user(role, PASSWORD);
  }
}
