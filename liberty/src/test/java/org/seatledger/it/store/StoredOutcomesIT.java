package org.seatledger.it.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.seatledger.it.Http;
import org.seatledger.it.Setup;

/**
 * Commands are remembered with their outcome in a versioned shape of their own (version 2), and a
 * command carried out by a server of the version before — which remembered its REST body — is
 * answered as the first time when a client repeats it after the upgrade.
 */
@ExtendWith(ArquillianExtension.class)
class StoredOutcomesIT {

  @Deployment
  static WebArchive deployment() {
    return StoreDeployment.of(
        "stored-outcomes-it", StoredOutcomesIT.class, Http.class, Setup.class);
  }

  /** An account that may change the table, as the previous version's rows are written here. */
  @Resource(lookup = "jdbc/seatledger-migrations")
  DataSource owner;

  @Test
  void aCommandIsRememberedWithItsOutcomeNotWithItsHttpBody() throws SQLException {
    String conference = Setup.publishedConference(Http.admin(), 5);
    String key = "v2-" + UUID.randomUUID();

    HttpResponse<String> placed = book(conference, key);

    assertEquals(201, placed.statusCode(), placed.body());
    String id = Http.object(placed).getString("id");
    JsonObject stored = parse(outcomeOf(commandId(key)));
    assertEquals(2, stored.getInt("v"), stored.toString());
    assertEquals("booking-held", stored.getString("kind"));
    assertEquals(id, stored.getString("bookingId"));
  }

  @Test
  void aBookingPlacedAndConfirmedByThePreviousVersionIsAnsweredAsTheFirstTime()
      throws SQLException {
    String conference = Setup.publishedConference(Http.admin(), 5);
    String placeKey = "v1-place-" + UUID.randomUUID();
    HttpResponse<String> placed = book(conference, placeKey);
    assertEquals(201, placed.statusCode(), placed.body());
    String booking = Http.object(placed).getString("id");
    String confirmKey = "v1-confirm-" + UUID.randomUUID();
    HttpResponse<String> confirmed = confirm(booking, confirmKey);
    assertEquals(200, confirmed.statusCode(), confirmed.body());
    rememberAsThePreviousVersionDid(placeKey, placed);
    rememberAsThePreviousVersionDid(confirmKey, confirmed);

    HttpResponse<String> placedAgain = book(conference, placeKey);
    HttpResponse<String> confirmedAgain = confirm(booking, confirmKey);

    assertEquals(201, placedAgain.statusCode(), placedAgain.body());
    assertEquals(placed.body(), placedAgain.body(), "same id, hold deadline, total, position");
    assertEquals("true", placedAgain.headers().firstValue("Idempotent-Replayed").orElse(""));
    assertEquals(200, confirmedAgain.statusCode(), confirmedAgain.body());
    assertEquals(confirmed.body(), confirmedAgain.body());
    assertEquals("true", confirmedAgain.headers().firstValue("Idempotent-Replayed").orElse(""));
  }

  /** Version 1 of the stored outcome was the REST body without its position. */
  private void rememberAsThePreviousVersionDid(String key, HttpResponse<String> answered)
      throws SQLException {
    String body =
        Json.createObjectBuilder(parse(answered.body())).remove("position").build().toString();
    try (Connection c = owner.getConnection();
        PreparedStatement update =
            c.prepareStatement("UPDATE processed_commands SET outcome = ? WHERE command_id = ?")) {
      update.setString(1, body);
      update.setString(2, commandId(key));
      assertEquals(1, update.executeUpdate());
    }
  }

  private String outcomeOf(String commandId) throws SQLException {
    try (Connection c = owner.getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT outcome FROM processed_commands WHERE command_id = ?")) {
      select.setString(1, commandId);
      try (ResultSet row = select.executeQuery()) {
        assertTrue(row.next(), "the command is remembered");
        return row.getString(1);
      }
    }
  }

  /** The command id the server gives a client's Idempotency-Key. */
  private static String commandId(String key) {
    return "c:admin:" + key;
  }

  private static HttpResponse<String> book(String conference, String key) {
    return Http.admin()
        .postJson(
            "/api/conferences/" + conference + "/bookings",
            "{\"registrant\":{\"name\":\"Ada\",\"email\":\"ada@example.org\"},"
                + "\"seats\":{\"standard\":1}}",
            key);
  }

  private static HttpResponse<String> confirm(String booking, String key) {
    return Http.admin()
        .postJson(
            "/api/bookings/" + booking + "/confirm",
            "{\"paymentReference\":\"PAY-1\",\"amount\":10.00}",
            key);
  }

  private static JsonObject parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
