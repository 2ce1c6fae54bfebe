package org.seatledger.it.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.seatledger.booking.api.BookingCommand;
import org.seatledger.booking.api.BookingCommands;
import org.seatledger.booking.api.CommandContext;
import org.seatledger.eventlog.api.EventDecodingException;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.MasterKeyAdmin;
import org.seatledger.eventlog.api.MasterKeyMismatch;
import org.seatledger.eventlog.store.MasterKey;
import org.seatledger.it.Http;
import org.seatledger.it.Setup;

/**
 * A server whose master key is not the one the database records writes nothing that needs it, says
 * so on {@code /health/ready} and answers such commands with 503; what needs no key still works,
 * and data keys of a key it lacks do not make a reader give up on an event.
 */
@ExtendWith(ArquillianExtension.class)
class MasterKeyMismatchIT {

  private static final Duration NOTICED_WITHIN = Duration.ofSeconds(20);
  private static final String BOOKING =
      "{\"registrant\":{\"name\":\"Mia Match\",\"email\":\"mia@example.org\"},"
          + "\"seats\":{\"standard\":1}}";

  @Deployment
  static WebArchive deployment() {
    return StoreDeployment.of(
        "master-key-mismatch-it",
        MasterKeyMismatchIT.class,
        MasterKeyFixture.class,
        Http.class,
        Setup.class);
  }

  @Inject BookingCommands otherServer;
  @Inject EventLog log;
  @Inject MasterKeyAdmin masterKey;

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  /** A key no server holds. */
  private final MasterKey strangersKey =
      MasterKey.ofBase64(Base64.getEncoder().encodeToString(new byte[32]), "a stranger's key");

  @Test
  void aServerWithoutTheDatabasesMasterKeyStoresNothingThatNeedsItAndSaysWhy() throws Exception {
    String conference = MasterKeyFixture.conferenceWithSeats(5);
    String[] recorded = recordedKey();
    long head = log.headPosition();
    long dataKeys = count("SELECT COUNT(*) FROM subject_keys");
    record(strangersKey.keyId(), strangersKey.fingerprint());
    try {
      MasterKeyMismatch refused =
          assertThrows(
              MasterKeyMismatch.class,
              () ->
                  otherServer.handle(
                      new BookingCommand.PlaceBooking(
                          conference, "Mia Match", "mia@example.org", Map.of("standard", 1)),
                      new CommandContext(null, null, "it-mismatch", null)));
      assertTrue(refused.getMessage().contains("Nothing was stored"), refused.getMessage());
      assertEquals(head, log.headPosition(), "no event was appended");
      assertEquals(dataKeys, count("SELECT COUNT(*) FROM subject_keys"), "no data key was stored");
      assertFalse(masterKey.status().matches());
      assertTrue(masterKey.mismatch().orElseThrow().contains("master key does not match"));

      HttpResponse<String> ready =
          await(() -> Http.anonymous().get("/health/ready"), r -> r.statusCode() == 503);
      assertTrue(ready.body().contains("master key does not match"), ready.body());
      assertTrue(ready.body().contains(strangersKey.keyId()), ready.body());

      HttpResponse<String> booking =
          Http.admin().postJson("/api/conferences/" + conference + "/bookings", BOOKING);
      assertEquals(503, booking.statusCode(), booking.body());
      assertEquals(
          "application/problem+json",
          booking.headers().firstValue("Content-Type").orElse("").split(";")[0]);
      assertTrue(
          booking.body().contains("does not match the one the database was written with"),
          booking.body());
      assertEquals(head, log.headPosition(), "no event was appended through the API");

      HttpResponse<String> erase = Http.admin().postJson("/api/subjects/anyone/erase", "");
      assertEquals(503, erase.statusCode(), erase.body());

      // what needs no key still works
      MasterKeyFixture.conferenceWithSeats(1);
    } finally {
      record(recorded[0], recorded[1]);
    }
    await(() -> Http.anonymous().get("/health/ready"), r -> r.statusCode() == 200);
    HttpResponse<String> booked =
        Http.admin().postJson("/api/conferences/" + conference + "/bookings", BOOKING);
    assertEquals(201, booked.statusCode(), booked.body());
    HttpResponse<String> projections = Http.admin().get("/api/admin/projections");
    assertFalse(projections.body().contains("STOPPED"), projections.body());
  }

  @Test
  void personalDataWrappedByAKeyThisServerLacksIsAMismatchNotAnUnreadableEvent() throws Exception {
    String conference = MasterKeyFixture.conferenceWithSeats(5);
    // written by the server under test: this deployment has never opened the person's key;
    // the booking's events end at its position, the personal data is in one of them
    HttpResponse<String> booked =
        Http.admin().postJson("/api/conferences/" + conference + "/bookings", BOOKING);
    assertEquals(201, booked.statusCode(), booked.body());
    long position = Http.object(booked).getJsonNumber("position").longValue();
    String subject = newestSubject();
    String keyId = keyIdOf(subject);
    tag(subject, strangersKey.keyId());
    try {
      // a reader (a projection's pass) ends and tries again later; it does not stop for good
      RuntimeException failure =
          assertThrows(RuntimeException.class, () -> log.readAll(position - 10, 10));
      assertTrue(failure instanceof MasterKeyMismatch, failure.toString());
      assertFalse(failure instanceof EventDecodingException);
    } finally {
      tag(subject, keyId);
    }
    assertEquals(10, log.readAll(position - 10, 10).size());
  }

  private interface Call {
    HttpResponse<String> call();
  }

  private static HttpResponse<String> await(Call call, Predicate<HttpResponse<String>> done)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(NOTICED_WITHIN);
    HttpResponse<String> last = call.call();
    while (!done.test(last) && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
      last = call.call();
    }
    assertTrue(done.test(last), last.statusCode() + " " + last.body());
    return last;
  }

  private String[] recordedKey() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT key_id, fingerprint FROM master_key WHERE id = 1");
        ResultSet row = select.executeQuery()) {
      assertTrue(row.next(), "a master key is recorded");
      return new String[] {row.getString(1).strip(), row.getString(2).strip()};
    }
  }

  private void record(String keyId, String fingerprint) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement("UPDATE master_key SET key_id = ?, fingerprint = ? WHERE id = 1")) {
      update.setString(1, keyId);
      update.setString(2, fingerprint);
      assertEquals(1, update.executeUpdate());
    }
  }

  private String newestSubject() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT subject_id FROM subject_keys"
                    + " WHERE created_at = (SELECT MAX(created_at) FROM subject_keys)");
        ResultSet row = select.executeQuery()) {
      assertTrue(row.next());
      return row.getString(1);
    }
  }

  private String keyIdOf(String subject) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT key_id FROM subject_keys WHERE subject_id = ?")) {
      select.setString(1, subject);
      try (ResultSet row = select.executeQuery()) {
        assertTrue(row.next());
        return row.getString(1).strip();
      }
    }
  }

  private void tag(String subject, String keyId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement("UPDATE subject_keys SET key_id = ? WHERE subject_id = ?")) {
      update.setString(1, keyId);
      update.setString(2, subject);
      assertEquals(1, update.executeUpdate());
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql);
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }
}
