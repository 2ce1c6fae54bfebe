package org.seatledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.seatledger.it.browser.Browser;

/**
 * The conference pages in a real browser: staff set up a conference (a refused one first), add seat
 * types, are refused a quantity below what is held and sold, publish after confirming, and watch
 * the dashboard follow bookings while it is open; an auditor reads the same pages without any form;
 * a hostile name stays text; every address opens directly; every page passes axe-core.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
class ConferencePagesIT {

  private static Browser browser;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ClientDeployment.marker("conference-pages-it");
  }

  @BeforeAll
  static void openBrowser() throws Exception {
    Server.awaitReady();
    browser = Browser.open();
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void staffSetUpAConferenceAddSeatTypesAndPublishItAfterConfirming() {
    browser.signInAsNew("staff");
    browser.go("/conferences");
    browser.assertAccessible();
    browser.click("new-conference");
    assertEquals("/conferences/new", browser.path());
    browser.assertAccessible();

    String name = "Refused " + UUID.randomUUID().toString().substring(0, 8);
    browser.fill("Name", name);
    browser.date("Starts on", "2027-05-06");
    browser.date("Ends on", "2027-05-04");
    browser.fill("Venue", "Lyon, Centre de Congrès");
    browser.click("create");
    String sentence = "A conference cannot end (2027-05-04) before it starts (2027-05-06).";
    assertEquals(sentence, browser.fieldError("Ends on"), "next to the field");
    assertEquals(List.of(sentence), browser.summary(), "and in the summary");
    assertEquals("true", browser.field("Ends on").getAttribute("aria-invalid"));
    assertEquals(name, browser.field("Name").getAttribute("value"), "what was typed stays");
    String slug = browser.field("Slug").getAttribute("value");
    assertTrue(slug.startsWith("refused-"), "the slug is suggested from the name: " + slug);
    browser.assertAccessible();
    browser.screenshot("conference-new-refused");
    assertFalse(conferenceNamed(name), "nothing stored: the refused conference is in no list");

    browser.date("Ends on", "2027-05-08");
    browser.click("create");
    assertTrue(browser.path().matches("/conferences/[0-9a-f-]{36}\\?at=\\d+"), browser.path());
    String address = browser.path().replaceAll("\\?.*", "");
    assertEquals(name, browser.heading());
    assertEquals(
        List.of("The conference was created. Add its seat types, then publish it."),
        browser.summary());
    assertTrue(browser.text().contains("6 May 2027 – 8 May 2027"), browser.text());
    assertEquals("Not published", browser.byId("publication").getText());
    browser.assertAccessible();

    addSeatType("standard", "Standard", "100", "250", "EUR");
    assertEquals(List.of("The seat type 'standard' was added."), browser.summary());
    addSeatType("vip", "VIP", "10", "900.50", "EUR");
    assertEquals(List.of("The seat type 'vip' was added."), browser.summary());
    assertEquals("250.00 EUR", cell("seat-types", 1, 3));
    assertEquals("900.50 EUR", cell("seat-types", 2, 3));
    assertEquals("100", browser.field("Quantity", "quantity_standard").getAttribute("value"));

    browser.click("publish");
    assertEquals(address + "?confirm=publish", browser.path(), "a confirmation step first");
    assertEquals("Publish this conference?", browser.byId("confirm-title").getText());
    assertEquals("Not published", browser.byId("publication").getText(), "not yet");
    browser.assertAccessible();
    browser.click("confirm-publish");
    assertEquals("Published", browser.byId("publication").getText());
    assertEquals(List.of("The conference is published: it takes bookings."), browser.summary());
    assertTrue(browser.has(By.id("book-link")), "a published conference can be booked");
    browser.screenshot("conference");

    browser.go("/conferences?q=" + name.substring(8));
    List<String> listed = texts(By.cssSelector("#conferences tbody th"));
    assertEquals(List.of(name), listed, "found by a part of its name");
    assertEquals("Published", cell("conferences", 1, 4));
    assertEquals("110", cell("conferences", 1, 7), "available at a glance");
    browser.assertAccessible();
    browser.screenshot("conferences");
  }

  @Test
  void aQuantityBelowWhatIsHeldAndSoldIsRefusedWithTheDomainsSentence() {
    String staff = browser.signInAsNew("staff");
    Http api = Http.as(staff, Browser.PASSWORD);
    String id = Setup.publishedConference(api, 10);
    book(api, id, 4);

    browser.go("/conferences/" + id);
    browser.field("Quantity", "quantity_standard").clear();
    browser.field("Quantity", "quantity_standard").sendKeys("3");
    browser.click("change_standard");

    String sentence =
        "4 seats of type 'standard' are held or sold; the quantity cannot go below 4.";
    assertEquals(sentence, browser.fieldErrorOf("quantity_standard"));
    assertEquals(List.of(sentence), browser.summary());
    browser.assertAccessible();
    assertEquals(
        10,
        Http.object(api.get("/api/conferences/" + id))
            .getJsonArray("seatTypes")
            .getJsonObject(0)
            .getInt("quantity"),
        "nothing stored");

    browser.field("Quantity", "quantity_standard").clear();
    browser.field("Quantity", "quantity_standard").sendKeys("4");
    browser.click("change_standard");
    assertEquals(List.of("The quantity of 'standard' is now 4."), browser.summary());
    assertEquals("0", cell("seat-types", 1, 6), "none left");
  }

  @Test
  void theDashboardFollowsBookingsWhileItIsOpen() {
    String staff = browser.signInAsNew("staff");
    Http api = Http.as(staff, Browser.PASSWORD);
    String id = Setup.publishedConference(api, 20);

    browser.go("/conferences/" + id + "/dashboard");
    assertEquals("20", browser.byId("total-available").getText());
    assertEquals("0", browser.byId("total-held").getText());
    assertTrue(browser.has(By.cssSelector("svg.chart rect.free")), "the chart is drawn");
    browser.assertAccessible();
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    js.executeScript("window.stillTheSamePage = true;");

    book(api, id, 3);

    browser.waitUntil(d -> browser.byId("total-held").getText().equals("3"));
    assertEquals("17", browser.byId("total-available").getText());
    assertEquals("3", browser.byId("row-standard").findElement(By.className("held")).getText());
    assertEquals(
        Boolean.TRUE,
        js.executeScript("return window.stillTheSamePage === true;"),
        "refreshed in place, not reloaded");
    browser.assertAccessible();
    browser.screenshot("conference-dashboard");
  }

  @Test
  void anAuditorReadsTheConferencePagesWithoutAnyForm() {
    String staff = Setup.user("staff", Browser.PASSWORD);
    String id = Setup.publishedConference(Http.as(staff, Browser.PASSWORD), 5);
    browser.signInAsNew("auditor");

    for (String page :
        List.of("/conferences", "/conferences/" + id, "/conferences/" + id + "/dashboard")) {
      browser.go(page);
      assertEquals(page, browser.path());
      // a search (GET) reads; a form that posts would change something
      assertEquals(
          List.of(), browser.all(By.cssSelector("main form[method=post]")), "no form on " + page);
      assertEquals(
          List.of(),
          browser.all(By.cssSelector("main input:not([type=search]):not([type=submit])")),
          "no input to change anything on " + page);
      browser.assertAccessible();
    }
    browser.go("/conferences");
    assertFalse(browser.has(By.id("new-conference")));
    browser.go("/conferences/" + id);
    assertTrue(browser.text().contains("Test conference"), browser.text());
    assertFalse(browser.has(By.id("unpublish")), "no way to unpublish");
    browser.go("/conferences/" + id + "?confirm=unpublish");
    assertFalse(browser.has(By.id("confirm-unpublish")), "not even through the address");
    browser.go("/conferences/new");
    assertEquals("Not allowed", browser.heading());
  }

  /**
   * The list once stopped at 500 conferences without a word; now it pages, 50 to a page, and the
   * search stays with the pages.
   */
  @Test
  void theListPagesThroughEveryConferenceAndKeepsItsSearch() {
    String staff = browser.signInAsNew("staff");
    Http api = Http.as(staff, Browser.PASSWORD);
    String token = "Pager" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 1; i <= 51; i++) {
      Setup.conference(api, String.format("%s %02d", token, i), "2031-02-03", "2031-02-04", "Lyon");
    }
    browser.waitUntil(
        d -> browser.go("/conferences?q=" + token).text().contains("of 51") ? true : null);
    assertEquals("1–50 of 51", browser.byId("shown").getText().trim());
    assertEquals("Page 1 of 2", browser.byId("page-of").getText().trim());
    List<String> first = texts(By.cssSelector("#conferences tbody th"));
    assertEquals(50, first.size());
    assertEquals(token + " 01", first.get(0));
    assertFalse(browser.has(By.id("previous")));
    browser.assertAccessible();

    browser.click("next");
    assertEquals("/conferences?q=" + token + "&page=2", browser.path());
    assertEquals(List.of(token + " 51"), texts(By.cssSelector("#conferences tbody th")));
    assertEquals("51–51 of 51", browser.byId("shown").getText().trim());
    assertFalse(browser.has(By.id("next")));
    browser.click("previous");
    assertEquals(first, texts(By.cssSelector("#conferences tbody th")), "the same first page");

    browser.go("/conferences?q=" + token + "&page=9");
    assertEquals("No conferences on this page.", browser.byId("no-conferences").getText().trim());
    browser.go("/conferences?q=" + token + "&page=x");
    assertEquals(
        "Page 1 of 2", browser.byId("page-of").getText().trim(), "a page that is no number");
  }

  @Test
  void aHostileNameIsShownAsTextAndNeverRuns() {
    String staff = browser.signInAsNew("staff");
    Http api = Http.as(staff, Browser.PASSWORD);
    String hostile = "<script>alert(1)</script>";
    HttpResponse<String> created =
        api.postJson(
            "/api/conferences",
            "{\"name\":\""
                + hostile
                + "\",\"slug\":\"x-"
                + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"startsOn\":\"2027-06-01\",\"endsOn\":\"2027-06-01\",\"venue\":\"<img src=x>\"}");
    assertEquals(201, created.statusCode(), created.body());
    String id = Http.object(created).getString("id");

    for (String page :
        List.of("/conferences/" + id, "/conferences/" + id + "/dashboard", "/conferences")) {
      browser.go(page);
      assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
      assertTrue(browser.text().contains(hostile), "shown as typed on " + page);
      assertTrue(browser.all(By.cssSelector("main script, main img")).isEmpty(), page);
    }
    browser.go("/conferences/" + id);
    assertEquals(hostile, browser.heading());
    assertTrue(browser.text().contains("<img src=x>"));
  }

  @Test
  void theSameFormSentTwiceCreatesOneConference() {
    browser.signInAsNew("staff");
    browser.go("/conferences/new");
    String name = "Twice " + UUID.randomUUID().toString().substring(0, 8);
    browser.fill("Name", name);
    browser.date("Starts on", "2027-09-01");
    browser.date("Ends on", "2027-09-02");
    browser.fill("Venue", "Nantes");
    // what a double click does, made certain: the rendered form posted twice at once; each
    // answer read as where it landed and what its summary said (a refusal stays on the form)
    Object landed =
        ((JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "var form = document.getElementById('conference');"
                    + "var button = document.getElementById('create');"
                    + "function send() { return fetch(form.action, {method: 'POST',"
                    + " body: new URLSearchParams(new FormData(form, button))}); }"
                    + "function read(r) { return r.text().then(function (html) {"
                    + " var page = new DOMParser().parseFromString(html, 'text/html');"
                    + " var summary = page.querySelector('.summary');"
                    + " return r.url + (summary ? ' ' + summary.textContent.trim() : ''); }); }"
                    + "Promise.all([send(), send()])"
                    + ".then(function (r) { return Promise.all(r.map(read)); })"
                    + ".then(function (a) { done(a.join('\\n')); })"
                    + ".catch(function (e) { done('failed: ' + e); });");
    String[] answers = String.valueOf(landed).split("\n");
    assertEquals(2, answers.length, String.valueOf(landed));
    for (String answer : answers) {
      assertTrue(
          answer.matches(".*/conferences/[0-9a-f-]{36}\\?at=\\d+( .*)?"),
          "landed on the conference, not refused: " + answer);
    }
    assertEquals(
        answers[0].replaceAll(" .*", ""),
        answers[1].replaceAll(" .*", ""),
        "both answered with the one conference");
    browser.go("/conferences?q=" + name.substring(6));
    assertEquals(List.of(name), texts(By.cssSelector("#conferences tbody th")), "one conference");
  }

  @Test
  void everyAddressOpensDirectly() {
    String staff = browser.signInAsNew("staff");
    String id = Setup.publishedConference(Http.as(staff, Browser.PASSWORD), 5);
    String booking = Http.object(book(Http.as(staff, Browser.PASSWORD), id, 1)).getString("id");
    List<String> addresses =
        List.of(
            "/conferences",
            "/conferences/new",
            "/conferences/" + id,
            "/conferences/" + id + "/dashboard",
            "/conferences/" + id + "/book",
            "/bookings",
            "/bookings/" + booking,
            "/holds");
    for (String address : addresses) {
      browser.go(address);
      assertEquals(address, browser.path());
      String heading = browser.heading();
      assertFalse(
          heading.equals("Not found") || heading.startsWith("Something"), address + ": " + heading);
      assertTrue(browser.has(By.cssSelector("nav.crumbs")), "breadcrumbs on " + address);
      assertTrue(browser.has(By.id("signout")), "sign-out on " + address);
      browser.assertOnlyScriptFiles();
    }
    browser.go("/conferences/no-such-conference");
    assertEquals("Not found", browser.heading());
    browser.go("/conferences/no-such-conference/dashboard");
    assertEquals("Not found", browser.heading());
    browser.go("/conferences/conference.xhtml");
    assertEquals("Not found", browser.heading(), "a view behind a route has no address of its own");
  }

  private static void addSeatType(
      String code, String name, String quantity, String price, String currency) {
    browser.fill("Code", code);
    browser.field("Name", "newName").clear();
    browser.field("Name", "newName").sendKeys(name);
    browser.field("Quantity", "newQuantity").clear();
    browser.field("Quantity", "newQuantity").sendKeys(quantity);
    browser.fill("Price", price);
    browser.fill("Currency", currency);
    browser.click("add");
  }

  private static HttpResponse<String> book(Http api, String conference, int seats) {
    HttpResponse<String> booked =
        api.postJson(
            "/api/conferences/" + conference + "/bookings",
            "{\"registrant\":{\"name\":\"Ada\",\"email\":\"ada@example.org\"},\"seats\":{\"standard\":"
                + seats
                + "}}");
    assertEquals(201, booked.statusCode(), booked.body());
    return booked;
  }

  private static boolean conferenceNamed(String name) {
    return Http.admin().get("/api/conferences").body().contains("\"" + name + "\"");
  }

  private static String cell(String table, int row, int column) {
    return browser
        .driver()
        .findElement(
            By.cssSelector(
                "#" + table + " tbody tr:nth-child(" + row + ") > :nth-child(" + column + ")"))
        .getText()
        .trim();
  }

  private static List<String> texts(By by) {
    return browser.all(by).stream().map(e -> e.getText().trim()).toList();
  }
}
