package org.seatledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.UUID;

/** What many tests set up first, through the REST API as an admin or staff member would. */
public final class Setup {

  private Setup() {}

  /**
   * A published conference with one seat type, {@code standard}, of {@code seats} seats at 10 EUR,
   * made by {@code staff} (a staff member or the admin, on whichever server it talks to).
   */
  public static String publishedConference(Http staff, int seats) {
    String id = conference(staff, "Test conference", "2027-06-01", "2027-06-02", "Hall");
    HttpResponse<String> type =
        staff.postJson(
            "/api/conferences/" + id + "/seat-types",
            "{\"code\":\"standard\",\"name\":\"Standard\",\"quantity\":"
                + seats
                + ",\"price\":10,\"currency\":\"EUR\"}");
    assertEquals(201, type.statusCode(), type.body());
    HttpResponse<String> published = staff.postJson("/api/conferences/" + id + "/publish", "");
    assertEquals(200, published.statusCode(), published.body());
    return id;
  }

  /**
   * A new, unpublished conference without seat types, under a slug of its own, made by {@code
   * staff}; its id.
   */
  public static String conference(
      Http staff, String name, String startsOn, String endsOn, String venue) {
    String slug = "conf-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        staff.postJson(
            "/api/conferences",
            "{\"name\":\""
                + name
                + "\",\"slug\":\""
                + slug
                + "\",\"startsOn\":\""
                + startsOn
                + "\",\"endsOn\":\""
                + endsOn
                + "\",\"venue\":\""
                + venue
                + "\"}");
    assertEquals(201, created.statusCode(), created.body());
    return Http.object(created).getString("id");
  }

  /** A new user with one role and the given password, made by the admin; its name. */
  public static String user(String role, String password) {
    String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        Http.admin()
            .postJson(
                "/api/admin/users",
                "{\"username\":\""
                    + name
                    + "\",\"password\":\""
                    + password
                    + "\",\"roles\":[\""
                    + role
                    + "\"]}");
    assertEquals(201, created.statusCode(), created.body());
    return name;
  }
}
