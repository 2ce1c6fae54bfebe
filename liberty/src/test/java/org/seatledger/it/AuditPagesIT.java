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
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.seatledger.it.browser.Browser;
import org.seatledger.it.store.Intruder;
import org.seatledger.it.store.IntruderServlet;
import org.seatledger.it.store.OtherServerServlet;

/**
 * The auditor pages in a real browser: a booking's history with the diff of its confirmation, time
 * travel to the version before it and a comparison of the two (and a version past the end said so),
 * search by user with the CSV and JSON exports downloaded and read, a correlation id leading to its
 * chain, verifying the log and checking a pasted digest — also after an intruder rewrote an event
 * and re-computed its stream's chain — and erased data read as [erased], with the accessibility
 * check on every page; staff are kept out of all of them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
class AuditPagesIT {

  private static final String PASSWORD = Browser.PASSWORD;

  /**
   * Beside the application, what a browser test cannot be itself (it has no database access): the
   * intruder, and another server walking a long log.
   */
  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.create(WebArchive.class, "audit-pages-it.war")
        .addClasses(IntruderServlet.class, Intruder.class, OtherServerServlet.class);
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
      assertEquals("Replayed from the first event.", browser.byId("folded-from").getText());
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

      browser.go("/audit/streams/booking-" + booking + "?version=9");
      assertEquals(
          "Stream booking-"
              + booking
              + " has no version 9: it ends at version 2. No state is shown."
              + " Show version 2, the newest",
          browser.byId("past-end").getText(),
          "a version past the end is said, not replaced by the newest");
      assertFalse(browser.has(By.id("state")), "no state shown for it");
      assertEquals(2, browser.all(By.cssSelector("li.change")).size());
      browser.assertAccessible();
      HttpResponse<String> api =
          Http.as(auditor, PASSWORD)
              .get("/api/audit/streams/booking-" + booking + "/state?version=9");
      assertEquals(404, api.statusCode(), api.body());
      assertEquals(
          "Stream booking-" + booking + " has no version 9: it ends at version 2.",
          Http.object(api).getString("detail"));

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
      List<Long> shown = positions;
      HttpResponse<String> csv = download(browser, "export-csv");
      assertEquals(200, csv.statusCode(), csv.body());
      assertEquals(
          "attachment; filename=\"audit_user-" + staff + ".csv\"",
          csv.headers().firstValue("Content-Disposition").orElse(""),
          "the file is named after the filter");
      List<List<String>> table = csvRows(csv.body());
      assertEquals("globalPosition", table.get(0).get(0));
      int user = table.get(0).indexOf("recordedBy");
      int stream = table.get(0).indexOf("streamId");
      int type = table.get(0).indexOf("type");
      List<List<String>> rowsOut = table.subList(1, table.size());
      assertEquals(
          shown,
          rowsOut.stream().limit(shown.size()).map(r -> Long.parseLong(r.get(0))).toList(),
          "the file holds the rows shown, in the same order");
      assertTrue(rowsOut.stream().allMatch(r -> r.get(user).equals(staff)), "only the user's");
      assertTrue(
          rowsOut.stream()
              .anyMatch(
                  r ->
                      r.get(stream).equals("booking-" + booking)
                          && r.get(type).equals("BookingConfirmed")),
          "the confirmation is in the file");
      HttpResponse<String> json = download(browser, "export-json");
      assertEquals(200, json.statusCode(), json.body());
      assertEquals(
          "attachment; filename=\"audit_user-" + staff + ".json\"",
          json.headers().firstValue("Content-Disposition").orElse(""));
      jakarta.json.JsonArray entries = (jakarta.json.JsonArray) Http.json(json);
      assertEquals(rowsOut.size(), entries.size(), "JSON holds what CSV holds");
      assertEquals(
          shown.get(0).longValue(),
          entries.getJsonObject(0).getJsonNumber("globalPosition").longValue());
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
      browser.waitUntil(d -> browser.has(By.id("result-title")));
      assertEquals("Verified: unchanged", browser.byId("result-title").getText());
      assertTrue(
          browser.byId("verification-detail").getText().startsWith("whole log: "),
          browser.byId("verification-detail").getText());
      assertTrue(browser.byId("verifications").getText().contains(auditor));
      browser.assertAccessible();

      browser.fill("Stream (empty: the whole log)", "booking-no-such-thing");
      browser.click("verify");
      assertEquals(
          "There is no stream 'booking-no-such-thing': check the id (e.g. booking-…, seats-…).",
          browser.fieldError("Stream (empty: the whole log)"));
      assertFalse(browser.has(By.id("verification-result")));
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
      assertTrue(result.contains("; the log differs "), result);
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

  @Test
  void theIntegrityPageFollowsALongVerificationLiveAndThenShowsItsResult() {
    String auditor = Setup.user("auditor", PASSWORD);
    String run = UUID.randomUUID().toString();
    otherServer("run?id=" + run + "&total=250000");
    try (Browser browser = Browser.open()) {
      browser.signIn(auditor, PASSWORD);
      browser.go("/audit/integrity?verification=" + run);
      assertEquals("Verifying: whole log", browser.byId("progress-title").getText());
      assertEquals("0 of 250,000 events checked.", browser.byId("verification-count").getText());
      assertFalse(browser.has(By.id("verification-stalled")), "a live run has not stalled");
      browser.assertAccessible();
      browser.assertOnlyScriptFiles();

      otherServer("progress?id=" + run + "&checked=100000");
      browser.waitUntil(d -> browser.byId("checked-events").getText().equals("100,000"));
      assertEquals("100000", browser.byId("verification-meter").getAttribute("value"));
      assertEquals("/audit/integrity?verification=" + run, browser.path(), "not reloaded");
      browser.screenshot("audit-verification-progress");

      otherServer("finish?id=" + run + "&checked=250000");
      browser.waitUntil(d -> browser.has(By.id("result-title")));
      assertEquals("Verified: unchanged", browser.byId("result-title").getText());
      assertTrue(
          browser.byId("verification-detail").getText().startsWith("whole log: 250,000 events"),
          browser.byId("verification-detail").getText());
      assertFalse(browser.has(By.id("verification-progress")));
      assertTrue(browser.byId("verifications").getText().contains("other-server"), "kept");

      browser.go("/audit/integrity?verification=no-such-run");
      assertTrue(browser.has(By.id("verification-unknown")));
      browser.assertAccessible();

      String stopped = UUID.randomUUID().toString();
      otherServer("run?id=" + stopped + "&total=250000&updatedSecondsAgo=600");
      browser.go("/audit/integrity?verification=" + stopped);
      assertTrue(
          browser.byId("verification-stalled").getText().startsWith("No progress since"),
          "a run whose server stopped is said to have stalled");
      browser.assertAccessible();
    }
  }

  @Test
  void anAuditorsKeptDigestNamesTheEventAnIntruderRewroteThoughTheStreamStillVerifies()
      throws Exception {
    String staff = Setup.user("staff", PASSWORD);
    String booking = confirmedBooking(staff, UUID.randomUUID().toString());
    String auditor = Setup.user("auditor", PASSWORD);
    Http api = Http.as(auditor, PASSWORD);
    HttpResponse<String> events = api.get("/api/streams/booking-" + booking + "/events");
    assertEquals(200, events.statusCode(), events.body());
    long placed =
        ((jakarta.json.JsonArray) Http.json(events))
            .getJsonObject(0)
            .getJsonNumber("globalPosition")
            .longValue();
    try (Browser browser = Browser.open()) {
      browser.signIn(auditor, PASSWORD);
      browser.go("/audit/integrity");
      HttpResponse<String> download = withSession(browser, "/api/audit/digest");
      assertEquals(200, download.statusCode(), download.body());
      String kept = download.body();

      rewriteWhoRecorded(placed, "someone-else");
      try {
        browser.fill("Stream (empty: the whole log)", "booking-" + booking);
        browser.click("verify");
        browser.waitUntil(d -> browser.has(By.id("result-title")));
        assertEquals(
            "Verified: unchanged",
            browser.byId("result-title").getText(),
            "the stream's re-computed chain verifies");

        paste(browser, kept);
        browser.click("check-digest");
        String result = browser.byId("digest-result").getText();
        assertTrue(result.startsWith("Not OK"), result);
        assertEquals("at position " + placed, browser.byId("differs").getText(), result);
        browser.assertAccessible();
        browser.screenshot("audit-digest-rewritten");

        HttpResponse<String> checked = api.postJson("/api/audit/digest/verify", kept);
        assertEquals(200, checked.statusCode(), checked.body());
        JsonObject found = Http.object(checked);
        assertFalse(found.getBoolean("ok"));
        assertTrue(found.getBoolean("exact"), checked.body());
        assertEquals(placed, found.getJsonNumber("differsFrom").longValue(), checked.body());
      } finally {
        intruder("restore");
      }
    }
  }

  @Test
  void erasedPersonalDataReadsErasedInOldVersionsAndDiffs() {
    String staff = Setup.user("staff", PASSWORD);
    JsonObject placed = placedAndConfirmed(staff, UUID.randomUUID().toString());
    String booking = placed.getString("id");
    String subject = placed.getString("registrantId");
    HttpResponse<String> erased = Http.admin().postJson("/api/subjects/" + subject + "/erase", "");
    assertEquals(200, erased.statusCode(), erased.body());
    String auditor = Setup.user("auditor", PASSWORD);
    try (Browser browser = Browser.open()) {
      browser.signIn(auditor, PASSWORD);
      browser.go("/audit/streams/booking-" + booking);
      WebElement name =
          browser
              .byId("change-1")
              .findElement(By.xpath(".//table//tr[th/code[text()='registrant.name']]"));
      assertEquals("[erased]", name.findElement(By.tagName("ins")).getText(), "in the diff");
      browser.go("/audit/streams/booking-" + booking + "?version=1");
      assertEquals("[erased]", valueOf(browser, "state", "registrant.name"), "in an old version");
      assertEquals("[erased]", valueOf(browser, "state", "registrant.email"));
      browser.go("/audit/streams/booking-" + booking + "?compare=0,2");
      assertFalse(browser.text().contains("Audited Person"), "the name is nowhere");
      assertFalse(browser.text().contains("audited@example.org"), "nor the e-mail");
      browser.assertAccessible();
    }
  }

  /** The file a link of the page downloads, fetched with the browser's own session cookie. */
  private static HttpResponse<String> download(Browser browser, String linkId) {
    String href = browser.byId(linkId).getAttribute("href");
    assertTrue(href.startsWith(Http.baseUrl()), href);
    return withSession(browser, href.substring(Http.baseUrl().length()));
  }

  private static HttpResponse<String> withSession(Browser browser, String path) {
    Http cookieOnly = Http.anonymous();
    return cookieOnly.send(
        cookieOnly
            .request(path)
            .header(
                "Cookie",
                "JSESSIONID=" + browser.driver().manage().getCookieNamed("JSESSIONID").getValue())
            .GET());
  }

  /** Rows of a CSV file (RFC 4180: quoted fields, doubled quotes, CRLF between rows). */
  private static List<List<String>> csvRows(String text) {
    List<List<String>> rows = new java.util.ArrayList<>();
    List<String> row = new java.util.ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new java.util.ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    assertEquals(0, field.length() + row.size(), "the file ends with a whole row");
    return rows;
  }

  /**
   * Has the intruder servlet beside the application change who recorded the event at a position.
   */
  private static void rewriteWhoRecorded(long position, String who) {
    intruder("rewrite?position=" + position + "&recordedBy=" + who);
  }

  private static void otherServer(String call) {
    Http anyone = Http.anonymous();
    HttpResponse<String> done =
        anyone.send(
            anyone
                .request("/audit-pages-it/other-server/" + call)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertEquals(204, done.statusCode(), done.body());
  }

  private static void intruder(String call) {
    Http anyone = Http.anonymous();
    HttpResponse<String> done =
        anyone.send(
            anyone
                .request("/audit-pages-it/intruder/" + call)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertEquals(204, done.statusCode(), done.body());
  }

  /** A booking placed (with this correlation id) and confirmed by {@code staff}; its id. */
  private static String confirmedBooking(String staff, String correlation) {
    return placedAndConfirmed(staff, correlation).getString("id");
  }

  /** A booking placed and confirmed by {@code staff}; the answer to placing it. */
  private static JsonObject placedAndConfirmed(String staff, String correlation) {
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
    JsonObject booking = Http.object(placed);
    String id = booking.getString("id");
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
    return booking;
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
