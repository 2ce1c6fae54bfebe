package org.seatledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Staff working through the JSON API: conferences, seat types, bookings, the rules. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BookingApiIT {

  private static final String PASSWORD = "staff-member-passphrase";
  private static String staff;
  private static String auditor;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ClientDeployment.marker("booking-api-it");
  }

  @BeforeAll
  static void users() throws InterruptedException {
    Server.awaitReady();
    staff = user("staff");
    auditor = user("auditor");
  }

  @Test
  void aBookingGoesFromHeldToConfirmedToCancelledAndTheSeatsFollow() {
    String conference = publishedConference(10, "100.00");
    HttpResponse<String> placed = book(conference, 2, null);
    assertEquals(201, placed.statusCode(), placed.body());
    JsonObject booking = Http.object(placed);
    assertEquals("HELD", booking.getString("status"));
    assertEquals(
        0,
        booking
            .getJsonNumber("total")
            .bigDecimalValue()
            .compareTo(new java.math.BigDecimal("200")));
    Instant holdUntil = Instant.parse(booking.getString("holdUntil"));
    assertTrue(
        holdUntil.isAfter(Instant.now().plus(Duration.ofMinutes(14))), "held for 15 minutes");
    assertTrue(booking.getInt("position") > 0, "the command's global position");
    String id = booking.getString("id");
    assertTrue(placed.headers().firstValue("Location").orElse("").endsWith("/api/bookings/" + id));
    assertSeats(conference, 2, 0, 8);

    JsonObject read = Http.object(as(staff).get("/api/bookings/" + id));
    assertEquals("Ada Lovelace", read.getString("registrantName"));
    assertEquals("HELD", read.getString("status"));

    HttpResponse<String> underpaid =
        as(staff)
            .postJson(
                "/api/bookings/" + id + "/confirm",
                "{\"paymentReference\":\"PAY-1\",\"amount\":150.00}");
    assertEquals(400, underpaid.statusCode());
    assertTrue(Http.object(underpaid).getString("detail").contains("does not match"));

    HttpResponse<String> paid =
        as(staff)
            .postJson(
                "/api/bookings/" + id + "/confirm",
                "{\"paymentReference\":\"PAY-1\",\"amount\":200.00}");
    assertEquals(200, paid.statusCode(), paid.body());
    assertEquals("CONFIRMED", Http.object(paid).getString("status"));
    assertSeats(conference, 0, 2, 8);

    HttpResponse<String> named =
        as(staff)
            .postJson(
                "/api/bookings/" + id + "/attendees",
                "{\"attendees\":[{\"seatType\":\"standard\",\"name\":\"Grace Hopper\",\"email\":\"grace@example.org\"}]}");
    assertEquals(200, named.statusCode(), named.body());
    JsonArray attendees =
        Http.object(as(staff).get("/api/bookings/" + id)).getJsonArray("attendees");
    assertEquals("Grace Hopper", attendees.getJsonObject(0).getString("name"));

    HttpResponse<String> cancelled =
        as(staff).postJson("/api/bookings/" + id + "/cancel", "{\"reason\":\"travel ban\"}");
    assertEquals(200, cancelled.statusCode(), cancelled.body());
    assertSeats(conference, 0, 0, 10);
    long cancelledAt = Http.object(cancelled).getJsonNumber("position").longValue();
    JsonObject listed =
        Http.object(
            as(staff)
                .get(
                    "/api/bookings?conferenceId="
                        + conference
                        + "&q=LOVELACE&atLeast="
                        + cancelledAt));
    assertEquals(1, listed.getInt("total"), "found by the registrant's name, any case");
    assertEquals("CANCELLED", listed.getJsonArray("items").getJsonObject(0).getString("status"));
    assertEquals(
        0,
        Http.object(as(staff).get("/api/bookings?conferenceId=" + conference + "&status=HELD"))
            .getInt("total"));
    assertEquals(400, as(staff).get("/api/bookings?sort=colour").statusCode());
    JsonArray history =
        (JsonArray) Http.json(Http.admin().get("/api/streams/booking-" + id + "/events"));
    JsonObject last = history.getJsonObject(history.size() - 1);
    assertEquals("BookingCancelled", last.getString("type"));
    assertEquals(
        "travel ban",
        last.getJsonObject("data").getString("reason"),
        "the reason is recorded in the event, as personal data");
    assertTrue(last.isNull("reason"), "and not in clear in the metadata: " + last);
    assertEquals(staff, last.getString("recordedBy"), "and who did it");
  }

  @Test
  void sixtyFourConcurrentBookingsForFiftySeatsHoldExactlyFifty() throws Exception {
    String conference = publishedConference(50, "50.00");
    long eventsBefore = seatEvents(conference);
    ExecutorService clients = Executors.newFixedThreadPool(64);
    List<Future<HttpResponse<String>>> attempts = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      attempts.add(clients.submit(() -> book(conference, 1, null)));
    }
    int held = 0;
    for (Future<HttpResponse<String>> attempt : attempts) {
      HttpResponse<String> response = attempt.get();
      if (response.statusCode() == 201) {
        held++;
      } else {
        assertEquals(409, response.statusCode(), response.body());
        assertTrue(Http.object(response).getString("detail").contains("left"), response.body());
      }
    }
    clients.shutdown();
    assertEquals(50, held, "exactly the fifty seats there are; no 5xx");
    assertSeats(conference, 50, 0, 0);
    assertEquals(
        eventsBefore + 50, seatEvents(conference), "one SeatsReserved per accepted booking");
  }

  /** Bad input, each with its status; nothing is appended for any of them. */
  @Test
  void badInputIsRefusedWithItsStatusAndAppendsNothing() {
    String conference = publishedConference(5, "10.00");
    String path = "/api/conferences/" + conference + "/bookings";
    String ok =
        "{\"registrant\":{\"name\":\"Ada\",\"email\":\"ada@example.org\"},\"seats\":{\"standard\":1}}";
    Object[][] cases = {
      {
        path,
        "{\"registrant\":{\"name\":\"\",\"email\":\"ada@example.org\"},\"seats\":{\"standard\":1}}",
        400,
        "name"
      },
      {
        path,
        "{\"registrant\":{\"name\":\""
            + "x".repeat(201)
            + "\",\"email\":\"ada@example.org\"},\"seats\":{\"standard\":1}}",
        400,
        "name"
      },
      {
        path,
        "{\"registrant\":{\"name\":\"Ada\",\"email\":\"ada-at-example\"},\"seats\":{\"standard\":1}}",
        400,
        "e-mail"
      },
      {
        path,
        "{\"registrant\":{\"name\":\"Ada\",\"email\":\"ada@example.org\"},\"seats\":{\"standard\":0}}",
        400,
        "seats[standard] must be greater than 0"
      },
      {
        path,
        "{\"registrant\":{\"name\":\"Ada\",\"email\":\"ada@example.org\"},\"seats\":{\"standard\":-2}}",
        400,
        "seats"
      },
      {
        path,
        "{\"registrant\":{\"name\":\"Ada\",\"email\":\"ada@example.org\"},\"seats\":{}}",
        400,
        "seats"
      },
      {
        path,
        "{\"registrant\":{\"name\":\"Ada\",\"email\":\"ada@example.org\"},\"seats\":{\"balcony\":1}}",
        400,
        "balcony"
      },
      {path, "{\"registrant\":", 400, "JSON"},
      // strict JSON: what JSON-B alone would have turned into something else
      {
        path,
        "{\"registrant\":{\"name\":\"Ada\",\"email\":\"ada@example.org\"},\"seats\":{\"standard\":1.5}}",
        400,
        "seats[standard] must be a whole number"
      },
      {
        path,
        "{\"registrant\":{\"name\":\"Ada\",\"email\":\"ada@example.org\"},\"seats\":{\"standard\":\"2\"}}",
        400,
        "seats[standard] must be a whole number"
      },
      {
        path,
        "{\"registrant\":{\"name\":\"Ada\",\"email\":\"ada@example.org\"},\"seats\":{\"standard\":1e0}}",
        400,
        "seats[standard] must be a whole number"
      },
      {
        path,
        "{\"registrant\":{\"name\":\"Ada\",\"email\":\"ada@example.org\",\"phone\":\"1\"},"
            + "\"seats\":{\"standard\":1}}",
        400,
        "registrant.phone is not a field"
      },
      {
        path,
        "{\"registrant\":{\"name\":\"Ada\\u0000\",\"email\":\"ada@example.org\"},\"seats\":{\"standard\":1}}",
        400,
        "control character"
      },
      {
        path,
        "{\"registrant\":{\"name\":\"Ada\",\"email\":\"ada@example.org\"},"
            + "\"seats\":{\"standard\":1,\"standard\":2}}",
        400,
        "'standard' twice"
      },
      {path, "{\"seats\":{\"standard\":1}}", 400, "registrant"},
      {
        path,
        "{\"registrant\":{\"name\":\"Ada\",\"email\":\"ada@example.org\"},\"seats\":{\"standard\":6}}",
        409,
        "left"
      },
      {"/api/conferences/no-such-conference/bookings", ok, 404, "conference"},
      {"/api/bookings/no-such-booking/cancel", "{\"reason\":\"x\"}", 404, "booking"},
      {
        "/api/conferences/" + conference + "/seat-types",
        "{\"code\":\"VIP!\",\"name\":\"V\",\"quantity\":1,\"price\":1,\"currency\":\"EUR\"}",
        400,
        "code"
      },
      {
        "/api/conferences/" + conference + "/seat-types",
        "{\"code\":\"vip\",\"name\":\"V\",\"quantity\":-1,\"price\":1,\"currency\":\"EUR\"}",
        400,
        "quantity"
      },
      {
        "/api/conferences/" + conference + "/seat-types",
        "{\"code\":\"vip\",\"name\":\"V\",\"quantity\":1,\"price\":1.001,\"currency\":\"EUR\"}",
        400,
        "price"
      },
      {
        "/api/conferences/" + conference + "/seat-types",
        "{\"code\":\"vip\",\"name\":\"V\",\"quantity\":1,\"price\":1,\"currency\":\"EURO\"}",
        400,
        "currency"
      },
    };
    long before = seatEvents(conference);
    for (Object[] c : cases) {
      HttpResponse<String> response = as(staff).postJson((String) c[0], (String) c[1]);
      assertEquals(c[2], response.statusCode(), c[1] + " -> " + response.body());
      String detail = Http.object(response).getString("detail");
      assertTrue(
          detail.toLowerCase().contains(((String) c[3]).toLowerCase()), c[1] + " -> " + detail);
    }
    HttpResponse<String> text =
        as(staff)
            .send(
                as(staff)
                    .request(path)
                    .header("Content-Type", "text/plain")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(ok)));
    assertEquals(415, text.statusCode());
    byte[] latin1 =
        "{\"registrant\":{\"name\":\"Zoë\",\"email\":\"zoe@example.org\"},\"seats\":{\"standard\":1}}"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    HttpResponse<String> notUtf8 =
        as(staff)
            .send(
                as(staff)
                    .request(path)
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(latin1)));
    assertEquals(400, notUtf8.statusCode(), notUtf8.body());
    assertTrue(notUtf8.body().contains("UTF-8"), notUtf8.body());
    HttpResponse<String> huge =
        as(staff).postJson(path, "{\"registrant\":{\"name\":\"" + "x".repeat(70_000) + "\"}}");
    assertEquals(413, huge.statusCode());
    assertEquals(before, seatEvents(conference), "nothing was appended");
  }

  @Test
  void staffCannotErasePeople() {
    assertEquals(403, as(staff).postJson("/api/subjects/anyone/erase", "").statusCode());
  }

  private static long seatEvents(String conference) {
    return ((JsonArray) Http.json(Http.admin().get("/api/streams/seats-" + conference + "/events")))
        .size();
  }

  @Test
  void theSameIdempotencyKeyPlacesOneBooking() {
    String conference = publishedConference(5, "10.00");
    String key = "key-" + UUID.randomUUID();
    HttpResponse<String> first = book(conference, 2, key);
    HttpResponse<String> again = book(conference, 2, key);
    assertEquals(201, first.statusCode());
    assertEquals(Http.object(first).getString("id"), Http.object(again).getString("id"));
    assertEquals(Http.object(first).getInt("position"), Http.object(again).getInt("position"));
    assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(""));
    assertSeats(conference, 2, 0, 3);
    // the repeat is found by its key, not by its id: the booking's id is new and sorts by time, so
    // its stream and rows go in at the end of their indexes (TimeOrderedIds, version 7)
    UUID id = UUID.fromString(Http.object(first).getString("id"));
    assertEquals(7, id.version(), id.toString());
    assertTrue(
        Math.abs((id.getMostSignificantBits() >>> 16) - System.currentTimeMillis()) < 600_000,
        id + " was made more than ten minutes from now");
  }

  @Test
  void aRepeatedBookingIsAnsweredAsTheFirstAlsoWhenNoSeatIsLeftForIt() {
    String conference = publishedConference(2, "10.00");
    String key = "key-" + UUID.randomUUID();
    HttpResponse<String> first = book(conference, 2, key);
    assertEquals(201, first.statusCode(), first.body());
    // decided again, the repeat would be refused (no seat left): it must get the first answer
    HttpResponse<String> again = book(conference, 2, key);
    assertEquals(201, again.statusCode(), again.body());
    assertEquals(Http.object(first).getString("id"), Http.object(again).getString("id"));
    assertEquals(Http.object(first).getInt("position"), Http.object(again).getInt("position"));
    assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(""));
    assertEquals(409, book(conference, 1, null).statusCode(), "and the seats stay taken");
    assertSeats(conference, 2, 0, 0);
  }

  @Test
  void anIdempotencyKeyBelongsToTheUserWhoSentIt() {
    String conference = publishedConference(5, "10.00");
    String key = "order-" + UUID.randomUUID();
    String colleague = user("staff");
    String body =
        "{\"registrant\":{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.org\"},"
            + "\"seats\":{\"standard\":1}}";
    String path = "/api/conferences/" + conference + "/bookings";

    HttpResponse<String> mine = as(staff).postJson(path, body, key);
    HttpResponse<String> theirs = as(colleague).postJson(path, body, key);

    assertEquals(201, mine.statusCode(), mine.body());
    assertEquals(201, theirs.statusCode(), theirs.body());
    assertNotEquals(Http.object(mine).getString("id"), Http.object(theirs).getString("id"));
    assertTrue(theirs.headers().firstValue("Idempotent-Replayed").isEmpty(), "not a replay");
    assertSeats(conference, 2, 0, 3);

    HttpResponse<String> bad = as(staff).postJson(path, body, "has spaces in it");
    assertEquals(400, bad.statusCode(), bad.body());
    assertTrue(Http.object(bad).getString("detail").contains("Idempotency-Key"), bad.body());
    assertSeats(conference, 2, 0, 3);
  }

  @Test
  void theRulesAnswerWithASentenceAndStoreNothing() {
    String conference = publishedConference(4, "10.00");
    String slug = Http.object(as(staff).get("/api/conferences/" + conference)).getString("slug");
    HttpResponse<String> sameSlug = as(staff).postJson("/api/conferences", conferenceJson(slug));
    assertEquals(409, sameSlug.statusCode());
    assertTrue(Http.object(sameSlug).getString("detail").contains("taken"));

    assertEquals(
        400,
        as(staff)
            .postJson(
                "/api/conferences/" + conference + "/bookings",
                "{\"registrant\":{\"name\":\"Ada\",\"email\":\"not-an-email\"},\"seats\":{\"standard\":1}}")
            .statusCode());
    assertEquals(
        400,
        as(staff)
            .postJson(
                "/api/conferences/" + conference + "/bookings",
                "{\"registrant\":{\"name\":\"Ada\",\"email\":\"ada@example.org\"},\"seats\":{\"balcony\":1}}")
            .statusCode());
    assertEquals(
        400,
        as(staff)
            .postJson(
                "/api/conferences",
                "{\"name\":\"X\",\"slug\":\"x-"
                    + shortId()
                    + "\",\"startsOn\":\"2027-13-45\",\"endsOn\":\"2027-05-06\",\"venue\":\"V\"}")
            .statusCode());
    assertEquals(400, as(staff).postJson("/api/conferences", "").statusCode());
    assertEquals(
        404, as(staff).postJson("/api/conferences/no-such-conference/publish", "").statusCode());

    book(conference, 3, null);
    HttpResponse<String> shrink =
        as(staff)
            .send(
                as(staff)
                    .request("/api/conferences/" + conference + "/seat-types/standard/quantity")
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"quantity\":2}")));
    assertEquals(409, shrink.statusCode(), shrink.body());
    assertTrue(Http.object(shrink).getString("detail").contains("3 seats"));
    assertSeats(conference, 3, 0, 1);

    assertEquals(
        200, as(staff).postJson("/api/conferences/" + conference + "/unpublish", "").statusCode());
    HttpResponse<String> closed = book(conference, 1, null);
    assertEquals(409, closed.statusCode());
    assertTrue(Http.object(closed).getString("detail").contains("not published"));
  }

  @Test
  void auditorsReadButDoNotBook() {
    String conference = publishedConference(3, "10.00");
    assertEquals(
        403,
        as(auditor)
            .postJson(
                "/api/conferences/" + conference + "/bookings",
                "{\"registrant\":{\"name\":\"Ada\",\"email\":\"ada@example.org\"},\"seats\":{\"standard\":1}}")
            .statusCode());
    assertEquals(
        200, as(auditor).get("/api/conferences/" + conference + "/availability").statusCode());
    JsonArray all = (JsonArray) Http.json(as(auditor).get("/api/conferences"));
    assertTrue(
        all.getValuesAs(JsonObject.class).stream()
            .anyMatch(c -> c.getString("id").equals(conference)));
  }

  /**
   * A client pages through the conferences with the Link header and reads the count of all of them
   * from X-Total-Count, and gets the same conferences in the same order as the whole list; a page
   * number or size out of range is a 400 that says what is allowed.
   */
  @Test
  void conferencesComeAPageAtATimeByTheLinkHeader() {
    publishedConference(1, "10.00");
    publishedConference(1, "10.00");
    HttpResponse<String> whole = as(auditor).get("/api/conferences");
    List<String> all = ids(whole);
    assertTrue(all.size() >= 2, whole.body());
    assertEquals(
        String.valueOf(all.size()), whole.headers().firstValue("X-Total-Count").orElseThrow());

    List<String> paged = new ArrayList<>();
    String next = "/api/conferences?size=2";
    int pages = 0;
    while (next != null) {
      HttpResponse<String> page = as(auditor).get(next);
      assertEquals(200, page.statusCode(), page.body());
      assertEquals(
          String.valueOf(all.size()), page.headers().firstValue("X-Total-Count").orElseThrow());
      List<String> items = ids(page);
      assertTrue(items.size() == 2 || link(page, "next") == null, next + ": " + items);
      paged.addAll(items);
      assertEquals(
          "/api/conferences?page=" + ((all.size() + 1) / 2) + "&size=2", link(page, "last"));
      assertEquals("/api/conferences?page=1&size=2", link(page, "first"));
      if (pages > 0) {
        assertEquals("/api/conferences?page=" + pages + "&size=2", link(page, "prev"));
      }
      next = link(page, "next");
      pages++;
    }
    assertEquals(all, paged, "the pages hold every conference once, in the list's order");
    assertEquals((all.size() + 1) / 2, pages);

    HttpResponse<String> beyond =
        as(auditor).get("/api/conferences?page=" + (pages + 1) + "&size=2");
    assertEquals(200, beyond.statusCode());
    assertEquals(List.of(), ids(beyond));
    assertEquals("/api/conferences?page=" + pages + "&size=2", link(beyond, "prev"));
    assertEquals(
        all.subList(0, Math.min(50, all.size())), ids(as(auditor).get("/api/conferences?page=1")));

    assertBadQuery("/api/conferences?page=0", "page is 1 or more.");
    assertBadQuery("/api/conferences?size=201", "size is between 1 and 200.");
    assertBadQuery("/api/conferences?size=ten", "size must be a whole number, not 'ten'.");
    HttpResponse<String> farBeyond = as(auditor).get("/api/conferences?page=" + Long.MAX_VALUE);
    assertEquals(200, farBeyond.statusCode(), farBeyond.body());
    assertEquals(List.of(), ids(farBeyond));
  }

  /**
   * A number in a query that is not one, or is out of range, is a 400 naming the parameter on every
   * read that takes one (the JAX-RS runtime alone answers a typed parameter it cannot convert with
   * a 404 "nothing at this address").
   */
  @Test
  void everyNumberInAQueryThatIsNotOneIsA400NamingIt() {
    String conference = publishedConference(1, "10.00");
    assertBadQuery("/api/bookings?page=abc", "page must be a whole number, not 'abc'.");
    assertBadQuery("/api/bookings?page=0", "page is 1 or more.");
    HttpResponse<String> farBeyond = as(auditor).get("/api/bookings?page=" + Long.MAX_VALUE);
    assertEquals(200, farBeyond.statusCode(), farBeyond.body());
    assertEquals(0, Http.object(farBeyond).getJsonArray("items").size());
    assertBadQuery("/api/bookings?size=500", "size is between 1 and 200.");
    assertBadQuery("/api/bookings?atLeast=soon", "atLeast must be a whole number, not 'soon'.");
    for (String read : List.of("availability", "attendees", "stats")) {
      assertBadQuery(
          staff,
          "/api/conferences/" + conference + "/" + read + "?atLeast=-1",
          "atLeast is 0 or more.");
    }
    assertBadQuery(
        "/api/streams/conference-" + conference + "/events?fromVersion=first",
        "fromVersion must be a whole number, not 'first'.");
    assertBadQuery(
        "/api/streams/conference-" + conference + "/events?limit=1001",
        "limit is between 1 and 1000.");
    assertBadQuery(
        "/api/audit/verifications?limit=all", "limit must be a whole number, not 'all'.");
    assertEquals(
        200,
        as(auditor)
            .get("/api/streams/conference-" + conference + "/events?fromVersion=2&limit=1")
            .statusCode());
  }

  private static void assertBadQuery(String path, String sentence) {
    assertBadQuery(auditor, path, sentence);
  }

  private static void assertBadQuery(String user, String path, String sentence) {
    HttpResponse<String> refused = as(user).get(path);
    assertEquals(400, refused.statusCode(), path);
    assertEquals(sentence, Http.object(refused).getString("detail"), path);
  }

  private static List<String> ids(HttpResponse<String> response) {
    return ((JsonArray) Http.json(response))
        .getValuesAs(JsonObject.class).stream().map(c -> c.getString("id")).toList();
  }

  /** The path and query of the Link header's link of this relation, or null. */
  private static String link(HttpResponse<String> response, String rel) {
    for (String header : response.headers().allValues("Link")) {
      for (String link : header.split(",\\s*(?=<)")) {
        if (link.matches("<[^>]*>.*;\\s*rel=\"?" + rel + "\"?.*")) {
          URI uri = URI.create(link.substring(1, link.indexOf('>')));
          return uri.getRawPath() + "?" + uri.getRawQuery();
        }
      }
    }
    return null;
  }

  private static String publishedConference(int seats, String price) {
    HttpResponse<String> created =
        as(staff).postJson("/api/conferences", conferenceJson("conf-" + shortId()));
    assertEquals(201, created.statusCode(), created.body());
    String id = Http.object(created).getString("id");
    HttpResponse<String> seatType =
        as(staff)
            .postJson(
                "/api/conferences/" + id + "/seat-types",
                "{\"code\":\"standard\",\"name\":\"Standard\",\"quantity\":"
                    + seats
                    + ",\"price\":"
                    + price
                    + ",\"currency\":\"EUR\"}");
    assertEquals(201, seatType.statusCode(), seatType.body());
    assertEquals(200, as(staff).postJson("/api/conferences/" + id + "/publish", "").statusCode());
    return id;
  }

  private static String conferenceJson(String slug) {
    return "{\"name\":\"DevConf\",\"slug\":\""
        + slug
        + "\",\"startsOn\":\"2027-05-04\",\"endsOn\":\"2027-05-06\",\"venue\":\"Brno\"}";
  }

  private static HttpResponse<String> book(String conference, int seats, String key) {
    Http http = as(staff);
    var request =
        http.request("/api/conferences/" + conference + "/bookings")
            .header("Content-Type", "application/json")
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofString(
                    "{\"registrant\":{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.org\"},\"seats\":{\"standard\":"
                        + seats
                        + "}}"));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return http.send(request);
  }

  /**
   * The availability read model shows these figures once it has caught up with the commands just
   * sent (it is read without a position here, so it is given a few seconds to catch up).
   */
  private static void assertSeats(String conference, int held, int sold, int available) {
    JsonObject standard = standardSeats(conference);
    Instant deadline = Instant.now().plusSeconds(15);
    while (!List.of(held, sold, available).equals(figures(standard))
        && Instant.now().isBefore(deadline)) {
      sleep(100);
      standard = standardSeats(conference);
    }
    assertEquals(List.of(held, sold, available), figures(standard), standard.toString());
    assertFalse(
        standard.getInt("held") + standard.getInt("sold") > standard.getInt("capacity"),
        "never oversold");
  }

  private static Http as(String user) {
    return Http.as(user, PASSWORD);
  }

  private static String user(String role) {
    return Setup.user(role, PASSWORD);
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static JsonObject standardSeats(String conference) {
    return Http.object(as(staff).get("/api/conferences/" + conference + "/availability"))
        .getJsonArray("seatTypes")
        .getJsonObject(0);
  }

  private static List<Integer> figures(JsonObject seatType) {
    return List.of(seatType.getInt("held"), seatType.getInt("sold"), seatType.getInt("available"));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
