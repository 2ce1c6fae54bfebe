package org.seatledger.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.seatledger.it.Http;
import org.seatledger.it.Setup;

/** What the cluster tests do through a server's REST API, as the admin of the installation. */
final class ClusterApi {

  static final String ADMIN_PASSWORD = "cluster-Keeper-2026-it";

  private ClusterApi() {}

  static Http admin(LibertyServer server) {
    return Http.at(server.base(), "admin", ADMIN_PASSWORD);
  }

  /** A published conference with one seat type, {@code standard}, of {@code seats} seats. */
  static String conferenceWithSeats(LibertyServer server, int seats) {
    return Setup.publishedConference(admin(server), seats);
  }

  /** Books one standard seat; the answer as it came. */
  static HttpResponse<String> bookOne(Http client, String conference, String registrant) {
    return client.postJson(
        "/api/conferences/" + conference + "/bookings",
        "{\"registrant\":{\"name\":\""
            + registrant
            + "\",\"email\":\"someone@example.org\"},\"seats\":{\"standard\":1}}");
  }

  /** The standard seat type's row of the availability read model, once it includes position. */
  static JsonObject availability(LibertyServer server, String conference, long atLeast) {
    HttpResponse<String> response =
        admin(server).get("/api/conferences/" + conference + "/availability?atLeast=" + atLeast);
    assertEquals(200, response.statusCode(), response.body());
    return Http.object(response).getJsonArray("seatTypes").getJsonObject(0);
  }

  /** Every stored event of a stream, oldest first, as the event log API serves it, page by page. */
  static List<JsonObject> events(LibertyServer server, String streamId) {
    List<JsonObject> events = new ArrayList<>();
    while (true) {
      HttpResponse<String> response =
          admin(server)
              .get(
                  "/api/streams/"
                      + streamId
                      + "/events?limit=1000&fromVersion="
                      + (events.size() + 1));
      if (response.statusCode() == 404) {
        return events;
      }
      assertEquals(200, response.statusCode(), response.body());
      JsonArray page = (JsonArray) Http.json(response);
      page.forEach(event -> events.add(event.asJsonObject()));
      if (page.size() < 1000) {
        return events;
      }
    }
  }

  /** Seats held and sold per the log itself: the seat stream replayed here, by hand. */
  static Replayed replaySeats(LibertyServer server, String conference) {
    int held = 0;
    int sold = 0;
    long last = 0;
    for (JsonObject event : events(server, "seats-" + conference)) {
      JsonObject data = event.getJsonObject("data");
      last = Math.max(last, event.getJsonNumber("globalPosition").longValue());
      switch (event.getString("type")) {
        case "SeatsReserved" -> held += data.getJsonObject("seats").getInt("standard", 0);
        case "SeatsCommitted" -> {
          int seats = data.getJsonObject("seats").getInt("standard", 0);
          held -= seats;
          sold += seats;
        }
        case "SeatsReleased" -> {
          int seats = data.getJsonObject("seats").getInt("standard", 0);
          if (data.getBoolean("wereSold", false)) {
            sold -= seats;
          } else {
            held -= seats;
          }
        }
        default -> {
          // capacity changes do not move seats
        }
      }
    }
    return new Replayed(held, sold, last);
  }

  record Replayed(int held, int sold, long lastPosition) {}
}
