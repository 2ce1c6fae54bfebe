package org.seatledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import org.seatledger.it.browser.Browser;

/**
 * The admin pages in a real browser: users are created (a weak password refused on the form),
 * disabled (their open session ends at its next page, their API credentials stop working), given a
 * one-time password that must be changed at the next sign-in; every change is an event in the log.
 * Staff and auditors are kept out; every page passes the accessibility check.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
class AdminPagesIT {

  private static final String STRONG = "correct horse battery";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ClientDeployment.marker("admin-pages-it");
  }

  @BeforeAll
  static void serverUp() throws Exception {
    Server.awaitReady();
  }

  @Test
  void anAdminCreatesAStaffUserAndDisablingThemEndsTheirSessionAtOnce() {
    String name = "pat-" + UUID.randomUUID().toString().substring(0, 8);
    try (Browser admin = Browser.open();
        Browser pat = Browser.open()) {
      admin.signInAsNew("admin");
      admin.go("/admin/users");
      assertEquals("Users", admin.heading());
      admin.assertAccessible();

      admin.fill("Username", name);
      admin.fill("Password", "too-short");
      assertTrue(
          admin.byId("password-policy").getText().contains("At least 12 characters"),
          "the policy is shown beside the field");
      assertEquals(
          "unmet",
          admin
              .byId("password-policy")
              .findElement(org.openqa.selenium.By.cssSelector("[data-rule=length]"))
              .getAttribute("class"),
          "the length rule is shown unmet while typing");
      admin.field("Staff").click();
      admin.click("create");
      assertEquals("The password must have at least 12 characters.", admin.fieldError("Password"));
      admin.screenshot("admin-users-refused");
      admin.assertAccessible();

      admin.fill("Password", STRONG);
      admin.click("create");
      assertEquals("/admin/users?user=" + name, admin.path());
      assertEquals(
          List.of("The user " + name + " was created with the roles staff."), summary(admin));
      assertEquals("staff", admin.byId("selected-roles").getText());

      pat.signIn(name, STRONG);
      pat.go("/conferences");
      assertEquals("/conferences", pat.path());

      admin.click("disable");
      assertEquals("Disable " + name + "?", admin.byId("confirm-title").getText());
      admin.screenshot("admin-users-confirm-disable");
      admin.assertAccessible();
      admin.click("confirm-disable");
      assertEquals(List.of(name + " is disabled and was signed out everywhere."), summary(admin));
      assertTrue(admin.byId("selected-status").getText().contains("Disabled"));

      pat.go("/conferences");
      assertTrue(pat.path().startsWith("/login"), "a disabled user's next page: " + pat.path());
      assertEquals(401, Http.basicOnly(name, STRONG).get("/api/me").statusCode());

      admin.click("enable");
      assertEquals(200, Http.basicOnly(name, STRONG).get("/api/me").statusCode());

      // a role change names what it does before it is made, and says what it did
      admin.go("/admin/users?user=" + name);
      admin.byId("role-auditor").click();
      admin.click("change-roles");
      assertEquals("Change the roles of " + name + "?", admin.byId("confirm-title").getText());
      assertTrue(admin.text().contains("From staff to auditor, staff."), admin.text());
      admin.assertAccessible();
      admin.click("confirm-roles");
      assertEquals(List.of(name + " now has the roles auditor, staff."), summary(admin));
      assertEquals("auditor, staff", admin.byId("selected-roles").getText());
      admin.go("/admin/users");
      admin.screenshot("admin-users");
      assertTrue(admin.byId("user-" + name).getText().contains("Active"));
    }
    assertEquals(
        List.of("UserCreated", "UserDisabled", "UserEnabled", "UserRolesChanged"),
        eventTypes("user-" + name));
  }

  @Test
  void aResetPasswordMustBeChangedAtTheNextSignIn() {
    String name = Setup.user("staff", Browser.PASSWORD);
    String oneTime;
    try (Browser admin = Browser.open()) {
      admin.signInAsNew("admin");
      admin.go("/admin/users?user=" + name);
      admin.click("reset");
      admin.assertAccessible();
      admin.click("confirm-reset");
      oneTime = admin.byId("one-time-password").getText();
      admin.screenshot("admin-users-one-time-password");
      admin.assertAccessible();
      admin.go("/admin/users?user=" + name);
      assertFalse(admin.has(org.openqa.selenium.By.id("one-time-password")), "shown only once");
    }
    assertEquals(401, Http.basicOnly(name, Browser.PASSWORD).get("/api/me").statusCode());
    HttpResponse<String> blocked = Http.basicOnly(name, oneTime).get("/api/conferences");
    assertEquals(403, blocked.statusCode(), blocked.body());
    assertTrue(blocked.body().contains("choose your own first"), blocked.body());

    try (Browser user = Browser.open()) {
      user.signIn(name, oneTime);
      assertEquals("/account", user.path());
      assertTrue(user.text().contains("An admin reset your password."), user.text());
      user.go("/conferences");
      assertEquals("/account", user.path(), "every page leads to the account page");
      user.assertAccessible();

      user.fill("Current password", oneTime);
      user.fill("New password", "abcabcabcabc");
      user.fill("New password again", "abcabcabcabc");
      user.click("change");
      assertEquals(
          "The password must not repeat the same few characters.", user.fieldError("New password"));
      user.screenshot("account-refused");

      user.fill("Current password", oneTime);
      user.fill("New password", STRONG);
      user.fill("New password again", STRONG);
      user.click("change");
      assertEquals("/", user.path());
      user.go("/conferences");
      assertEquals("/conferences", user.path());
    }
    assertEquals(200, Http.basicOnly(name, STRONG).get("/api/me").statusCode());
    assertEquals(
        List.of("UserCreated", "PasswordReset", "PasswordChanged"), eventTypes("user-" + name));
  }

  @Test
  void staffAndAuditorsAreNotAllowedOnAdminPages() {
    for (String role : List.of("staff", "auditor")) {
      String name = Setup.user(role, Browser.PASSWORD);
      for (String page :
          List.of(
              "/admin/users",
              "/admin/read-models",
              "/admin/catalogue",
              "/admin/log",
              "/admin/erase",
              "/admin/server")) {
        assertEquals(
            403, Http.as(name, Browser.PASSWORD).get(page).statusCode(), role + " on " + page);
      }
    }
    try (Browser staff = Browser.open()) {
      staff.signInAsNew("staff");
      staff.go("/admin/users");
      assertEquals("Not allowed", staff.heading());
      assertFalse(staff.text().contains("Administration"), "no admin link for staff");
      staff.go("/account");
      assertEquals("Your account", staff.heading());
      staff.assertAccessible();
    }
  }

  @Test
  void anAdminPausesAReadModelSeesItsLagInTheChartAndResumesIt() {
    JsonArray projections = (JsonArray) Http.json(Http.admin().get("/api/admin/projections"));
    String paused = projections.getJsonObject(0).getString("name");
    String me;
    try (Browser admin = Browser.open()) {
      me = admin.signInAsNew("admin");
      admin.go("/admin/read-models");
      assertEquals("Read models", admin.heading());
      admin.assertAccessible();
      assertEquals("RUNNING", status(admin, paused));

      press(admin, "pause-" + paused);
      assertEquals(
          List.of(paused + " is paused on every server; it applies nothing until resumed."),
          summary(admin));
      assertEquals("PAUSED", status(admin, paused));
      // the log moves on without it: its lag grows, and the chart (sampled every 5 s) shows it
      for (int i = 0; i < 3; i++) {
        Setup.user("staff", Browser.PASSWORD);
      }
      admin.waitUntil(
          d -> {
            admin.go("/admin/read-models");
            return maxLagInChart(admin, paused) >= 3;
          });
      String chart = admin.byId("lag-" + paused).getAttribute("aria-label");
      assertTrue(chart.startsWith("Lag over the last 10 minutes ("), chart);
      admin.screenshot("admin-read-models-paused");
      admin.assertAccessible();

      press(admin, "resume-" + paused);
      assertEquals("RUNNING", status(admin, paused));
    } finally {
      // never leave it paused for the tests after this one, whatever failed
      Http.admin().postJson("/api/admin/projections/" + paused + "/resume", "");
    }
    List<JsonObject> recorded = events("read-model-" + paused);
    List<JsonObject> last = recorded.subList(recorded.size() - 2, recorded.size());
    assertEquals(
        List.of("ReadModelPaused", "ReadModelResumed"),
        last.stream().map(e -> e.getString("type")).toList());
    assertTrue(last.stream().allMatch(e -> e.getString("recordedBy").equals(me)), last.toString());
  }

  @Test
  void anAdminRebuildsAReadModelAndSeesItsProgressAndTheSwitch() {
    String rebuilt = "audit.trail";
    String me;
    try (Browser admin = Browser.open()) {
      me = admin.signInAsNew("admin");
      rebuildHeldAndLetGo(admin, rebuilt);
    } finally {
      // never leave the audit trail paused for the tests after this one, whatever failed
      Http.admin().postJson("/api/admin/projections/" + rebuilt + "/resume", "");
    }
    List<JsonObject> recorded = events("read-model-" + rebuilt);
    List<JsonObject> last = recorded.subList(recorded.size() - 3, recorded.size());
    assertEquals(
        List.of("ReadModelPaused", "ReadModelRebuildStarted", "ReadModelResumed"),
        last.stream().map(e -> e.getString("type")).toList());
    assertTrue(last.stream().allMatch(e -> e.getString("recordedBy").equals(me)), last.toString());
    assertTrue(last.get(1).getJsonObject("data").getJsonNumber("head").longValue() > 0);
  }

  private static void rebuildHeldAndLetGo(Browser admin, String rebuilt) {
    admin.go("/admin/read-models");
    int generation = generation(admin, rebuilt);
    // held at its start by a pause, the rebuild is on the page however fast this machine is
    press(admin, "pause-" + rebuilt);
    assertEquals("PAUSED", status(admin, rebuilt));
    press(admin, "rebuild-" + rebuilt);
    assertEquals("Rebuild " + rebuilt + "?", admin.byId("confirm-title").getText());
    assertTrue(admin.byId("confirm-paused").getText().contains("waits at its start"));
    admin.assertAccessible();
    admin.click("confirm-rebuild");
    assertTrue(
        summary(admin).get(0).startsWith("The rebuild of " + rebuilt + " started"),
        summary(admin).toString());
    String progress = progressOf(admin, rebuilt);
    assertTrue(
        progress.matches("Paused at 0 of [0-9,]+ events; it goes on when resumed\\."), progress);
    long total =
        Long.parseLong(progress.replaceAll("^Paused at 0 of ([0-9,]+) .*$", "$1").replace(",", ""));
    assertTrue(total > 0, progress);
    admin.screenshot("admin-read-models-rebuild-paused");
    admin.assertAccessible();

    // let go: it runs (rate and time left while it does), then the new rows take over
    press(admin, "resume-" + rebuilt);
    admin.screenshot("admin-read-models-rebuilding");
    admin.waitUntil(
        d -> {
          if (!admin.has(By.cssSelector("#read-models[data-rebuilding='true']"))) {
            admin.go("/admin/read-models"); // the page refreshes itself only while rebuilding
          }
          return "RUNNING".equals(status(admin, rebuilt))
              && generation(admin, rebuilt) == generation + 1;
        });
    assertFalse(admin.has(By.cssSelector("#rm-audit\\.trail progress")));
    admin.screenshot("admin-read-models-rebuilt");
  }

  @Test
  void wrongCurrentPasswordsOnTheAccountPageBackOff() {
    try (Browser user = Browser.open()) {
      user.signInAsNew("staff");
      user.go("/account");
      String said = "";
      for (int i = 0; i < 12 && !said.startsWith("Too many"); i++) {
        user.fill("Current password", "not-my-password-" + i);
        user.fill("New password", STRONG);
        user.fill("New password again", STRONG);
        user.click("change");
        said = user.fieldError("Current password");
        assertTrue(
            said.equals("This is not your current password.")
                || said.startsWith("Too many wrong current passwords; try again in "),
            said);
      }
      assertTrue(said.startsWith("Too many wrong current passwords; try again in "), said);
      user.screenshot("account-throttled");
      user.assertAccessible();
    }
  }

  @Test
  void theServerPageShowsTheSettingsButNeverASecretsValue() {
    try (Browser admin = Browser.open()) {
      admin.signInAsNew("admin");
      admin.go("/admin/server");
      assertEquals("Server", admin.heading());
      admin.assertAccessible();
      admin.screenshot("admin-server");
      String page = admin.driver().getPageSource();
      for (String secret :
          List.of(
              "SEATLEDGER_ADMIN_PASSWORD",
              "SEATLEDGER_MASTER_KEY",
              "SEATLEDGER_MASTER_KEY_PREVIOUS")) {
        String value = System.getenv(secret);
        assertTrue(value != null && !value.isBlank(), secret + " is set for the server under test");
        assertFalse(page.contains(value), "the value of " + secret + " is on the page");
        assertEquals(
            "(secret)",
            admin
                .driver()
                .findElement(
                    org.openqa.selenium.By.xpath(
                        "//table[@id='settings']//tr[th/code='" + secret + "']/td"))
                .getText());
      }
      assertEquals(
          System.getenv("SEATLEDGER_HTTP_PORT"),
          admin
              .driver()
              .findElement(
                  org.openqa.selenium.By.xpath(
                      "//table[@id='settings']//tr[th/code='SEATLEDGER_HTTP_PORT']/td"))
              .getText());
      assertTrue(
          admin.byId("schemas").getText().contains("web v4"), admin.byId("schemas").getText());
      assertTrue(admin.byId("checks").getText().contains("UP"), admin.byId("checks").getText());
    }
  }

  @Test
  void theLogPageChecksThatNoPositionIsMissingOnDemandAndOnASchedule() {
    try (Browser admin = Browser.open()) {
      String name = admin.signInAsNew("admin");
      admin.go("/admin/log");
      assertEquals("Event log", admin.heading());
      admin.assertAccessible();
      long head = Long.parseLong(admin.byId("head").getText().replace(",", ""));
      assertTrue(head > 0, "the head of a log with users in it");
      assertTrue(admin.text().contains("It runs every 5 seconds"), admin.text());

      admin.click("check");
      assertTrue(
          summary(admin).get(0).startsWith("Checked: Positions 1 to "), summary(admin).toString());
      assertTrue(admin.byId("last-check").getText().contains("Contiguous"));
      List<org.openqa.selenium.WebElement> mine = checksBy(admin, name);
      assertEquals(1, mine.size(), "the check is kept with who asked for it");
      admin.screenshot("admin-log");
      admin.assertAccessible();

      // the next check goes on from where the last good one ended, whoever ran it
      Setup.user("staff", Browser.PASSWORD);
      admin.click("check");
      summary(admin);
      mine = checksBy(admin, name);
      assertEquals(2, mine.size());
      long walkedFrom =
          Long.parseLong(
              mine.get(0).findElement(By.cssSelector(".walked-from")).getText().replace(",", ""));
      assertTrue(walkedFrom >= head, "walked from " + walkedFrom + ", not from the first position");
      assertTrue(
          Long.parseLong(mine.get(0).findElement(By.cssSelector(".walked")).getText()) < head,
          "fewer positions walked than the log holds");

      // the schedule (every 5 s in this server's configuration) keeps its results beside them
      admin.waitUntil(
          d -> {
            admin.go("/admin/log");
            return !checksBy(admin, "schedule").isEmpty();
          });
      assertEquals("true", checksBy(admin, "schedule").get(0).getAttribute("data-contiguous"));
    }
  }

  private static List<org.openqa.selenium.WebElement> checksBy(Browser browser, String who) {
    return browser
        .driver()
        .findElements(By.cssSelector("#recent-checks tr[data-by='" + who + "']"));
  }

  @Test
  void anAdminFindsAPersonSeesWhatWillBeErasedAndErasesThem() {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String name = "Erika Muster " + unique;
    String email = "erika." + unique + "@example.org";
    Http staff = Http.as(Setup.user("staff", Browser.PASSWORD), Browser.PASSWORD);
    String conference = Setup.publishedConference(staff, 10);
    HttpResponse<String> booked =
        staff.postJson(
            "/api/conferences/" + conference + "/bookings",
            "{\"registrant\":{\"name\":\""
                + name
                + "\",\"email\":\""
                + email
                + "\"},\"seats\":{\"standard\":1}}");
    assertTrue(booked.statusCode() == 200 || booked.statusCode() == 201, booked.body());
    String booking = Http.object(booked).getString("id");
    long position = Http.object(booked).getJsonNumber("position").longValue();
    assertEquals(
        200,
        staff
            .get("/api/bookings?conferenceId=" + conference + "&atLeast=" + position)
            .statusCode());

    try (Browser admin = Browser.open()) {
      admin.signInAsNew("admin");
      admin.go("/admin/erase");
      assertEquals("Erase a person", admin.heading());
      admin.assertAccessible();
      admin.fill("Booking id, name or e-mail", email);
      admin.click("find");
      assertTrue(admin.byId("people").getText().contains(name), admin.text());
      press(admin, "preview-" + Http.object(booked).getString("registrantId"));
      assertEquals("Erase " + name + "?", admin.byId("confirm-title").getText());
      assertEquals("1", admin.byId("events-naming").getText(), "BookingPlaced names them");
      assertTrue(admin.text().contains(booking), "the preview lists their booking");
      admin.screenshot("admin-erase-preview");
      admin.assertAccessible();
      admin.click("confirm-erase");
      assertTrue(summary(admin).get(0).contains("was erased"), summary(admin).toString());
      assertTrue(admin.byId("erasure-result").getText().contains("cleaned"), admin.text());
      admin.screenshot("admin-erase-result");
      admin.assertAccessible();
      // what staff see of the booking: the person is gone from its page and from the list
      admin.go("/bookings/" + booking);
      assertEquals("[erased]", admin.heading(), admin.text());
      assertFalse(admin.text().contains(email), admin.text());
      admin.go("/bookings?conference=" + conference);
      assertTrue(admin.text().contains("[erased]"), admin.text());
      assertFalse(admin.text().contains(name), admin.text());
    }
    String after = staff.get("/api/bookings/" + booking).body();
    assertTrue(after.contains("[erased]") && !after.contains(email), after);
  }

  @Test
  void theCatalogueListsEveryTypeWithItsCountsFromTheLog() {
    try (Browser admin = Browser.open()) {
      admin.signInAsNew("admin");
      admin.go("/admin/catalogue");
      assertEquals("Event catalogue", admin.heading());
      admin.assertAccessible();
      admin.screenshot("admin-catalogue");
      String placed = admin.byId("type-BookingPlaced").getText();
      assertTrue(placed.contains("registrantName, registrantEmail"), placed);
      assertTrue(admin.byId("type-SeatsReserved").getText().contains("upcast v1 → v2"));
      long created = total(admin, "UserCreated");
      Setup.user("staff", Browser.PASSWORD);
      admin.go("/admin/catalogue");
      assertEquals(created + 1, total(admin, "UserCreated"), "one more user, one more event");

      // every type, with its counts checked against the log as the audit trail read it
      long countedUpTo = number(admin.byId("counted-up-to").getText());
      assertTrue(countedUpTo > 0, "the counts reach into the log");
      List<org.openqa.selenium.WebElement> rows =
          admin.driver().findElements(By.cssSelector("#catalogue tbody tr"));
      assertTrue(rows.size() >= 22, "16 booking and 6 access-control types: " + rows.size());
      long sum = 0;
      for (org.openqa.selenium.WebElement row : rows) {
        String type = row.getAttribute("id").substring("type-".length());
        long shown = number(row.findElement(By.cssSelector("td.total")).getText());
        assertEquals(inTheLog(type, countedUpTo), shown, type + " events up to " + countedUpTo);
        sum += shown;
      }
      assertEquals(countedUpTo, sum, "every event of the log counted once, under its type");

      // which read models read a type: from what they declare
      String readers =
          admin.byId("type-BookingPlaced").findElement(By.cssSelector(".readers")).getText();
      assertTrue(readers.contains("reporting.bookings"), readers);
      assertTrue(readers.contains("audit.trail (every event)"), readers);
      assertFalse(readers.contains("reporting.availability"), readers);
      assertEquals(
          "audit.trail (every event)",
          admin.byId("type-UserCreated").findElement(By.cssSelector(".readers")).getText().trim());

      // every type has its example: the golden fixture its module's test checks
      assertEquals(
          List.of(),
          admin.driver().findElements(By.cssSelector("#catalogue .no-example")).stream()
              .map(e -> e.findElement(By.xpath("./ancestor::tr")).getAttribute("id"))
              .toList(),
          "types without an example");
      admin.byId("type-SeatsReserved").findElement(By.cssSelector("details summary")).click();
      String example = admin.byId("example-SeatsReserved").getText();
      assertTrue(example.contains("\"holdUntil\": \"2026-03-01T10:15:00Z\""), example);
      assertTrue(example.contains("\"vip\": 1"), example);
      admin.screenshot("admin-catalogue-example");
      admin.assertAccessible();
    }
  }

  /** How many events of a type the audit trail holds up to a position (it has every event). */
  private static long inTheLog(String type, long upTo) {
    HttpResponse<String> found = null;
    // atLeast waits 2 s for the audit trail; on a busy machine it may need a few such waits
    for (int i = 0; i < 15 && (found == null || found.statusCode() == 503); i++) {
      found = Http.admin().get("/api/audit/events?format=json&type=" + type + "&atLeast=" + upTo);
    }
    assertEquals(200, found.statusCode(), found.body());
    JsonArray entries = (JsonArray) Http.json(found);
    assertTrue(entries.size() < 10_000, type + ": more than the export gives");
    return entries.stream()
        .map(JsonValue::asJsonObject)
        .filter(e -> e.getJsonNumber("globalPosition").longValue() <= upTo)
        .count();
  }

  private static long number(String shown) {
    return Long.parseLong(shown.trim().replace(",", ""));
  }

  private static long total(Browser browser, String type) {
    return Long.parseLong(
        browser
            .driver()
            .findElement(org.openqa.selenium.By.cssSelector("#type-" + type + " td.total"))
            .getText()
            .replace(",", ""));
  }

  /**
   * The summary of the page a click led to, once it is there: the click returns when the old page
   * is gone, and a redirect after a POST may still be loading.
   */
  private static List<String> summary(Browser browser) {
    return browser.waitUntil(d -> browser.summary().isEmpty() ? null : browser.summary());
  }

  private static int generation(Browser browser, String projection) {
    return Integer.parseInt(
        browser
            .driver()
            .findElement(By.cssSelector("#rm-" + projection.replace(".", "\\.") + " .generation"))
            .getAttribute("data-generation"));
  }

  private static String progressOf(Browser browser, String projection) {
    return browser
        .driver()
        .findElement(By.cssSelector("#rm-" + projection.replace(".", "\\.") + " .rebuild-progress"))
        .getText()
        .trim();
  }

  private static long maxLagInChart(Browser browser, String projection) {
    return Long.parseLong(browser.byId("lag-" + projection).getAttribute("data-max-events"));
  }

  /** The events of a stream, oldest first, as an auditor reads them. */
  private static List<JsonObject> events(String stream) {
    HttpResponse<String> events = Http.admin().get("/api/streams/" + stream + "/events");
    assertEquals(200, events.statusCode(), events.body());
    return ((JsonArray) Http.json(events)).getValuesAs(JsonObject.class);
  }

  private static String status(Browser browser, String projection) {
    return browser
        .driver()
        .findElement(org.openqa.selenium.By.id("rm-" + projection))
        .getAttribute("data-status");
  }

  /** Clicks the button or link marked {@code data-action} and waits for the page it leads to. */
  private static void press(Browser browser, String action) {
    browser.click(
        browser
            .driver()
            .findElement(org.openqa.selenium.By.cssSelector("[data-action='" + action + "']")));
  }

  /** The types of the events on a stream, in order, read as an auditor would. */
  static List<String> eventTypes(String stream) {
    HttpResponse<String> events = Http.admin().get("/api/streams/" + stream + "/events");
    assertEquals(200, events.statusCode(), events.body());
    JsonArray array = (JsonArray) Http.json(events);
    return array.stream().map(JsonValue::asJsonObject).map(e -> e.getString("type")).toList();
  }
}
