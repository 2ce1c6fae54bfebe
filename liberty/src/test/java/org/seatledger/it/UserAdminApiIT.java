package org.seatledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The user operations of the admin API: roles and enabled by PATCH, a password reset, and every
 * user's own password change; refusals are problems with a sentence, and every change an event on
 * the user's stream, naming who made it and never the password.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UserAdminApiIT {

  private static final String PASSWORD = "a-long-enough-passphrase";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ClientDeployment.marker("user-admin-api-it");
  }

  @BeforeAll
  static void serverUp() throws Exception {
    Server.awaitReady();
  }

  @Test
  void rolesAndEnabledChangeByPatchAndTakeEffectAtTheNextCall() {
    String name = Setup.user("staff", PASSWORD);
    Http user = Http.as(name, PASSWORD); // keeps its session cookie
    assertEquals(200, user.get("/api/me").statusCode());
    assertEquals(403, user.get("/api/streams/user-" + name + "/events").statusCode());

    HttpResponse<String> changed = patch(name, "{\"roles\":[\"staff\",\"auditor\"]}");
    assertEquals(200, changed.statusCode(), changed.body());
    assertEquals(
        List.of("auditor", "staff"),
        Http.object(changed).getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString));
    // the same session now carries the new role
    assertEquals(
        List.of("staff", "auditor"),
        Http.object(user.get("/api/me"))
            .getJsonArray("roles")
            .getValuesAs(jakarta.json.JsonString::getString));

    assertEquals(200, patch(name, "{\"enabled\":false}").statusCode());
    assertEquals(401, user.get("/api/me").statusCode(), "the session ended with the disable");
    assertEquals(401, Http.basicOnly(name, PASSWORD).get("/api/me").statusCode());
    assertFalse(Http.object(Http.admin().get("/api/admin/users/" + name)).getBoolean("enabled"));
    assertEquals(200, patch(name, "{\"enabled\":true}").statusCode());
    assertEquals(200, Http.basicOnly(name, PASSWORD).get("/api/me").statusCode());

    List<JsonObject> events = events(name);
    assertEquals(
        List.of("UserCreated", "UserRolesChanged", "UserDisabled", "UserEnabled"),
        events.stream().map(e -> e.getString("type")).toList());
    assertTrue(events.stream().allMatch(e -> e.getString("recordedBy").equals("admin")));
    assertEquals(
        List.of("staff"),
        events
            .get(1)
            .getJsonObject("data")
            .getJsonArray("before")
            .getValuesAs(jakarta.json.JsonString::getString));
  }

  @Test
  void refusalsAreProblemsWithASentence() {
    String name = Setup.user("staff", PASSWORD);
    assertProblem(patch(name, "{\"roles\":[]}"), 400, "Give the user at least one role.");
    assertProblem(patch(name, "{\"roles\":[\"owner\"]}"), 400, "roles staff, auditor and admin");
    assertProblem(patch(name, "{}"), 400, "roles, enabled or both");
    assertProblem(patch("nobody-here", "{\"enabled\":false}"), 404, "no user named 'nobody-here'");
    assertProblem(patch("admin", "{\"enabled\":false}"), 400, "cannot disable your own account");
    assertProblem(
        patch("admin", "{\"roles\":[\"staff\"]}"), 400, "cannot take the admin role from yourself");
    assertProblem(
        Http.admin().postJson("/api/admin/users/nobody-here/password-reset", ""),
        404,
        "no user named 'nobody-here'");
    assertEquals(
        List.of("UserCreated"), events(name).stream().map(e -> e.getString("type")).toList());
  }

  @Test
  void aResetGivesAOneTimePasswordThatMustBeChangedFirst() {
    String name = Setup.user("staff", PASSWORD);
    HttpResponse<String> reset =
        Http.admin().postJson("/api/admin/users/" + name + "/password-reset", "");
    assertEquals(200, reset.statusCode(), reset.body());
    String oneTime = Http.object(reset).getString("oneTimePassword");
    assertTrue(
        Http.object(Http.admin().get("/api/admin/users/" + name)).getBoolean("resetPending"));
    assertEquals(401, Http.basicOnly(name, PASSWORD).get("/api/me").statusCode());

    Http user = Http.basicOnly(name, oneTime);
    assertEquals(200, user.get("/api/me").statusCode());
    assertProblem(user.get("/api/conferences"), 403, "choose your own first");
    assertProblem(
        user.postJson("/api/me/password", json("not-it-at-all", "a-new-long-passphrase")),
        400,
        "not your current password");
    assertProblem(
        user.postJson("/api/me/password", json(oneTime, "short")), 400, "at least 12 characters");
    assertEquals(
        204,
        user.postJson("/api/me/password", json(oneTime, "a-new-long-passphrase")).statusCode());

    Http changed = Http.basicOnly(name, "a-new-long-passphrase");
    assertFalse(
        Http.object(Http.admin().get("/api/admin/users/" + name)).getBoolean("resetPending"));
    assertEquals(200, changed.get("/api/conferences").statusCode());
    assertEquals(401, Http.basicOnly(name, oneTime).get("/api/me").statusCode());

    List<JsonObject> events = events(name);
    assertEquals(
        List.of("UserCreated", "PasswordReset", "PasswordChanged"),
        events.stream().map(e -> e.getString("type")).toList());
    assertEquals(name, events.get(2).getString("recordedBy"));
    String all = events.toString();
    assertFalse(all.contains(oneTime) || all.contains("a-new-long-passphrase"), all);
    assertFalse(all.toLowerCase().contains("hash\":\"pbkdf2"), "no password hash in events");
  }

  @Test
  void wrongCurrentPasswordsBackOffWith429AndRetryAfter() {
    String name = Setup.user("staff", PASSWORD);
    Http user = Http.basicOnly(name, PASSWORD);
    String wrong = json("not-my-password", "a-new-long-passphrase");
    for (int i = 0; i < 5; i++) {
      assertProblem(user.postJson("/api/me/password", wrong), 400, "not your current password");
    }
    // the sixth failure starts a pause of 1 s, the next ones double it: within a few tries one
    // must arrive during a pause, however slow this machine is
    HttpResponse<String> paused = null;
    for (int i = 0; i < 6 && paused == null; i++) {
      HttpResponse<String> answer = user.postJson("/api/me/password", wrong);
      if (answer.statusCode() == 429) {
        paused = answer;
      } else {
        assertProblem(answer, 400, "not your current password");
      }
    }
    assertTrue(paused != null, "a wrong current password again and again is paused");
    assertProblem(paused, 429, "Too many wrong current passwords; try again in");
    long retryAfter = Long.parseLong(paused.headers().firstValue("Retry-After").orElse("0"));
    assertTrue(retryAfter >= 1 && retryAfter <= 30, "Retry-After: " + retryAfter);
    assertEquals(
        200, user.get("/api/me").statusCode(), "the pause is for password changes, not sign-in");
    assertEquals(
        List.of("UserCreated"),
        events(name).stream().map(e -> e.getString("type")).toList(),
        "nothing was changed");
  }

  private static String json(String current, String chosen) {
    return "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + chosen + "\"}";
  }

  private static HttpResponse<String> patch(String name, String body) {
    return Http.admin().command("PATCH", "/api/admin/users/" + name, body, null);
  }

  private static List<JsonObject> events(String name) {
    HttpResponse<String> events = Http.admin().get("/api/streams/user-" + name + "/events");
    assertEquals(200, events.statusCode(), events.body());
    return ((jakarta.json.JsonArray) Http.json(events)).getValuesAs(JsonObject.class);
  }

  private static void assertProblem(HttpResponse<String> answer, int status, String words) {
    assertEquals(status, answer.statusCode(), answer.body());
    assertTrue(
        answer
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"),
        answer.headers().toString());
    assertTrue(Http.object(answer).getString("detail").contains(words), answer.body());
  }
}
