package org.seatledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.seatledger.it.browser.Browser;

/**
 * The auditor pages in a real browser: a booking's history with the diff of its confirmation, time
 * travel to the version before it and a comparison of the two, search by user leading to the
 * history, a correlation id leading to its chain, verifying the log and checking a pasted digest —
 * with the accessibility check on every page; staff are kept out of all of them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
class AuditPagesIT {

  private static final String PASSWORD = Browser.PASSWORD;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ClientDeployment.marker("audit-pages-it");
  }

  @BeforeAll
  static void serverUp() throws Exception {
    Server.awaitReady();
  }

  @Test
  void anAuditorReadsABookingsHistoryTravelsBackAndCompares() {
    String staff = Setup.user("staff", PASSWORD);
    String booking = confirmedBooking(staff, UUID.randomUUID().toString());
    String auditor = Setup.user("auditor", PASSWORD);
    try (Browser browser = Browser.open()) {
      browser.signIn(auditor, PASSWORD);
      browser.go("/audit/streams/booking-" + booking);
      assertEquals("History of booking-" + booking, browser.heading());
      List<WebElement> changes = browser.all(By.cssSelector("li.change"));
      assertEquals(2, changes.size(), "placed and confirmed");
      WebElement confirmation = browser.byId("change-2");
      assertTrue(confirmation.getText().contains("BookingConfirmed"), confirmation.getText());
      assertTrue(confirmation.getText().contains("by " + staff), confirmation.getText());
      WebElement statusRow =
          confirmation.findElement(By.xpath(".//table//tr[th/code[text()='status']]"));
      assertEquals("HELD", statusRow.findElement(By.tagName("del")).getText());
      assertEquals("CONFIRMED", statusRow.findElement(By.tagName("ins")).getText());
      assertTrue(browser.has(By.cssSelector("#change-1 a.correlation")), "the request is linked");
      browser.assertAccessible();
      browser.screenshot("audit-history");

      browser.fill("At version", "1");
      browser.click("show-version");
      assertEquals("/audit/streams/booking-" + booking + "?version=1", browser.path());
      assertEquals("As it was at version 1", browser.byId("state-title").getText());
      assertEquals("HELD", valueOf(browser, "state", "status"));
      browser.assertAccessible();
      browser.screenshot("audit-time-travel");

      browser.fill("Compare two points", "1,2");
      browser.click("show-compare");
      assertEquals("/audit/streams/booking-" + booking + "?compare=1%2C2", browser.path());
      WebElement row =
          browser.byId("comparison").findElement(By.xpath(".//tr[th/code[text()='status']]"));
      assertEquals("differs", row.getAttribute("class"), "the differing field is highlighted");
      assertEquals("HELD", row.findElements(By.tagName("td")).get(0).getText());
      assertEquals("CONFIRMED", row.findElements(By.tagName("td")).get(1).getText());
      browser.assertAccessible();
      browser.screenshot("audit-compare");

      browser.go("/audit/streams/booking-" + booking + "?version=soon");
      assertEquals(
          List.of("version: 'soon' is not a version (0, 1, 2, …)."),
          browser.summary(),
          "a bad point is answered, the history still shown");
      assertEquals(2, browser.all(By.cssSelector("li.change")).size());

      browser.go("/audit/streams/booking-no-such-thing");
      assertEquals("Not found", browser.heading());
    }
  }

  @Test
  void anAuditorSearchesByUserAndFollowsARowAndACorrelationToItsChain() {
    String staff = Setup.user("staff", PASSWORD);
    String correlation = UUID.randomUUID().toString();
    String booking = confirmedBooking(staff, correlation);
    String auditor = Setup.user("auditor", PASSWORD);
    try (Browser browser = Browser.open()) {
      browser.signIn(auditor, PASSWORD);
      browser.go("/audit/search");
      assertEquals("Audit trail", browser.heading());
      browser.fill("User", staff);
      browser.click("search");
      List<WebElement> rows = browser.all(By.cssSelector("#results tbody tr"));
      assertTrue(rows.size() >= 2, "the booking's two events at least: " + browser.text());
      assertTrue(browser.byId("results").getText().contains("BookingConfirmed"), browser.text());
      List<Long> positions =
          rows.stream()
              .map(r -> Long.parseLong(r.findElement(By.tagName("td")).getText().trim()))
              .toList();
      assertEquals(
          positions.stream().sorted(java.util.Comparator.reverseOrder()).toList(),
          positions,
          "newest first");
      assertTrue(
          rows.stream().allMatch(r -> r.getText().contains(staff)), "only the user's events");
      assertTrue(
          browser.byId("export-csv").getAttribute("href").contains("user=" + staff),
          "the export is of the same filter");
      assertTrue(browser.byId("export-csv").getAttribute("href").contains("format=csv"));
      HttpResponse<String> csv =
          Http.as(auditor, PASSWORD)
              .get(
                  browser
                      .byId("export-csv")
                      .getAttribute("href")
                      .substring(Http.baseUrl().length()));
      assertEquals(200, csv.statusCode(), csv.body());
      assertTrue(csv.body().contains("booking-" + booking), "the export holds the booking");
      browser.assertAccessible();
      browser.screenshot("audit-search");

      String target = "booking-" + booking;
      WebElement link =
          browser.all(By.cssSelector("a.stream-link")).stream()
              .filter(a -> a.getText().startsWith(target + " v2"))
              .findFirst()
              .orElseThrow();
      link.click();
      browser.waitUntil(d -> browser.path().startsWith("/audit/streams/"));
      assertEquals("/audit/streams/" + target + "?version=2", browser.path());
      assertEquals("CONFIRMED", valueOf(browser, "state", "status"));

      browser.byId("change-1").findElement(By.cssSelector("a.correlation")).click();
      browser.waitUntil(d -> browser.path().startsWith("/audit/correlations/"));
      assertEquals("/audit/correlations/" + correlation, browser.path());
      assertEquals("What request " + correlation + " led to", browser.heading());
      assertEquals(staff, browser.byId("requested-by").getText());
      String events = browser.byId("events-0").getText();
      assertTrue(events.contains("BookingPlaced"), events);
      assertTrue(events.matches("(?s).*\\b[0-9]+ booking-" + booking + " v1.*"), events);
      assertTrue(browser.byId("read-models").getText().contains("applied"));
      browser.assertAccessible();
      browser.screenshot("audit-correlation");
    }
  }

  @Test
  void anAuditorVerifiesTheLogAndChecksAKeptDigest() {
    String auditor = Setup.user("auditor", PASSWORD);
    confirmedBooking(Setup.user("staff", PASSWORD), UUID.randomUUID().toString());
    try (Browser browser = Browser.open()) {
      browser.signIn(auditor, PASSWORD);
      browser.go("/audit/integrity");
      assertEquals("Integrity and digests", browser.heading());
      browser.assertAccessible();
      browser.click("verify");
      assertTrue(browser.path().startsWith("/audit/integrity?verification="), browser.path());
      assertEquals("Verified: unchanged", browser.byId("result-title").getText());
      assertTrue(browser.byId("verifications").getText().contains(auditor));
      browser.assertAccessible();

      assertTrue(
          browser.byId("download-digest").getAttribute("href").endsWith("/api/audit/digest"));
      HttpResponse<String> download = Http.as(auditor, PASSWORD).get("/api/audit/digest");
      assertEquals(200, download.statusCode(), download.body());
      JsonObject kept = Http.object(download);

      paste(browser, kept.toString());
      browser.click("check-digest");
      String result = browser.byId("digest-result").getText();
      assertTrue(result.startsWith("Verified OK"), result);
      assertTrue(result.contains("positions 1 to " + kept.getJsonNumber("position")), result);
      browser.screenshot("audit-integrity");

      String digest = kept.getString("digest");
      String altered = (digest.charAt(0) == '0' ? "1" : "0") + digest.substring(1);
      paste(browser, Json.createObjectBuilder(kept).add("digest", altered).build().toString());
      browser.click("check-digest");
      result = browser.byId("digest-result").getText();
      assertTrue(result.startsWith("Not OK"), result);
      assertTrue(result.contains("The log differs"), result);
      browser.assertAccessible();

      paste(browser, "not a digest");
      browser.click("check-digest");
      assertEquals(
          "That is not a digest: paste the whole JSON file, from { to }.",
          browser.fieldError("A digest you kept (JSON)"));
      assertFalse(browser.has(By.id("digest-result")));
    }
  }

  @Test
  void staffAreNotAllowedOnAuditorPages() {
    String staff = Setup.user("staff", PASSWORD);
    String correlation = UUID.randomUUID().toString();
    String booking = confirmedBooking(staff, correlation);
    for (String page :
        List.of(
            "/audit/streams/booking-" + booking,
            "/audit/streams/booking-" + booking + "?version=1",
            "/audit/search",
            "/audit/correlations/" + correlation,
            "/audit/integrity",
            "/audit/stream.xhtml?id=booking-" + booking)) {
      assertEquals(403, Http.as(staff, PASSWORD).get(page).statusCode(), "staff on " + page);
    }
    try (Browser browser = Browser.open()) {
      browser.signIn(staff, PASSWORD);
      browser.go("/audit/search");
      assertEquals("Not allowed", browser.heading());
      assertFalse(browser.has(By.linkText("Audit")), "no Audit link for staff");
      browser.assertAccessible();
    }
  }

  /** A booking placed (with this correlation id) and confirmed by {@code staff}; its id. */
  private static String confirmedBooking(String staff, String correlation) {
    Http api = Http.as(staff, PASSWORD);
    String conference = Setup.publishedConference(api, 10);
    HttpResponse<String> placed =
        api.send(
            api.request("/api/conferences/" + conference + "/bookings")
                .header("Content-Type", "application/json")
                .header("X-Correlation-ID", correlation)
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"registrant\":{\"name\":\"Audited Person\","
                            + "\"email\":\"audited@example.org\"},\"seats\":{\"standard\":2}}")));
    assertEquals(201, placed.statusCode(), placed.body());
    String id = Http.object(placed).getString("id");
    HttpResponse<String> confirmed =
        api.postJson(
            "/api/bookings/" + id + "/confirm",
            "{\"paymentReference\":\"PAY-AUDIT\",\"amount\":20}");
    assertEquals(200, confirmed.statusCode(), confirmed.body());
    long position = Http.object(confirmed).getJsonNumber("position").longValue();
    String reader = Setup.user("auditor", PASSWORD);
    HttpResponse<String> applied =
        Http.as(reader, PASSWORD).get("/api/audit/events?size=1&atLeast=" + position);
    assertEquals(200, applied.statusCode(), "the audit trail has the confirmation");
    return id;
  }

  /** The value of {@code field} in the state table {@code tableId}. */
  private static String valueOf(Browser browser, String tableId, String field) {
    return browser
        .byId(tableId)
        .findElement(By.xpath(".//tr[th/code[text()='" + field + "']]/td"))
        .getText();
  }

  /** Pastes {@code text} into the kept-digest field, as a person pasting a file would. */
  private static void paste(Browser browser, String text) {
    WebElement field = browser.field("A digest you kept (JSON)");
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].value = arguments[1];", field, text);
  }
}
