package org.seatledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
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
      admin.go("/admin/users");
      admin.screenshot("admin-users");
      assertTrue(admin.byId("user-" + name).getText().contains("Active"));
    }
    assertEquals(List.of("UserCreated", "UserDisabled", "UserEnabled"), eventTypes("user-" + name));
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
  void anAdminPausesResumesAndRebuildsAReadModel() {
    JsonArray projections = (JsonArray) Http.json(Http.admin().get("/api/admin/projections"));
    String paused = projections.getJsonObject(0).getString("name");
    String rebuilt = "audit.trail";
    try (Browser admin = Browser.open()) {
      admin.signInAsNew("admin");
      admin.go("/admin/read-models");
      assertEquals("Read models", admin.heading());
      admin.assertAccessible();
      assertEquals("RUNNING", status(admin, paused));

      press(admin, "pause-" + paused);
      assertEquals(
          List.of(paused + " is paused on every server; it applies nothing until resumed."),
          summary(admin));
      assertEquals("PAUSED", status(admin, paused));
      admin.screenshot("admin-read-models-paused");
      press(admin, "resume-" + paused);
      assertEquals("RUNNING", status(admin, paused));

      press(admin, "rebuild-" + rebuilt);
      assertEquals("Rebuild " + rebuilt + "?", admin.byId("confirm-title").getText());
      admin.assertAccessible();
      admin.click("confirm-rebuild");
      assertTrue(
          summary(admin).get(0).startsWith("The rebuild of " + rebuilt + " started"),
          summary(admin).toString());
      admin.screenshot("admin-read-models-rebuilding");
      // the page refreshes itself until the rebuild is done
      admin.waitUntil(d -> "RUNNING".equals(status(admin, rebuilt)));
      assertFalse(admin.has(org.openqa.selenium.By.cssSelector("#rm-audit\\.trail progress")));
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
          admin.byId("schemas").getText().contains("web v3"), admin.byId("schemas").getText());
      assertTrue(admin.byId("checks").getText().contains("UP"), admin.byId("checks").getText());
    }
  }

  @Test
  void theLogPageShowsTheHeadAndChecksThatNoPositionIsMissing() {
    try (Browser admin = Browser.open()) {
      admin.signInAsNew("admin");
      admin.go("/admin/log");
      assertEquals("Event log", admin.heading());
      assertEquals("Not run on this server since it started.", admin.byId("last-check").getText());
      admin.assertAccessible();
      long head = Long.parseLong(admin.byId("head").getText().replace(",", ""));
      assertTrue(head > 0, "the head of a log with users in it");
      admin.click("check");
      assertTrue(
          summary(admin).get(0).startsWith("Checked: Positions 1 to "), summary(admin).toString());
      assertTrue(admin.byId("last-check").getText().contains("Contiguous"));
      admin.screenshot("admin-log");
      admin.assertAccessible();
    }
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
      assertFalse(admin.text().contains("counted up to position 0)"), "the counts reach the head");
      String placed = admin.byId("type-BookingPlaced").getText();
      assertTrue(placed.contains("registrantName, registrantEmail"), placed);
      assertTrue(admin.byId("type-SeatsReserved").getText().contains("upcast v1 → v2"));
      long created = total(admin, "UserCreated");
      Setup.user("staff", Browser.PASSWORD);
      admin.go("/admin/catalogue");
      assertEquals(created + 1, total(admin, "UserCreated"), "one more user, one more event");
      assertEquals(
          eventTypes("user-admin").size(), 1, "the first admin's stream holds its UserCreated");
    }
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

  private static String status(Browser browser, String projection) {
    return browser
        .driver()
        .findElement(org.openqa.selenium.By.id("rm-" + projection))
        .getAttribute("data-status");
  }

  /** Clicks the button or link marked {@code data-action} and waits for the page it leads to. */
  private static void press(Browser browser, String action) {
    org.openqa.selenium.WebElement element =
        browser
            .driver()
            .findElement(org.openqa.selenium.By.cssSelector("[data-action='" + action + "']"));
    element.click();
    browser.waitUntil(
        d -> {
          try {
            element.isEnabled();
            return false;
          } catch (org.openqa.selenium.StaleElementReferenceException gone) {
            return true;
          }
        });
  }

  /** The types of the events on a stream, in order, read as an auditor would. */
  static List<String> eventTypes(String stream) {
    HttpResponse<String> events = Http.admin().get("/api/streams/" + stream + "/events");
    assertEquals(200, events.statusCode(), events.body());
    JsonArray array = (JsonArray) Http.json(events);
    return array.stream().map(JsonValue::asJsonObject).map(e -> e.getString("type")).toList();
  }
}
