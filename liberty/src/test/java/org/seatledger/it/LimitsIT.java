package org.seatledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The domain's limits (booking's {@code Limits}) taken to their edge through the API: what they
 * accept reaches every read model exactly, with every projection still running; one step beyond is
 * refused with a sentence naming the limit, and nothing is stored.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LimitsIT {

  private static final String PASSWORD = "limits-staff-passphrase";
  private static final int SEAT_TYPES = 20;
  private static final int SEATS = 100_000;
  private static final String MAX_PRICE = "9999999.99";
  private static final String NAME = text("Name", 200);
  // the longest an address can be: 64 before the @, labels of at most 63 characters after it
  private static final String EMAIL =
      "e".repeat(64) + "@" + "d".repeat(63) + "." + "d".repeat(63) + "." + "d".repeat(57) + ".org";
  private static String staff;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ClientDeployment.marker("limits-it");
  }

  @BeforeAll
  static void users() throws InterruptedException {
    Server.awaitReady();
    staff = "staff-" + shortId();
    HttpResponse<String> created =
        Http.admin()
            .postJson(
                "/api/admin/users",
                "{\"username\":\""
                    + staff
                    + "\",\"password\":\""
                    + PASSWORD
                    + "\",\"roles\":[\"staff\"]}");
    assertEquals(201, created.statusCode(), created.body());
  }

  @Test
  void bookingsAtEveryLimitReachTheReadModelsExactly() throws InterruptedException {
    assertEquals(254, EMAIL.length());
    String venue = text("Venue", 200);
    String conference = conference(NAME, venue, "limits-" + shortId());
    for (int i = 0; i < SEAT_TYPES; i++) {
      created(addSeatType(conference, code(i), text("Seat " + i, 100), SEATS, MAX_PRICE));
    }
    ok(staff().postJson("/api/conferences/" + conference + "/publish", ""));

    // every seat type, the most seats, the largest price: the largest total
    Map<String, Integer> everyType = new java.util.LinkedHashMap<>();
    for (int i = 0; i < SEAT_TYPES; i++) {
      everyType.put(code(i), SEATS / SEAT_TYPES);
    }
    JsonObject widest = created(book(conference, NAME, EMAIL, everyType));
    assertEquals(new BigDecimal("999999999000.00"), total(widest));
    ok(confirm(widest.getString("id"), "999999999000.00"));
    ok(
        staff()
            .postJson(
                "/api/bookings/" + widest.getString("id") + "/attendees",
                "{\"attendees\":[{\"seatType\":\""
                    + code(0)
                    + "\",\"name\":\""
                    + NAME
                    + "\",\"email\":\""
                    + EMAIL
                    + "\"}]}"));

    // the rest of one type: sold out at the largest capacity
    JsonObject rest = created(book(conference, "Ada", "ada@example.org", Map.of(code(0), 95_000)));
    assertEquals(new BigDecimal("949999999050.00"), total(rest));
    ok(confirm(rest.getString("id"), "949999999050.00"));

    // the longest reason
    JsonObject cancelled =
        created(book(conference, "Grace", "grace@example.org", Map.of(code(1), 1)));
    String reason = text("Reason", 500);
    long last =
        ok(staff()
                .postJson(
                    "/api/bookings/" + cancelled.getString("id") + "/cancel",
                    "{\"reason\":\"" + reason + "\"}"))
            .getJsonNumber("position")
            .longValue();

    JsonArray seatTypes =
        Http.object(staff().get("/api/conferences/" + conference + "/availability?atLeast=" + last))
            .getJsonArray("seatTypes");
    assertEquals(SEAT_TYPES, seatTypes.size());
    for (int i = 0; i < SEAT_TYPES; i++) {
      JsonObject type = seatTypes.getJsonObject(i);
      int sold = i == 0 ? SEATS : SEATS / SEAT_TYPES;
      assertEquals(
          List.of(code(i), text("Seat " + i, 100), SEATS, 0, sold, SEATS - sold),
          List.of(
              type.getString("code"),
              type.getString("name"),
              type.getInt("capacity"),
              type.getInt("held"),
              type.getInt("sold"),
              type.getInt("available")),
          type.toString());
      assertEquals(new BigDecimal(MAX_PRICE), amount(type, "price"));
    }

    JsonObject page =
        Http.object(
            staff()
                .get(
                    "/api/bookings?conferenceId="
                        + conference
                        + "&sort=total&order=desc&atLeast="
                        + last));
    assertEquals(3, page.getInt("total"));
    JsonObject first = page.getJsonArray("items").getJsonObject(0);
    assertEquals(
        List.of(widest.getString("id"), "CONFIRMED", NAME, EMAIL, SEATS, seatsText(everyType)),
        List.of(
            first.getString("id"),
            first.getString("status"),
            first.getString("registrantName"),
            first.getString("registrantEmail"),
            first.getInt("seatCount"),
            first.getString("seats")));
    assertEquals(new BigDecimal("999999999000.00"), amount(first, "total"));
    JsonObject second = page.getJsonArray("items").getJsonObject(1);
    assertEquals(
        List.of(rest.getString("id"), "CONFIRMED", 95_000),
        List.of(second.getString("id"), second.getString("status"), second.getInt("seatCount")));
    assertEquals(new BigDecimal("949999999050.00"), amount(second, "total"));
    assertEquals("CANCELLED", page.getJsonArray("items").getJsonObject(2).getString("status"));

    JsonArray attendees =
        (JsonArray)
            Http.json(staff().get("/api/conferences/" + conference + "/attendees?atLeast=" + last));
    assertEquals(NAME, attendees.getJsonObject(0).getString("name"));
    assertEquals(EMAIL, attendees.getJsonObject(0).getString("email"));

    JsonArray days =
        (JsonArray)
            Http.json(staff().get("/api/conferences/" + conference + "/stats?atLeast=" + last));
    BigDecimal revenue = BigDecimal.ZERO;
    int bookings = 0;
    int confirmations = 0;
    int cancellations = 0;
    for (JsonObject day : days.getValuesAs(JsonObject.class)) {
      revenue = revenue.add(amount(day, "revenue"));
      bookings += day.getInt("bookings");
      confirmations += day.getInt("confirmations");
      cancellations += day.getInt("cancellations");
    }
    assertEquals(List.of(3, 2, 1), List.of(bookings, confirmations, cancellations));
    assertEquals(
        new BigDecimal("1949999998050.00"),
        revenue,
        "beyond DECIMAL(14,2), which one booking never exceeds");

    assertEquals(
        NAME, Http.object(staff().get("/api/conferences/" + conference)).getString("name"));
    assertEveryProjectionRunsAndReached(last);
  }

  @Test
  void oneStepBeyondEveryLimitIsRefusedWithASentenceAndNothingIsStored() {
    String conference = conference("Limits", "Brno", "beyond-" + shortId());
    for (int i = 0; i < SEAT_TYPES; i++) {
      created(addSeatType(conference, code(i), "Seat " + i, SEATS, "1"));
    }
    ok(staff().postJson("/api/conferences/" + conference + "/publish", ""));
    JsonObject held = created(book(conference, "Ada", "ada@example.org", Map.of(code(0), 1)));
    String booking = held.getString("id");
    List<Integer> before = eventCounts(conference, booking);

    refused(
        409,
        addSeatType(conference, "one-more", "One more", 1, "1"),
        "A conference has at most 20 seat types.");
    String fresh = conference("Limits", "Brno", "beyond-" + shortId());
    refused(400, addSeatType(fresh, "gold", "Gold", 1, "10000000.00"), "9999999.99");
    refused(400, addSeatType(fresh, "gold", "Gold", SEATS + 1, "1"), "100000");
    refused(400, addSeatType(fresh, code(0) + "x", "Gold", 1, "1"), "30");
    refused(400, addSeatType(fresh, "gold", text("Gold", 101), 1, "1"), "100");
    refused(
        400,
        staff()
            .send(
                staff()
                    .request(
                        "/api/conferences/" + conference + "/seat-types/" + code(1) + "/quantity")
                    .header("Content-Type", "application/json")
                    .PUT(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"quantity\":" + (SEATS + 1) + "}"))),
        "100000");

    String slug = "beyond-" + shortId();
    refused(400, createConference(text("Name", 201), "Brno", slug), "200");
    refused(400, createConference("Limits", text("Venue", 201), slug), "200");
    created(createConference("Limits", "Brno", slug)); // the refusals took nothing, not the slug

    Map<String, Integer> tooManyTypes = new java.util.LinkedHashMap<>();
    for (int i = 0; i <= SEAT_TYPES; i++) {
      tooManyTypes.put(code(i), 1);
    }
    refused(
        400, book(conference, "Ada", "ada@example.org", tooManyTypes), "has at most 20 seat types");
    refused(400, book(conference, "Ada", "ada@example.org", Map.of(code(1), SEATS + 1)), "100000");
    refused(
        400,
        book(conference, "Ada", "ada@example.org", Map.of(code(1), 50_001, code(2), 50_001)),
        "A booking has at most 100000 seats, not 100002.");
    refused(400, book(conference, text("Ada", 201), "ada@example.org", Map.of(code(1), 1)), "200");
    refused(400, book(conference, "Ada", "e" + EMAIL, Map.of(code(1), 1)), "254");

    refused(400, confirm(booking, "1000000000000.00"), "999999999999.99");
    refused(
        400,
        staff()
            .postJson(
                "/api/bookings/" + booking + "/confirm",
                "{\"paymentReference\":\"" + text("PAY", 101) + "\",\"amount\":1}"),
        "100");
    refused(
        400,
        staff()
            .postJson(
                "/api/bookings/" + booking + "/cancel",
                "{\"reason\":\"" + text("Reason", 501) + "\"}"),
        "500");

    assertEquals(before, eventCounts(conference, booking), "nothing was appended");
    assertEquals(
        1,
        Http.object(staff().get("/api/bookings?conferenceId=" + conference)).getInt("total"),
        "no booking was placed");
    assertEquals("HELD", Http.object(staff().get("/api/bookings/" + booking)).getString("status"));
  }

  /** Events of the conference's, its seats' and the booking's streams. */
  private static List<Integer> eventCounts(String conference, String booking) {
    List<Integer> counts = new ArrayList<>();
    for (String stream :
        List.of("conference-" + conference, "seats-" + conference, "booking-" + booking)) {
      HttpResponse<String> events = Http.admin().get("/api/streams/" + stream + "/events");
      assertEquals(200, events.statusCode(), events.body());
      counts.add(((JsonArray) Http.json(events)).size());
    }
    return counts;
  }

  private static void assertEveryProjectionRunsAndReached(long position)
      throws InterruptedException {
    JsonArray projections = null;
    for (int attempt = 0; attempt < 300; attempt++) {
      projections = (JsonArray) Http.json(Http.admin().get("/api/admin/projections"));
      if (projections.getValuesAs(JsonObject.class).stream()
          .allMatch(p -> p.getJsonNumber("checkpoint").longValue() >= position)) {
        break;
      }
      Thread.sleep(100);
    }
    assertTrue(projections.size() >= 4, projections.toString());
    for (JsonObject projection : projections.getValuesAs(JsonObject.class)) {
      assertEquals("RUNNING", projection.getString("status"), projection.toString());
      assertTrue(
          projection.getJsonNumber("checkpoint").longValue() >= position, projection.toString());
    }
  }

  private static String conference(String name, String venue, String slug) {
    return created(createConference(name, venue, slug)).getString("id");
  }

  private static HttpResponse<String> createConference(String name, String venue, String slug) {
    return staff()
        .postJson(
            "/api/conferences",
            "{\"name\":\""
                + name
                + "\",\"slug\":\""
                + slug
                + "\",\"startsOn\":\"2027-05-04\",\"endsOn\":\"2027-05-06\",\"venue\":\""
                + venue
                + "\"}");
  }

  private static HttpResponse<String> addSeatType(
      String conference, String code, String name, int quantity, String price) {
    return staff()
        .postJson(
            "/api/conferences/" + conference + "/seat-types",
            "{\"code\":\""
                + code
                + "\",\"name\":\""
                + name
                + "\",\"quantity\":"
                + quantity
                + ",\"price\":"
                + price
                + ",\"currency\":\"EUR\"}");
  }

  private static HttpResponse<String> book(
      String conference, String name, String email, Map<String, Integer> seats) {
    String wanted =
        seats.entrySet().stream()
            .map(seat -> "\"" + seat.getKey() + "\":" + seat.getValue())
            .collect(Collectors.joining(","));
    return staff()
        .postJson(
            "/api/conferences/" + conference + "/bookings",
            "{\"registrant\":{\"name\":\""
                + name
                + "\",\"email\":\""
                + email
                + "\"},\"seats\":{"
                + wanted
                + "}}");
  }

  private static HttpResponse<String> confirm(String booking, String amount) {
    return staff()
        .postJson(
            "/api/bookings/" + booking + "/confirm",
            "{\"paymentReference\":\"PAY-" + shortId() + "\",\"amount\":" + amount + "}");
  }

  /** The read model's seats text: {@code code=n, …} in code order. */
  private static String seatsText(Map<String, Integer> seats) {
    return new java.util.TreeMap<>(seats)
        .entrySet().stream()
            .map(seat -> seat.getKey() + "=" + seat.getValue())
            .collect(Collectors.joining(", "));
  }

  /** The longest code: {@code t07_xxxx…}, 30 characters, in the order of {@code i}. */
  private static String code(int i) {
    String code = String.format("t%02d_", i);
    return code + "x".repeat(30 - code.length());
  }

  /** Exactly {@code length} characters starting with {@code start}. */
  private static String text(String start, int length) {
    StringBuilder text = new StringBuilder(start).append(' ');
    while (text.length() < length) {
      text.append((char) ('a' + text.length() % 26));
    }
    return text.substring(0, length);
  }

  private static BigDecimal total(JsonObject outcome) {
    return amount(outcome, "total");
  }

  private static BigDecimal amount(JsonObject json, String field) {
    return json.getJsonNumber(field).bigDecimalValue().setScale(2);
  }

  private static JsonObject created(HttpResponse<String> response) {
    assertEquals(201, response.statusCode(), response.body());
    return Http.object(response);
  }

  private static JsonObject ok(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return Http.object(response);
  }

  private static void refused(int status, HttpResponse<String> response, String limit) {
    assertEquals(status, response.statusCode(), response.body());
    String detail = Http.object(response).getString("detail");
    assertTrue(detail.contains(limit) && detail.endsWith("."), detail);
  }

  private static Http staff() {
    return Http.as(staff, PASSWORD);
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
