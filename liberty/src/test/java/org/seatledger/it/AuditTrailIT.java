package org.seatledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an auditor's pages stand on: long histories paged by version, time travel and comparisons,
 * keyset search while the log grows, the causation chain of a request, and digests to keep.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditTrailIT {

  private static final String PASSWORD = "auditor-passphrase-2";
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"?next\"?");
  private static String staff;
  private static String auditor;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ClientDeployment.marker("audit-trail-it");
  }

  @BeforeAll
  static void users() throws InterruptedException {
    Server.awaitReady();
    staff = Setup.user("staff", PASSWORD);
    auditor = Setup.user("auditor", PASSWORD);
  }

  private static Http staff() {
    return Http.as(staff, PASSWORD);
  }

  private static Http auditor() {
    return Http.as(auditor, PASSWORD);
  }

  /** A published conference whose seat quantity was then changed {@code changes} times. */
  private static String conferenceChanged(int changes) {
    String id = Setup.publishedConference(staff(), 10);
    for (int i = 1; i <= changes; i++) {
      HttpResponse<String> changed =
          staff()
              .command(
                  "PUT",
                  "/api/conferences/" + id + "/seat-types/standard/quantity",
                  "{\"quantity\":" + (10 + i) + "}",
                  null);
      assertEquals(200, changed.statusCode(), changed.body());
    }
    return id;
  }

  /** Every page of a history, following the Link headers, each page's entries in order. */
  private static List<JsonObject> allPages(String streamId, int limit, List<Integer> sizes) {
    List<JsonObject> entries = new ArrayList<>();
    String next = "/api/audit/streams/" + streamId + "/history?limit=" + limit;
    while (next != null) {
      HttpResponse<String> page = auditor().get(next);
      assertEquals(200, page.statusCode(), page.body());
      JsonArray items = (JsonArray) Http.json(page);
      sizes.add(items.size());
      entries.addAll(items.getValuesAs(JsonObject.class));
      next = page.headers().firstValue("Link").map(AuditTrailIT::nextPath).orElse(null);
    }
    return entries;
  }

  private static String nextPath(String link) {
    Matcher m = NEXT.matcher(link);
    if (!m.find()) {
      return null;
    }
    String uri = m.group(1);
    return uri.substring(uri.indexOf("/api/"));
  }

  @Test
  void anAuditorPagesALongHistoryAndSeesEveryChangeOnceNewestFirst() {
    String id = conferenceChanged(300);
    String stream = "conference-" + id;
    List<Integer> sizes = new ArrayList<>();

    List<JsonObject> history = allPages(stream, 50, sizes);

    List<Long> versions =
        history.stream().map(e -> e.getJsonNumber("streamVersion").longValue()).toList();
    long newest = versions.get(0);
    assertEquals(303, newest, "created, a seat type, published and 300 changes");
    List<Long> expected = new ArrayList<>();
    for (long v = newest; v >= 1; v--) {
      expected.add(v);
    }
    assertEquals(expected, versions, "every version once, newest first");
    assertEquals(List.of(50, 50, 50, 50, 50, 50, 3), sizes);
    JsonObject newestChange = history.get(0);
    assertEquals(staff, newestChange.getString("recordedBy"));
    assertEquals(
        "seatTypes.standard.quantity",
        newestChange.getJsonArray("changes").getJsonObject(0).getString("field"));
    assertEquals(310, newestChange.getJsonArray("changes").getJsonObject(0).getInt("after"));
  }

  @Test
  void theStateAtAVersionIsTheReplayOfEveryChangeUpToIt() {
    String id = conferenceChanged(150);
    for (String stream : List.of("conference-" + id, "seats-" + id)) {
      List<JsonObject> history = new ArrayList<>(allPages(stream, 50, new ArrayList<>()));
      java.util.Collections.reverse(history);
      Map<String, String> replayed = new TreeMap<>();
      for (JsonObject change : history) {
        for (JsonObject field : change.getJsonArray("changes").getValuesAs(JsonObject.class)) {
          if (field.isNull("after")) {
            replayed.remove(field.getString("field"));
          } else {
            replayed.put(field.getString("field"), plain(field.get("after")));
          }
        }
        long version = change.getJsonNumber("streamVersion").longValue();
        if (version % 37 == 0 || version == history.size()) {
          JsonObject state =
              Http.object(
                  auditor().get("/api/audit/streams/" + stream + "/state?version=" + version));
          assertEquals(version, state.getJsonNumber("streamVersion").longValue());
          Map<String, String> shown = new TreeMap<>();
          state.getJsonObject("state").forEach((k, v) -> shown.put(k, plain(v)));
          assertEquals(replayed, shown, stream + " at version " + version);
        }
      }
    }
  }

  @Test
  void comparingABookingBeforeAndAfterItsConfirmationShowsHeldToConfirmed() {
    String conference = Setup.publishedConference(staff(), 10);
    String booking = book(conference, null).getString("id");
    HttpResponse<String> confirmed =
        staff()
            .postJson(
                "/api/bookings/" + booking + "/confirm",
                "{\"paymentReference\":\"PAY-42\",\"amount\":20,\"currency\":\"EUR\"}");
    assertEquals(200, confirmed.statusCode(), confirmed.body());

    HttpResponse<String> compared =
        auditor().get("/api/audit/streams/booking-" + booking + "/state?compare=1,2");

    assertEquals(200, compared.statusCode(), compared.body());
    JsonObject comparison = Http.object(compared);
    assertEquals(
        "HELD", comparison.getJsonObject("first").getJsonObject("state").getString("status"));
    assertEquals(
        "CONFIRMED", comparison.getJsonObject("second").getJsonObject("state").getString("status"));
    JsonObject status =
        comparison.getJsonArray("changes").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("field").equals("status"))
            .findFirst()
            .orElseThrow();
    assertEquals("HELD", status.getString("before"));
    assertEquals("CONFIRMED", status.getString("after"));
    JsonObject before =
        Http.object(auditor().get("/api/audit/streams/booking-" + booking + "/state?version=1"));
    assertEquals("HELD", before.getJsonObject("state").getString("status"));
  }

  @Test
  void keysetSearchPagesWithoutDuplicatesOrGapsWhileNewEventsArrive() {
    String writer = Setup.user("staff", PASSWORD);
    Http asWriter = Http.as(writer, PASSWORD);
    String id = Setup.publishedConference(asWriter, 10);
    long last = 0;
    for (int i = 1; i <= 12; i++) {
      last = quantity(asWriter, id, 20 + i);
    }
    String search = "/api/audit/events?user=" + writer + "&size=5";
    JsonObject first = Http.object(auditor().get(search + "&atLeast=" + last));
    List<Long> seen = new ArrayList<>();
    JsonObject page = first;
    int round = 0;
    while (true) {
      page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
          .map(e -> e.getJsonNumber("globalPosition").longValue())
          .forEach(seen::add);
      if (page.isNull("next")) {
        break;
      }
      quantity(asWriter, id, 100 + round++); // the log grows between two pages
      page =
          Http.object(auditor().get(search + "&after=" + page.getJsonNumber("next").longValue()));
    }

    long top = seen.get(0);
    List<Long> expected =
        all("/api/audit/events?user=" + writer + "&size=500").stream()
            .filter(p -> p <= top)
            .toList();
    assertEquals(expected, seen, "each once, newest first, none left out");
    assertEquals(new HashSet<>(seen).size(), seen.size());
    assertTrue(seen.size() >= 15, "the set-up and the 12 changes: " + seen.size());
    JsonObject byText =
        Http.object(
            auditor()
                .get("/api/audit/events?streamId=conference-" + id + "&q=CHANGED%20THE&size=500"));
    assertTrue(byText.getJsonArray("items").size() >= 12, "free text ignores case");
  }

  @Test
  void freeTextFindsItsFewHitsAmongManyEventsPageByPage() {
    String id = Setup.publishedConference(staff(), 10);
    long last = 0;
    for (int round = 1; round <= 3; round++) {
      quantity(staff(), id, 9130 + round);
      for (int i = 1; i <= 30; i++) {
        last = quantity(staff(), id, 40 + i); // the first: "... seats from 913<round> to 41"
      }
    }
    for (String filter : List.of("", "&streamId=conference-" + id, "&user=" + staff)) {
      String search = "/api/audit/events?q=FROM%20913" + filter + "&size=2";
      JsonObject first = Http.object(auditor().get(search + "&atLeast=" + last));
      assertEquals(
          List.of("from 9133 to 41", "from 9132 to 41"),
          found(first),
          "the two newest hits fill the page: " + filter);
      JsonObject second =
          Http.object(auditor().get(search + "&after=" + first.getJsonNumber("next").longValue()));
      assertEquals(List.of("from 9131 to 41"), found(second), "then the oldest: " + filter);
      assertTrue(second.isNull("next"), "and no page after it: " + filter);
    }
  }

  /** The end of each hit's summary from "from" on. */
  private static List<String> found(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("summary"))
        .map(summary -> summary.substring(summary.indexOf("from ")))
        .toList();
  }

  @Test
  void anExportIsNamedAfterItsSearch() {
    HttpResponse<String> csv = auditor().get("/api/audit/events?user=" + staff + "&format=csv");
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(
        csv.headers()
            .firstValue("Content-Disposition")
            .orElse("")
            .contains("audit_user-" + staff + ".csv"),
        csv.headers().map().toString());
  }

  @Test
  void theCausationExplorerShowsABookingsCommandEventsCompensationAndReadModels() {
    String conference = Setup.publishedConference(staff(), 10);
    String correlation = "it-" + UUID.randomUUID();
    JsonObject booked = book(conference, correlation);
    long position = booked.getJsonNumber("position").longValue();
    String booking = booked.getString("id");
    auditor().get("/api/audit/events?size=1&atLeast=" + position);

    JsonObject chain = Http.object(auditor().get("/api/audit/correlations/" + correlation));

    assertEquals(staff, chain.getString("requestedBy"));
    assertNotNull(chain.getString("requestedAt"));
    JsonArray commands = chain.getJsonArray("commands");
    assertEquals(1, commands.size(), chain.toString());
    List<String> events =
        commands.getJsonObject(0).getJsonArray("events").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("type") + " " + e.getString("streamId"))
            .toList();
    assertTrue(events.contains("BookingPlaced booking-" + booking), events.toString());
    assertTrue(events.contains("SeatsReserved seats-" + conference), events.toString());
    List<Long> positions =
        commands.getJsonObject(0).getJsonArray("events").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getJsonNumber("globalPosition").longValue())
            .toList();
    assertTrue(positions.contains(position), positions + " holds " + position);
    JsonObject trail = readModel(chain, "audit.trail");
    assertTrue(trail.getBoolean("applied"), trail.toString());
    for (JsonObject model : chain.getJsonArray("readModels").getValuesAs(JsonObject.class)) {
      long checkpoint = model.getJsonNumber("checkpoint").longValue();
      assertEquals(
          positions.stream().filter(p -> p > checkpoint).toList(),
          model.getJsonArray("pending").getValuesAs(JsonNumber.class).stream()
              .map(JsonNumber::longValue)
              .toList(),
          model.toString());
    }

    HttpResponse<String> cancelled =
        staff().postJson("/api/bookings/" + booking + "/cancel", "{\"reason\":\"changed plans\"}");
    assertEquals(200, cancelled.statusCode(), cancelled.body());
    auditor()
        .get(
            "/api/audit/events?size=1&atLeast=" + Http.object(cancelled).getJsonNumber("position"));
    JsonObject later = Http.object(auditor().get("/api/audit/correlations/" + correlation));
    List<String> compensation =
        later.getJsonArray("compensations").getValuesAs(JsonObject.class).stream()
            .flatMap(c -> c.getJsonArray("events").getValuesAs(JsonObject.class).stream())
            .map(e -> e.getString("type"))
            .toList();
    assertTrue(compensation.contains("BookingCancelled"), compensation.toString());
    assertTrue(compensation.contains("SeatsReleased"), compensation.toString());

    JsonObject fromEvent =
        Http.object(auditor().get("/api/audit/events/" + position + "/causation"));
    assertEquals(correlation, fromEvent.getString("correlationId"));
    assertEquals(404, auditor().get("/api/audit/correlations/no-such-" + correlation).statusCode());
  }

  @Test
  void aDigestDownloadsAndItsCheckPassesAndAnAlteredOneFails() {
    HttpResponse<String> digest = auditor().get("/api/audit/digest");
    assertEquals(200, digest.statusCode(), digest.body());
    JsonObject kept = Http.object(digest);
    assertTrue(kept.getString("fingerprint").startsWith(kept.getJsonNumber("position") + ":"));
    assertTrue(
        digest
            .headers()
            .firstValue("Content-Disposition")
            .orElse("")
            .contains("seatledger-digest-"));

    JsonObject check = Http.object(auditor().postJson("/api/audit/digest/verify", kept.toString()));
    assertTrue(check.getBoolean("ok"), check.toString());

    String tampered = kept.getString("digest");
    tampered = (tampered.charAt(0) == '0' ? "1" : "0") + tampered.substring(1);
    JsonObject altered =
        jakarta.json.Json.createObjectBuilder(kept).add("digest", tampered).build();
    JsonObject failed =
        Http.object(auditor().postJson("/api/audit/digest/verify", altered.toString()));
    assertFalse(failed.getBoolean("ok"), failed.toString());

    HttpResponse<String> negative =
        auditor()
            .postJson(
                "/api/audit/digest/verify",
                jakarta.json.Json.createObjectBuilder(kept).add("position", -1).build().toString());
    assertEquals(400, negative.statusCode(), negative.body());
    assertTrue(negative.body().contains("position"), negative.body());
  }

  @Test
  void badInputGetsASentenceAndStaffAreRefused() {
    String id = Setup.publishedConference(staff(), 10);
    String stream = "/api/audit/streams/conference-" + id;
    Map<String, String> bad =
        Map.of(
            stream + "/history?limit=0",
            "limit",
            stream + "/history?beforeVersion=abc",
            "beforeVersion",
            stream + "/state?compare=1",
            "compare",
            stream + "/state?version=-1",
            "version",
            stream + "/state?version=1&asOf=2027-01-01T00:00:00Z",
            "one of",
            "/api/audit/events?page=2",
            "cursor",
            "/api/audit/events?size=501",
            "size",
            "/api/audit/events?from=2027-01-02T00:00:00Z&to=2027-01-01T00:00:00Z",
            "before");
    bad.forEach(
        (path, word) -> {
          HttpResponse<String> answer = auditor().get(path);
          assertEquals(400, answer.statusCode(), path + " " + answer.body());
          assertTrue(
              answer.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
          assertTrue(answer.body().contains(word), path + " " + answer.body());
        });
    assertEquals(404, auditor().get("/api/audit/streams/no-such-stream/history").statusCode());
    for (String path :
        List.of(
            stream + "/history",
            stream + "/state?version=1",
            "/api/audit/events",
            "/api/audit/correlations/x",
            "/api/audit/events/1/causation",
            "/api/audit/digest")) {
      assertEquals(403, staff().get(path).statusCode(), path);
    }
    assertEquals(403, staff().postJson("/api/audit/digest/verify", "{}").statusCode());
  }

  private static JsonObject readModel(JsonObject chain, String name) {
    return chain.getJsonArray("readModels").getValuesAs(JsonObject.class).stream()
        .filter(m -> m.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + chain));
  }

  private static List<Long> all(String search) {
    JsonObject page = Http.object(auditor().get(search));
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getJsonNumber("globalPosition").longValue())
        .toList();
  }

  private static long quantity(Http who, String conference, int quantity) {
    HttpResponse<String> changed =
        who.command(
            "PUT",
            "/api/conferences/" + conference + "/seat-types/standard/quantity",
            "{\"quantity\":" + quantity + "}",
            null);
    assertEquals(200, changed.statusCode(), changed.body());
    return Http.object(changed).getJsonNumber("position").longValue();
  }

  /** A booking of two seats, with the correlation id when given; the answer. */
  private static JsonObject book(String conference, String correlationId) {
    Http http = staff();
    HttpRequest.Builder request =
        http.request("/api/conferences/" + conference + "/bookings")
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"registrant\":{\"name\":\"Ada\",\"email\":\"ada@example.org\"},"
                        + "\"seats\":{\"standard\":2}}"));
    if (correlationId != null) {
      request.header("X-Correlation-ID", correlationId);
    }
    HttpResponse<String> booked = http.send(request);
    assertEquals(201, booked.statusCode(), booked.body());
    return Http.object(booked);
  }

  /** A JSON value as text, numbers without trailing zeros, so 10 and 10.00 compare equal. */
  private static String plain(JsonValue value) {
    if (value instanceof JsonNumber n) {
      return n.bigDecimalValue().stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }
}
