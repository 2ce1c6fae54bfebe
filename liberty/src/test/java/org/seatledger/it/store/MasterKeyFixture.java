package org.seatledger.it.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.seatledger.it.Http;

/** What the master key tests set up through the REST API of the server under test. */
final class MasterKeyFixture {
  static final String PASSWORD = "master-key-passphrase-1";

  private MasterKeyFixture() {}

  static String conferenceWithSeats(int seats) {
    String slug = "master-key-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        Http.admin()
            .postJson(
                "/api/conferences",
                "{\"name\":\"Master key\",\"slug\":\""
                    + slug
                    + "\",\"startsOn\":\"2027-06-01\",\"endsOn\":\"2027-06-02\",\"venue\":\"Hall\"}");
    assertEquals(201, created.statusCode(), created.body());
    String id = Http.object(created).getString("id");
    HttpResponse<String> type =
        Http.admin()
            .postJson(
                "/api/conferences/" + id + "/seat-types",
                "{\"code\":\"standard\",\"name\":\"Standard\",\"quantity\":"
                    + seats
                    + ",\"price\":10,\"currency\":\"EUR\"}");
    assertEquals(201, type.statusCode(), type.body());
    HttpResponse<String> published =
        Http.admin().postJson("/api/conferences/" + id + "/publish", "");
    assertEquals(200, published.statusCode(), published.body());
    return id;
  }

  static String user(String role) {
    String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        Http.admin()
            .postJson(
                "/api/admin/users",
                "{\"username\":\""
                    + name
                    + "\",\"password\":\""
                    + PASSWORD
                    + "\",\"roles\":[\""
                    + role
                    + "\"]}");
    assertEquals(201, created.statusCode(), created.body());
    return name;
  }
}
