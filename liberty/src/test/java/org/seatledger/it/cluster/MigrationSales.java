package org.seatledger.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seatledger.it.Http;

/**
 * Bookings sold on the upgraded server, on the dump's conferences, and the check that every seat is
 * accounted for: per seat type, the seats of the held and of the confirmed bookings (the dump's and
 * the new ones, each read back from the write side) are what availability calls held and sold, and
 * available is the rest of the capacity the conference offers.
 */
final class MigrationSales {

  private final MigrationDump dump;
  private final LibertyServer server;
  private final List<String> placed = new ArrayList<>();
  private long lastPosition;

  MigrationSales(MigrationDump dump, LibertyServer server) {
    this.dump = dump;
    this.server = server;
  }

  /** Places a booking as the dump's staff member; its id. */
  String place(String conference, String seats) {
    HttpResponse<String> answer =
        staff()
            .postJson(
                "/api/conferences/" + conference + "/bookings",
                "{\"registrant\":{\"name\":\"After Upgrade\",\"email\":\"after@example.org\"},"
                    + "\"seats\":"
                    + seats
                    + "}");
    assertEquals(201, answer.statusCode(), answer.body());
    JsonObject booking = Http.object(answer);
    assertEquals("HELD", booking.getString("status"), answer.body());
    lastPosition = Math.max(lastPosition, booking.getJsonNumber("position").longValue());
    placed.add(booking.getString("id"));
    return booking.getString("id");
  }

  /** Confirms a held booking with its total and checks it reads back confirmed. */
  void confirm(String booking, String paymentReference) {
    JsonObject held = read(booking);
    HttpResponse<String> answer =
        staff()
            .postJson(
                "/api/bookings/" + booking + "/confirm",
                "{\"paymentReference\":\""
                    + paymentReference
                    + "\",\"amount\":"
                    + held.getJsonNumber("total")
                    + ",\"currency\":\""
                    + held.getString("currency")
                    + "\"}");
    assertEquals(200, answer.statusCode(), answer.body());
    lastPosition =
        Math.max(lastPosition, Http.object(answer).getJsonNumber("position").longValue());
    assertEquals("CONFIRMED", read(booking).getString("status"), booking);
  }

  /** Availability of every seat type of {@code conference} adds up with its bookings. */
  void assertSeatsAddUp(String conference) {
    Map<String, Integer> held = new HashMap<>();
    Map<String, Integer> sold = new HashMap<>();
    List<String> bookings = new ArrayList<>(placed);
    bookings.addAll(dump.expected.getJsonObject("answers").getJsonObject("bookings").keySet());
    int count = 0;
    for (String id : bookings) {
      JsonObject booking = read(id);
      if (!booking.getString("conferenceId").equals(conference)) {
        continue;
      }
      count++;
      Map<String, Integer> into =
          switch (booking.getString("status")) {
            case "HELD" -> held;
            case "CONFIRMED" -> sold;
            default -> null;
          };
      if (into != null) {
        booking
            .getJsonObject("seats")
            .forEach((code, n) -> into.merge(code, count(n), Integer::sum));
      }
    }
    Http admin = Http.at(server.base(), "admin", dump.password("admin"));
    JsonObject offered = Http.object(admin.get("/api/conferences/" + conference));
    HttpResponse<String> availability =
        admin.get("/api/conferences/" + conference + "/availability?atLeast=" + lastPosition);
    assertEquals(200, availability.statusCode(), availability.body());
    JsonObject seats = Http.object(availability);
    assertEquals(
        offered.getJsonArray("seatTypes").size(),
        seats.getJsonArray("seatTypes").size(),
        conference);
    for (int i = 0; i < seats.getJsonArray("seatTypes").size(); i++) {
      JsonObject type = seats.getJsonArray("seatTypes").getJsonObject(i);
      String code = type.getString("code");
      String what = conference + " " + code + ": " + type;
      assertEquals(
          offered.getJsonArray("seatTypes").getJsonObject(i).getInt("quantity"),
          type.getInt("capacity"),
          what);
      assertEquals(held.getOrDefault(code, 0), type.getInt("held"), what);
      assertEquals(sold.getOrDefault(code, 0), type.getInt("sold"), what);
      assertEquals(
          type.getInt("capacity") - type.getInt("held") - type.getInt("sold"),
          type.getInt("available"),
          what);
    }
    HttpResponse<String> listed =
        admin.get("/api/bookings?conferenceId=" + conference + "&size=1&atLeast=" + lastPosition);
    assertEquals(count, Http.object(listed).getJsonNumber("total").longValue(), listed.body());
  }

  private static int count(JsonValue seats) {
    return ((jakarta.json.JsonNumber) seats).intValue();
  }

  private JsonObject read(String booking) {
    HttpResponse<String> answer =
        Http.at(server.base(), "admin", dump.password("admin")).get("/api/bookings/" + booking);
    assertEquals(200, answer.statusCode(), answer.body());
    return Http.object(answer);
  }

  private Http staff() {
    return dump.as(server, "mig-staff");
  }
}
