package org.seatledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who may do what: the API with HTTP Basic, the pages with the sign-in form. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
  private static final String STRONG = "a-long-enough-passphrase";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ClientDeployment.marker("security-it");
  }

  @BeforeAll
  static void ready() throws InterruptedException {
    Server.awaitReady();
  }

  @Test
  void theApiRefusesCallsWithoutCredentials() {
    HttpResponse<String> response = Http.anonymous().get("/api/me");
    assertEquals(401, response.statusCode());
    assertProblem(response, 401);
    assertTrue(
        response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"),
        "tells the client to use HTTP Basic");
  }

  @Test
  void anApiCallThatChangesSomethingNeedsMoreThanTheSessionCookie() {
    Http admin = Http.admin();
    HttpResponse<String> created =
        admin.postJson(
            "/api/conferences",
            "{\"name\":\"Cookie\",\"slug\":\"cookie-"
                + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"startsOn\":\"2027-06-01\",\"endsOn\":\"2027-06-02\",\"venue\":\"Hall\"}");
    assertEquals(201, created.statusCode(), created.body());
    String conference = Http.object(created).getString("id");
    String stream = "/api/streams/conference-" + conference + "/events";
    int events = ((JsonArray) Http.json(admin.get(stream))).size();
    Http cookie = admin.cookiesOnly();
    assertEquals(200, cookie.get("/api/me").statusCode(), "reading with the session is fine");

    for (String path :
        List.of(
            "/api/conferences/" + conference + "/publish",
            "/api/conferences/" + conference + "/unpublish",
            "/api/subjects/subject-" + conference + "/erase",
            "/api/admin/projections/reporting.bookings/pause",
            "/api/admin/projections/reporting.bookings/rebuild",
            "/api/admin/verify",
            "/api/audit/verify",
            "/api/admin/master-key/rotate")) {
      HttpResponse<String> refused = cookie.postJson(path, "");
      assertEquals(401, refused.statusCode(), path + ": " + refused.body());
      assertTrue(
          Http.object(refused).getString("detail").contains("Authorization header"),
          refused.body());
      // a form on another site, sent by a browser that holds Basic credentials for this one
      HttpResponse<String> form = admin.postForm(path, "submit=1");
      assertEquals(415, form.statusCode(), path + ": " + form.body());
    }
    assertEquals(events, ((JsonArray) Http.json(admin.get(stream))).size(), "nothing appended");
    JsonArray projections = (JsonArray) Http.json(admin.get("/api/admin/projections"));
    for (JsonValue projection : projections) {
      assertNotEquals("PAUSED", projection.asJsonObject().getString("status"), "nothing paused");
      assertNotEquals("REBUILDING", projection.asJsonObject().getString("status"));
    }
  }

  @Test
  void failedSignInsBackOffWithRetryAfterAndARightPasswordGetsInAfterThePause() {
    String staff = newUser("staff");
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> wrong = Http.basicOnly(staff, "not-" + STRONG).get("/api/me");
      assertEquals(401, wrong.statusCode(), "failure " + i + ": " + wrong.body());
    }
    // the sixth failure started a pause: the next try is not even checked, right or wrong
    HttpResponse<String> paused = Http.basicOnly(staff, STRONG).get("/api/me");
    assertEquals(429, paused.statusCode(), paused.body());
    assertProblem(paused, 429);
    assertTrue(Http.object(paused).getString("detail").contains("Too many failed sign-ins"));
    long retryAfter = Long.parseLong(paused.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1 && retryAfter <= 30, "Retry-After " + retryAfter);

    sleep(retryAfter * 1000 + 200);
    assertEquals(200, Http.basicOnly(staff, STRONG).get("/api/me").statusCode(), "after the pause");
    assertEquals(
        401,
        Http.basicOnly(staff, "not-" + STRONG).get("/api/me").statusCode(),
        "a success forgot the failures: the next wrong one is a plain 401 again");

    String metrics = Http.anonymous().get("/metrics?scope=application").body();
    assertTrue(metrics.contains("seatledger_signin_throttled"), "counted in the metrics");
    assertTrue(metrics.contains("seatledger_signin_failures"), "counted in the metrics");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aWrongPasswordIsRefused() {
    HttpResponse<String> response = Http.as("admin", "not-the-password").get("/api/me");
    assertEquals(401, response.statusCode());
    assertEquals("Wrong username or password.", Http.object(response).getString("detail"));
    assertEquals(401, Http.as("nobody-" + UUID.randomUUID(), STRONG).get("/api/me").statusCode());
  }

  @Test
  void repeatedBasicCallsSucceedAndAWrongPasswordAfterARightOneIsStillRefused() {
    String staff = newUser("staff");
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> me = Http.basicOnly(staff, STRONG).get("/api/me");
      assertEquals(200, me.statusCode(), "call " + i + ": " + me.body());
      assertEquals(staff, Http.object(me).getString("username"));
    }
    HttpResponse<String> wrong = Http.basicOnly(staff, STRONG + "-not").get("/api/me");
    assertEquals(401, wrong.statusCode(), "a remembered right password lets no wrong one in");
    assertEquals("Wrong username or password.", Http.object(wrong).getString("detail"));
    assertEquals(401, Http.basicOnly(staff, "").get("/api/me").statusCode());
    assertEquals(200, Http.basicOnly(staff, STRONG).get("/api/me").statusCode(), "and right again");
  }

  @Test
  void aUserRefusedBeforeTheyExistedSignsInOnceCreated() {
    String name = "late-" + shortId();
    assertEquals(401, Http.basicOnly(name, STRONG).get("/api/me").statusCode());
    HttpResponse<String> created =
        Http.admin().postJson("/api/admin/users", userJson(name, STRONG, "auditor"));
    assertEquals(201, created.statusCode(), created.body());
    HttpResponse<String> me = Http.basicOnly(name, STRONG).get("/api/me");
    assertEquals(200, me.statusCode(), me.body());
    assertEquals("auditor", Http.object(me).getJsonArray("roles").getString(0));
    assertEquals(403, Http.basicOnly(name, STRONG).get("/api/admin/users").statusCode());
  }

  @Test
  void theBootstrapAdminSignsInWithTheConfiguredPasswordAndHoldsEveryRole() {
    HttpResponse<String> response = Http.admin().get("/api/me");
    assertEquals(200, response.statusCode(), response.body());
    JsonObject me = Http.object(response);
    assertEquals("admin", me.getString("username"));
    assertEquals(
        List.of("staff", "auditor", "admin"),
        me.getJsonArray("roles").getValuesAs(JsonValue::toString).stream()
            .map(s -> s.replace("\"", ""))
            .toList());
  }

  @Test
  void aStaffUserCannotUseAdminEndpoints() {
    String staff = newUser("staff");
    HttpResponse<String> me = Http.as(staff, STRONG).get("/api/me");
    assertEquals(200, me.statusCode(), "the new user can sign in");
    HttpResponse<String> users = Http.as(staff, STRONG).get("/api/admin/users");
    assertEquals(403, users.statusCode());
    assertProblem(users, 403);
    HttpResponse<String> create =
        Http.as(staff, STRONG).postJson("/api/admin/users", userJson("x" + staff, STRONG, "admin"));
    assertEquals(403, create.statusCode(), "staff cannot make themselves an admin");
  }

  @Test
  void anAdminCreatesUsersAndTheListNeverShowsPasswords() {
    String name = "auditor-" + shortId();
    HttpResponse<String> created =
        Http.admin().postJson("/api/admin/users", userJson(name, STRONG, "auditor"));
    assertEquals(201, created.statusCode(), created.body());
    assertTrue(
        created.headers().firstValue("Location").orElse("").endsWith("/api/admin/users/" + name));
    assertFalse(created.body().contains(STRONG), "the password is never echoed");

    HttpResponse<String> list = Http.admin().get("/api/admin/users");
    assertEquals(200, list.statusCode());
    assertFalse(list.body().contains(STRONG));
    assertFalse(list.body().toLowerCase().contains("password"), "no password or hash field");
    JsonArray users = (JsonArray) Http.json(list);
    JsonObject listed =
        users.getValuesAs(JsonObject.class).stream()
            .filter(u -> u.getString("username").equals(name))
            .findFirst()
            .orElseThrow();
    assertEquals("auditor", listed.getJsonArray("roles").getString(0));
    assertEquals("admin", listed.getString("createdBy"));
  }

  @Test
  void aTakenNameIsAConflict() {
    String name = newUser("staff");
    HttpResponse<String> again =
        Http.admin().postJson("/api/admin/users", userJson(name, STRONG, "staff"));
    assertEquals(409, again.statusCode());
    assertProblem(again, 409);
  }

  @Test
  void badUserInputGetsASentenceAndStoresNothing() {
    String name = "weak-" + shortId();
    HttpResponse<String> weak =
        Http.admin().postJson("/api/admin/users", userJson(name, "short", "staff"));
    assertEquals(400, weak.statusCode());
    assertTrue(Http.object(weak).getString("detail").contains("at least 12 characters"));
    assertEquals(404, Http.admin().get("/api/admin/users/" + name).statusCode(), "nothing stored");

    assertEquals(
        400,
        Http.admin().postJson("/api/admin/users", userJson(name, STRONG, "root")).statusCode());
    assertEquals(
        400,
        Http.admin().postJson("/api/admin/users", userJson("A B", STRONG, "staff")).statusCode());
    HttpResponse<String> notJson = Http.admin().postJson("/api/admin/users", "{\"username\": ");
    assertEquals(400, notJson.statusCode());
    assertProblem(notJson, 400);
  }

  @Test
  void unknownApiAddressesAreProblemsToo() {
    HttpResponse<String> missing = Http.admin().get("/api/no-such-thing");
    assertEquals(404, missing.statusCode());
    assertProblem(missing, 404);
  }

  @Test
  void pagesSendAnonymousVisitorsToTheSignInPage() {
    HttpResponse<String> home = Http.anonymous().get("/");
    assertEquals(302, home.statusCode());
    assertTrue(home.headers().firstValue("Location").orElse("").endsWith("/login"));
  }

  @Test
  void theSignInFormSignsInAndOutAndEveryPageCarriesSecurityHeaders() {
    Http browser = Http.anonymous();
    HttpResponse<String> form = browser.get("/login");
    assertEquals(200, form.statusCode());
    assertTrue(
        form.headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("frame-ancestors 'none'"));
    assertEquals("nosniff", form.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("DENY", form.headers().firstValue("X-Frame-Options").orElse(""));

    HttpResponse<String> wrong =
        browser.postForm("/login", signInForm(viewState(form), "admin", "wrong-password"));
    assertEquals(200, wrong.statusCode());
    assertTrue(wrong.body().contains("Wrong username or password."));

    HttpResponse<String> signedIn =
        browser.postForm("/login", signInForm(viewState(wrong), "admin", Http.ADMIN_PASSWORD));
    assertEquals(302, signedIn.statusCode(), signedIn.body());
    HttpResponse<String> home = browser.get("/");
    assertEquals(200, home.statusCode());
    assertTrue(home.body().contains("Welcome, admin"), home.body());

    String signOut =
        "account_SUBMIT=1&signout=Sign+out&jakarta.faces.ViewState=" + encode(viewState(home));
    HttpResponse<String> signedOut = browser.postForm("/", signOut);
    assertEquals(302, signedOut.statusCode(), signedOut.body());
    assertEquals(302, browser.get("/").statusCode(), "signed out: back to the sign-in page");
  }

  @Test
  void aSignInTakesANewSessionIdAndASecondSignInOnTheSameBrowserSwitchesTheUser() {
    String staff = newUser("staff");
    Http browser = Http.anonymous();
    HttpResponse<String> form = browser.get("/login");
    String anonymousSession = browser.sessionId();
    assertNotNull(anonymousSession, "the sign-in page keeps its form in a session");
    HttpResponse<String> admin =
        browser.postForm("/login", signInForm(viewState(form), "admin", Http.ADMIN_PASSWORD));
    assertEquals(302, admin.statusCode(), admin.body());
    assertNotEquals(
        anonymousSession, browser.sessionId(), "signing in gives the session a new id (fixation)");
    assertTrue(browser.get("/").body().contains("Welcome, admin"));

    HttpResponse<String> again = browser.get("/login");
    HttpResponse<String> other =
        browser.postForm("/login", signInForm(viewState(again), staff, STRONG));
    assertEquals(302, other.statusCode(), other.body());
    HttpResponse<String> home = browser.get("/");
    assertEquals(200, home.statusCode(), home.body());
    assertTrue(home.body().contains("Welcome, " + staff), home.body());
  }

  @Test
  void anApiSessionAnswersOnlyForTheUserWhoSignedInOnIt() {
    String staff = newUser("staff");
    Http admin = Http.admin();
    assertEquals("admin", Http.object(admin.get("/api/me")).getString("username"));
    assertNotNull(admin.sessionId(), "the API client keeps a session");
    // the admin's session cookie with another user's name and a wrong password: refused
    HttpResponse<String> wrong = admin.withBasic(staff, "not-the-password").get("/api/me");
    assertProblem(wrong, 401);
    // with that user's right password: that user, not the admin of the session
    HttpResponse<String> right = admin.withBasic(staff, STRONG).get("/api/me");
    assertEquals(200, right.statusCode(), right.body());
    assertEquals(staff, Http.object(right).getString("username"));
  }

  @Test
  void aSignInFormPostedFromElsewhereIsRefused() {
    Http victim = Http.anonymous();
    victim.get("/login");
    HttpResponse<String> forged =
        victim.postForm("/login", signInForm("forged-view-state", "admin", Http.ADMIN_PASSWORD));
    assertEquals(400, forged.statusCode(), "a POST without the form's own key is refused");
    assertTrue(forged.body().contains("This form cannot be accepted"), forged.body());
    assertFalse(forged.body().contains("Exception"), "no stack trace: " + forged.body());
    assertEquals(302, victim.get("/").statusCode(), "still not signed in");
  }

  private static String newUser(String role) {
    String name = role + "-" + shortId();
    HttpResponse<String> created =
        Http.admin().postJson("/api/admin/users", userJson(name, STRONG, role));
    assertEquals(201, created.statusCode(), created.body());
    return name;
  }

  private static String userJson(String username, String password, String role) {
    return "{\"username\":\""
        + username
        + "\",\"password\":\""
        + password
        + "\",\"roles\":[\""
        + role
        + "\"]}";
  }

  private static String signInForm(String viewState, String username, String password) {
    return "signin_SUBMIT=1&submit=Sign+in&username="
        + encode(username)
        + "&password="
        + encode(password)
        + "&jakarta.faces.ViewState="
        + encode(viewState);
  }

  private static String viewState(HttpResponse<String> page) {
    Matcher matcher = VIEW_STATE.matcher(page.body());
    assertTrue(matcher.find(), "the page has a form: " + page.body());
    return matcher.group(1);
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertEquals(
        "application/problem+json",
        response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    JsonObject problem = Http.object(response);
    assertEquals(status, problem.getInt("status"));
    assertFalse(problem.getString("detail").isBlank(), "a sentence for a person");
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
