package org.seatledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.seatledger.it.browser.Browser;

/**
 * The booking pages in a real browser: booking seats (and the booking page with its countdown),
 * confirming, naming attendees, cancelling, a refused over-booking, a hostile name, a double click,
 * what an auditor sees, the bookings list, and a short hold expiring on the holds console — with
 * the accessibility check on every page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
class BookingPagesIT {

  private static final String PASSWORD = Browser.PASSWORD;

  /** Beside the EAR: {@link ShortHoldSeam}, a way to a hold of a few seconds. */
  @Deployment(testable = false)
  static WebArchive deployment() {
    File eventLogJar =
        new File(System.getProperty("eventlog.jar", "../event-log/target/event-log.jar"));
    File bookingJar =
        new File(System.getProperty("booking.jar", "../booking-module/target/booking-module.jar"));
    return ShrinkWrap.create(WebArchive.class, "booking-pages-it.war")
        .addAsLibrary(eventLogJar)
        .addAsLibrary(bookingJar)
        .addClass(ShortHoldSeam.class)
        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @BeforeAll
  static void serverReady() throws InterruptedException {
    Server.awaitReady();
  }

  @Test
  void bookedSeatsShowACountdownAndTheBookingIsConfirmedAndItsAttendeesNamed() {
    String staff = Setup.user("staff", PASSWORD);
    String conference = conferenceWithTwoSeatTypes(Http.as(staff, PASSWORD), 10);
    try (Browser browser = Browser.open()) {
      browser.signIn(staff, PASSWORD);
      browser.go("/conferences/" + conference + "/book");
      assertEquals("Book seats", browser.heading());
      assertEquals("10", browser.byId("left_standard").getText(), "what is left is shown");
      browser.assertAccessible();
      browser.screenshot("book");

      browser.fill("Registrant name", "Ada Lovelace");
      browser.fill("E-mail", "ada@example.org");
      browser.field("Quantity", "seats_standard").sendKeys("2");
      browser.field("Quantity", "seats_workshop").sendKeys("1");
      browser.click("place");

      assertTrue(browser.path().matches("/bookings/[0-9a-zA-Z-]+\\?at=[0-9]+"), browser.path());
      assertEquals("Ada Lovelace", browser.heading());
      assertEquals("Held", browser.byId("status").getText());
      assertEquals("50.00 EUR", browser.byId("total").getText());
      String countdown = browser.byId("countdown").getText();
      assertTrue(countdown.matches("1[45] min [0-9]+ s left"), countdown);
      browser.waitUntil(d -> !browser.byId("countdown").getText().equals(countdown));
      assertTrue(
          browser.byId("hold-until").getText().matches(".*[0-9]{2}:[0-9]{2}:[0-9]{2} \\S+"),
          "the deadline with its zone: " + browser.byId("hold-until").getText());
      assertEquals("50.00", browser.field("Amount").getAttribute("value"), "prefilled");
      browser.assertAccessible();
      browser.screenshot("booking-held");

      browser.fill("Payment reference", "PAY-2027-0001");
      browser.click("confirm");
      assertEquals("Confirmed", browser.byId("status").getText());
      assertEquals(List.of("The booking is confirmed: its seats are sold."), summaryOf(browser));
      assertFalse(browser.has(By.id("countdown")), "no countdown once paid");

      // a row with a name but no e-mail is answered next to the e-mail; nothing is stored
      assertEquals("Name", labelOf(browser, "attendeeName_1"));
      assertEquals("E-mail", labelOf(browser, "attendeeEmail_1"));
      browser.byId("attendeeName_1").sendKeys("Ada Lovelace");
      browser.click("assign");
      assertEquals("Enter the attendee's e-mail.", browser.fieldErrorOf("attendeeEmail_1"));
      String id = bookingIdOf(browser);
      assertEquals(0, booking(staff, id).getJsonArray("attendees").size());

      browser.byId("attendeeEmail_1").sendKeys("ada@example.org");
      browser.byId("attendeeName_3").sendKeys("Charles Babbage");
      browser.byId("attendeeEmail_3").sendKeys("charles@example.org");
      browser.click("assign");
      assertEquals(List.of("The attendees are named."), summaryOf(browser));
      assertEquals("Charles Babbage", browser.byId("attendeeName_3").getAttribute("value"));
      assertEquals(2, booking(staff, id).getJsonArray("attendees").size());

      String history = browser.byId("history").getText();
      assertTrue(history.contains("Placed: 3 seats held, 50.00 EUR"), history);
      assertTrue(history.contains("Confirmed: 50.00 EUR paid, reference PAY-2027-0001"), history);
      assertTrue(history.contains("Attendees named: 2"), history);
      assertTrue(history.contains(staff), "who: " + history);
      assertFalse(browser.has(By.id("full-history")), "the auditors' link is for auditors");
      browser.assertAccessible();
      browser.screenshot("booking-confirmed");
    }
  }

  @Test
  void cancellingABookingNeedsAReasonAndGivesItsSeatsBack() {
    String staff = Setup.user("staff", PASSWORD);
    Http api = Http.as(staff, PASSWORD);
    String conference = Setup.publishedConference(api, 10);
    String id = place(api, conference, "Grace Hopper", 3).getString("id");
    long cancelledAt;
    try (Browser browser = Browser.open()) {
      browser.signIn(staff, PASSWORD);
      browser.go("/bookings/" + id);
      browser.click("cancel");
      assertEquals("Enter the reason for cancelling.", browser.fieldError("Reason"));
      assertEquals("Held", browser.byId("status").getText(), "nothing happened");

      browser.fill("Reason", "The registrant cannot travel");
      browser.click("cancel");
      assertEquals("Cancelled", browser.byId("status").getText());
      cancelledAt = positionOf(browser);
      assertTrue(
          browser.byId("history").getText().contains("Cancelled: The registrant cannot travel"));
      assertFalse(browser.has(By.id("confirm-form")));
      assertFalse(browser.has(By.id("cancel-form")));
      assertEquals(
          "This booking is cancelled: nothing more can be done with it.",
          browser.byId("closed").getText());
      browser.assertAccessible();
      browser.screenshot("booking-cancelled");
    }
    JsonObject standard = standardSeats(api, conference, cancelledAt);
    assertEquals(0, standard.getInt("held"));
    assertEquals(10, standard.getInt("available"));
  }

  @Test
  void anOverBookingIsRefusedNextToItsQuantityAndNothingIsStored() {
    String staff = Setup.user("staff", PASSWORD);
    Http api = Http.as(staff, PASSWORD);
    String conference = Setup.publishedConference(api, 3);
    try (Browser browser = Browser.open()) {
      browser.signIn(staff, PASSWORD);
      browser.go("/conferences/" + conference + "/book");
      browser.fill("Registrant name", "Too Many");
      browser.fill("E-mail", "many@example.org");
      browser.field("Quantity", "seats_standard").sendKeys("5");
      browser.click("place");

      String refusal = "Not enough seats left: only 3 'standard' left.";
      assertEquals(refusal, browser.fieldErrorOf("seats_standard"));
      assertEquals(List.of(refusal), browser.summary());
      assertEquals("true", browser.byId("seats_standard").getAttribute("aria-invalid"));
      assertEquals("Too Many", browser.field("Registrant name").getAttribute("value"), "kept");
      assertTrue(browser.path().startsWith("/conferences/" + conference + "/book"));
      browser.assertAccessible();
      browser.screenshot("book-refused");

      // no seat asked for at all: answered on the form, not with the API's JSON example
      browser.field("Quantity", "seats_standard").clear();
      browser.click("place");
      assertEquals(List.of("Enter a Quantity for at least one seat type."), browser.summary());
    }
    // a booking placed after the refusals is the conference's only one, its seats the only held
    JsonObject after = place(api, conference, "Later Booker", 1);
    long position = after.getJsonNumber("position").longValue();
    JsonObject list = bookingsOf(api, conference, position);
    assertEquals(1, list.getInt("total"), "nothing stored: " + list);
    assertEquals(1, standardSeats(api, conference, position).getInt("held"));
  }

  @Test
  void aHostileRegistrantNameIsShownAsText() {
    String staff = Setup.user("staff", PASSWORD);
    String conference = Setup.publishedConference(Http.as(staff, PASSWORD), 5);
    String hostile = "<script>alert(1)</script>";
    try (Browser browser = Browser.open()) {
      browser.signIn(staff, PASSWORD);
      browser.go("/conferences/" + conference + "/book");
      browser.fill("Registrant name", hostile);
      browser.fill("E-mail", "mallory@example.org");
      browser.field("Quantity", "seats_standard").sendKeys("1");
      browser.click("place");

      assertEquals(hostile, browser.heading());
      assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
      assertTrue(
          browser.driver().getPageSource().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));

      browser.go("/bookings?conference=" + conference);
      assertEquals(hostile, browser.all(By.cssSelector("a.booking-link")).get(0).getText());
      assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
    }
  }

  @Test
  void aDoubleClickedSubmitBooksOnce() throws InterruptedException {
    String staff = Setup.user("staff", PASSWORD);
    Http api = Http.as(staff, PASSWORD);
    String conference = Setup.publishedConference(api, 10);
    long position;
    try (Browser browser = Browser.open()) {
      browser.signIn(staff, PASSWORD);
      browser.go("/conferences/" + conference + "/book");
      browser.fill("Registrant name", "Impatient Clicker");
      browser.fill("E-mail", "clicker@example.org");
      browser.field("Quantity", "seats_standard").sendKeys("2");
      WebElement place = browser.byId("place");
      new Actions(browser.driver()).doubleClick(place).perform();
      browser.waitUntil(d -> browser.path().startsWith("/bookings/"));
      assertEquals("Impatient Clicker", browser.heading());
      position = positionOf(browser);
    }
    Thread.sleep(1000); // the second submission, if it were a second booking, is in by now
    // and a booking placed after both is in the read model only after them
    position =
        Math.max(
            position,
            place(api, conference, "Later Booker", 1).getJsonNumber("position").longValue());
    JsonObject list = bookingsOf(api, conference, position);
    assertEquals(2, list.getInt("total"), "the double click booked once: " + list);
    assertEquals(3, standardSeats(api, conference, position).getInt("held"), "2 + 1 seats held");
  }

  @Test
  void anAuditorReadsTheBookingPagesWithoutTheStaffForms() {
    String staff = Setup.user("staff", PASSWORD);
    Http api = Http.as(staff, PASSWORD);
    String conference = Setup.publishedConference(api, 10);
    String id = place(api, conference, "Audited Person", 1).getString("id");
    String auditor = Setup.user("auditor", PASSWORD);
    try (Browser browser = Browser.open()) {
      browser.signIn(auditor, PASSWORD);
      browser.go("/conferences/" + conference + "/book");
      assertFalse(browser.has(By.id("book")), "no booking form");
      assertTrue(browser.byId("staff-only").getText().startsWith("Only staff book seats."));
      browser.assertAccessible();

      browser.go("/bookings/" + id);
      assertEquals("Audited Person", browser.heading());
      assertFalse(browser.has(By.id("confirm-form")), "no confirm form");
      assertFalse(browser.has(By.id("cancel-form")), "no cancel form");
      assertTrue(browser.has(By.id("countdown")), "the hold's countdown all the same");
      assertTrue(
          browser
              .byId("full-history")
              .getAttribute("href")
              .endsWith("/audit/streams/booking-" + id));
      browser.assertAccessible();

      browser.go("/bookings?q=" + id);
      assertEquals(1, browser.all(By.cssSelector("a.booking-link")).size());
      browser.assertAccessible();
      browser.go("/holds");
      assertEquals("Holds", browser.heading());
      browser.assertAccessible();
    }
  }

  @Test
  void theBookingsListSearchesFiltersSortsAndPages() {
    String staff = Setup.user("staff", PASSWORD);
    Http api = Http.as(staff, PASSWORD);
    String conference = Setup.publishedConference(api, 100);
    long position = 0;
    for (int i = 1; i <= 27; i++) {
      JsonObject placed = place(api, conference, String.format("Listed %02d", i), 1);
      position = Math.max(position, placed.getJsonNumber("position").longValue());
      if (i % 9 == 0) {
        HttpResponse<String> confirmed =
            api.postJson(
                "/api/bookings/" + placed.getString("id") + "/confirm",
                "{\"paymentReference\":\"P-" + i + "\",\"amount\":10}");
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        position = Math.max(position, Http.object(confirmed).getJsonNumber("position").longValue());
      }
    }
    try (Browser browser = Browser.open()) {
      browser.signIn(staff, PASSWORD);
      browser.go("/bookings?conference=" + conference + "&at=" + position);
      assertEquals("27 bookings match", browser.byId("result-count").getText());
      assertEquals(25, rows(browser).size());
      assertEquals("Page 1 of 2", browser.byId("page-of").getText());
      assertEquals("Listed 27", rows(browser).get(0), "newest first");
      browser.assertAccessible();
      browser.screenshot("bookings");

      browser.click("next");
      assertEquals("Page 2 of 2", browser.byId("page-of").getText());
      assertEquals(List.of("Listed 02", "Listed 01"), rows(browser));

      browser.click("sort-registrant");
      assertEquals("Listed 01", rows(browser).get(0), "by registrant, A first");
      assertEquals("Page 1 of 2", browser.byId("page-of").getText(), "a new order starts over");
      browser.click("sort-registrant");
      assertEquals("Listed 27", rows(browser).get(0), "by registrant, Z first");

      browser
          .field("Status")
          .findElement(By.xpath("option[normalize-space(.)='Confirmed']"))
          .click();
      browser.click("apply");
      assertEquals(List.of("Listed 27", "Listed 18", "Listed 09"), rows(browser));

      browser.go("/bookings");
      browser.fill("Search", "Listed 13");
      browser.click("apply");
      assertEquals(List.of("Listed 13"), rows(browser));
      browser.go("/bookings?conference=" + conference + "&q=listed07%40example.org");
      assertEquals(List.of("Listed 07"), rows(browser), "by e-mail");
      browser.go("/bookings?q=nobody-" + UUID.randomUUID());
      assertEquals("No bookings match these filters.", browser.byId("no-bookings").getText());
      browser.assertAccessible();
    }
  }

  @Test
  void aShortHoldCountsDownAndDropsOffTheHoldsConsoleWhenItExpires() throws Exception {
    String staff = Setup.user("staff", PASSWORD);
    Http api = Http.as(staff, PASSWORD);
    String conference = Setup.publishedConference(api, 5);
    HttpResponse<String> seam =
        Http.anonymous()
            .postForm("/booking-pages-it/short-hold", "conference=" + conference + "&seconds=8");
    assertEquals(200, seam.statusCode(), seam.body());
    String shortHold = seam.body().strip();
    try (Browser browser = Browser.open()) {
      browser.signIn(staff, PASSWORD);
      browser.go("/holds");
      WebElement row = browser.waitUntil(d -> browser.byId("hold-" + shortHold));
      String left = row.findElement(By.cssSelector(".countdown")).getText();
      assertTrue(left.matches("[0-9] s left|Hold ended; releasing the seats"), left);
      List<Instant> deadlines =
          browser.all(By.cssSelector("#holds .countdown")).stream()
              .map(e -> Instant.parse(e.getAttribute("data-until")))
              .toList();
      assertEquals(deadlines.stream().sorted().toList(), deadlines, "soonest first");
      browser.assertAccessible();
      browser.screenshot("holds");

      // no reload: the page's script refreshes the list as the expiry round (every 10 s) runs
      long giveUp = System.nanoTime() + 45_000_000_000L;
      while (browser.has(By.id("hold-" + shortHold)) && System.nanoTime() < giveUp) {
        Thread.sleep(250);
      }
      assertFalse(browser.has(By.id("hold-" + shortHold)), "the expired hold dropped off");
    }
    assertEquals("EXPIRED", booking(staff, shortHold).getString("status"));
  }

  private static String conferenceWithTwoSeatTypes(Http staff, int seats) {
    String conference = Setup.publishedConference(staff, seats);
    HttpResponse<String> workshop =
        staff.postJson(
            "/api/conferences/" + conference + "/seat-types",
            "{\"code\":\"workshop\",\"name\":\"Workshop\",\"quantity\":"
                + seats
                + ",\"price\":30,\"currency\":\"EUR\"}");
    assertEquals(201, workshop.statusCode(), workshop.body());
    return conference;
  }

  private static JsonObject place(Http staff, String conference, String name, int seats) {
    String email = name.toLowerCase().replace(" ", "") + "@example.org";
    HttpResponse<String> placed =
        staff.postJson(
            "/api/conferences/" + conference + "/bookings",
            "{\"registrant\":{\"name\":\""
                + name
                + "\",\"email\":\""
                + email
                + "\"},\"seats\":{\"standard\":"
                + seats
                + "}}");
    assertEquals(201, placed.statusCode(), placed.body());
    return Http.object(placed);
  }

  private static JsonObject booking(String staff, String id) {
    HttpResponse<String> response = Http.as(staff, PASSWORD).get("/api/bookings/" + id);
    assertEquals(200, response.statusCode(), response.body());
    return Http.object(response);
  }

  /** The bookings list of the conference, once the read model has {@code position}. */
  private static JsonObject bookingsOf(Http api, String conference, long position) {
    HttpResponse<String> response =
        api.get("/api/bookings?conferenceId=" + conference + "&atLeast=" + position);
    assertEquals(200, response.statusCode(), response.body());
    return Http.object(response);
  }

  /** The standard seats of the conference, once the read model has {@code position}. */
  private static JsonObject standardSeats(Http api, String conference, long position) {
    HttpResponse<String> response =
        api.get("/api/conferences/" + conference + "/availability?atLeast=" + position);
    assertEquals(200, response.statusCode(), response.body());
    return Http.object(response).getJsonArray("seatTypes").getJsonObject(0);
  }

  /** The page's summary, once the page after a click has come far enough to show one. */
  private static List<String> summaryOf(Browser browser) {
    return browser.waitUntil(d -> browser.summary().isEmpty() ? null : browser.summary());
  }

  private static List<String> rows(Browser browser) {
    return browser.all(By.cssSelector("a.booking-link")).stream().map(WebElement::getText).toList();
  }

  private static String labelOf(Browser browser, String id) {
    return browser
        .driver()
        .findElement(By.cssSelector("label[for='" + id + "']"))
        .getAttribute("textContent")
        .trim();
  }

  /** The position a form's command reached: the {@code ?at=} of the page it redirected to. */
  private static long positionOf(Browser browser) {
    String path = browser.path();
    assertTrue(path.matches(".*[?&]at=[0-9]+.*"), "redirected with the position: " + path);
    return Long.parseLong(path.replaceAll(".*[?&]at=([0-9]+).*", "$1"));
  }

  private static String bookingIdOf(Browser browser) {
    return browser.byId("booking-id").getText();
  }
}
