package org.seatledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.seatledger.it.browser.Browser;

/**
 * The README's pictures: a conference as staff run it — seat types, a dozen bookings, some paid,
 * one cancelled — seen on the main pages. Each page must show its heading and the data just made;
 * the screenshots land in {@code target/screenshots}, or where {@code -Dscreenshots.dir} says (the
 * README's command writes them to {@code docs/screenshots}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
class ScreenshotsIT {

  private static final String[][] PEOPLE = {
    {"Amara Okafor", "standard", "2"},
    {"Lukas Schneider", "standard", "1"},
    {"Sofia Marques", "workshop", "1"},
    {"Kenji Watanabe", "standard", "3"},
    {"Élodie Laurent", "vip", "1"},
    {"Mateo García", "workshop", "2"},
    {"Priya Raman", "standard", "1"},
    {"Oskar Nilsson", "standard", "2"},
    {"Zainab Haddad", "vip", "1"},
    {"Tomás Novák", "workshop", "1"},
    {"Hannah Becker", "standard", "1"},
    {"Chen Wei", "standard", "4"},
  };

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ClientDeployment.marker("screenshots-it");
  }

  @Test
  void theMainPagesWithAConferenceInFullSwing() throws Exception {
    Server.awaitReady();
    String staff = Setup.user("staff", Browser.PASSWORD);
    Http api = Http.as(staff, Browser.PASSWORD);
    String conference =
        conference(api, "Java Summit Lisbon 2027", "2027-05-04", "Centro de Congressos, Lisbon");
    String porto = conference(api, "DevOps Days Porto 2027", "2027-09-14", "Alfândega do Porto");
    seatType(api, porto, "standard", "Standard", 250, "290.00");
    publish(api, porto);
    String berlin =
        conference(api, "Data Engineering Summit Berlin", "2027-11-02", "Estrel Congress Center");
    seatType(api, berlin, "standard", "Standard", 800, "450.00");
    book(api, porto, new String[] {"Inês Costa", "standard", "2"});
    List<String> bookings = new ArrayList<>();
    for (String[] person : PEOPLE) {
      bookings.add(book(api, conference, person));
    }
    for (int i = 0; i < 7; i++) {
      confirm(api, bookings.get(i));
    }
    HttpResponse<String> cancelled =
        api.postJson(
            "/api/bookings/" + bookings.get(7) + "/cancel",
            "{\"reason\":\"Travel budget withdrawn\"}");
    assertEquals(200, cancelled.statusCode(), cancelled.body());

    try (Browser browser = Browser.open()) {
      browser.signIn(staff, Browser.PASSWORD);
      shoot(browser, "/conferences", "conferences", "Conferences", "Lisbon");
      shoot(browser, "/conferences/" + conference, "conference", "Java Summit", "Workshop day");
      shoot(
          browser, "/conferences/" + conference + "/dashboard", "dashboard", "Java Summit", "VIP");
      shoot(browser, "/conferences/" + conference + "/book", "book", "Book seats", "Workshop day");
      shoot(browser, "/bookings/" + bookings.get(10), "booking", "Hannah Becker", "held");
      shoot(browser, "/bookings?conference=" + conference, "bookings", "Bookings", "Chen Wei");
      shoot(browser, "/holds", "holds", "Holds", "Time left");
    }
    try (Browser browser = Browser.open()) {
      browser.signInAsNew("admin");
      shoot(browser, "/admin/read-models", "read-models", "Read models", "reporting.bookings");
      shoot(browser, "/admin/users", "users", "Users", "admin");
      shoot(
          browser,
          "/audit/streams/booking-" + bookings.get(0),
          "audit-history",
          "History of",
          "CONFIRMED");
      shoot(browser, "/audit/integrity", "audit-integrity", "Integrity and digests", "digest");
    }
  }

  private static void shoot(
      Browser browser, String path, String name, String heading, String content) throws Exception {
    browser.go(path);
    assertTrue(browser.heading().contains(heading), path + " shows " + browser.heading());
    assertTrue(
        browser.text().toLowerCase(Locale.ROOT).contains(content.toLowerCase(Locale.ROOT)),
        path + " shows " + content);
    Path taken = browser.screenshot(name);
    String folder = System.getProperty("screenshots.dir");
    if (folder != null && !folder.isBlank()) {
      Path target = Path.of(folder);
      Files.createDirectories(target);
      Files.copy(
          taken, target.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The main conference of the pictures when {@code name} is the Java Summit, else a bare one. */
  private static String conference(Http api, String name, String startsOn, String venue) {
    LocalDate starts = LocalDate.parse(startsOn);
    String id =
        Setup.conference(api, name, starts.toString(), starts.plusDays(2).toString(), venue);
    if (name.startsWith("Java Summit")) {
      seatType(api, id, "standard", "Standard", 400, "390.00");
      seatType(api, id, "workshop", "Workshop day", 60, "520.00");
      seatType(api, id, "vip", "VIP", 20, "1250.00");
      publish(api, id);
    }
    return id;
  }

  private static void publish(Http api, String conference) {
    HttpResponse<String> published =
        api.postJson("/api/conferences/" + conference + "/publish", "");
    assertEquals(200, published.statusCode(), published.body());
  }

  private static void seatType(
      Http api, String conference, String code, String name, int quantity, String price) {
    HttpResponse<String> added =
        api.postJson(
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
    assertEquals(201, added.statusCode(), added.body());
  }

  private static String book(Http api, String conference, String[] person) {
    String ascii =
        java.text.Normalizer.normalize(person[0], java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    String email =
        ascii.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", ".") + "@example.org";
    HttpResponse<String> placed =
        api.postJson(
            "/api/conferences/" + conference + "/bookings",
            "{\"registrant\":{\"name\":\""
                + person[0]
                + "\",\"email\":\""
                + email
                + "\"},\"seats\":{\""
                + person[1]
                + "\":"
                + person[2]
                + "}}");
    assertEquals(201, placed.statusCode(), placed.body());
    return Http.object(placed).getString("id");
  }

  private static void confirm(Http api, String booking) {
    String total =
        Http.object(api.get("/api/bookings/" + booking)).getJsonNumber("total").toString();
    HttpResponse<String> confirmed =
        api.postJson(
            "/api/bookings/" + booking + "/confirm",
            "{\"paymentReference\":\"PAY-"
                + booking.substring(0, 6).toUpperCase(java.util.Locale.ROOT)
                + "\",\"amount\":"
                + total
                + "}");
    assertEquals(200, confirmed.statusCode(), confirmed.body());
  }
}
