package org.seatledger.it.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.seatledger.booking.api.BookingCommand;
import org.seatledger.booking.api.BookingCommands;
import org.seatledger.booking.api.CommandContext;
import org.seatledger.eventlog.store.MasterKey;
import org.seatledger.eventlog.store.StoredDataKeys;
import org.seatledger.it.Http;
import org.seatledger.it.Setup;

/**
 * Online rotation of the master key, as the README's procedure runs it. The server under test holds
 * the new key ({@code SEATLEDGER_MASTER_KEY}) and the old one ({@code
 * SEATLEDGER_MASTER_KEY_PREVIOUS}); this test first turns the database back to the old key, so data
 * keys are wrapped by it, then rotates through the REST API.
 */
@ExtendWith(ArquillianExtension.class)
class MasterKeyRotationIT {

  @Deployment
  static WebArchive deployment() {
    return StoreDeployment.of(
        "master-key-rotation-it",
        MasterKeyRotationIT.class,
        MasterKeyFixture.class,
        Http.class,
        Setup.class);
  }

  @Inject BookingCommands otherServer;

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  private final MasterKey newKey =
      MasterKey.ofBase64(System.getenv("SEATLEDGER_MASTER_KEY"), "SEATLEDGER_MASTER_KEY");
  private final MasterKey oldKey =
      MasterKey.ofBase64(
          System.getenv("SEATLEDGER_MASTER_KEY_PREVIOUS"), "SEATLEDGER_MASTER_KEY_PREVIOUS");

  @Test
  void rotationRewrapsEveryDataKeyUnderTheNewKeyAndPersonalDataStillOpens() throws Exception {
    activate(oldKey); // the database as it was before the rotation
    String conference = MasterKeyFixture.conferenceWithSeats(5);
    for (int i = 0; i < 3; i++) {
      otherServer.handle(
          new BookingCommand.PlaceBooking(
              conference, "Rosa Rotation " + i, "rosa" + i + "@example.org", Map.of("standard", 1)),
          new CommandContext(null, null, "it-rotation", null));
    }
    Map<String, byte[]> before = dataKeysWrappedBy(oldKey);
    assertTrue(before.size() >= 3, "data keys under the old key: " + before.size());

    JsonObject status = Http.object(Http.admin().get("/api/admin/master-key"));
    assertEquals(oldKey.keyId(), status.getString("activeKeyId"));
    assertEquals(newKey.keyId(), status.getString("serverKeyId"));
    assertTrue(status.getBoolean("matches"), status.toString());
    assertEquals(
        before.size(),
        status.getJsonObject("dataKeysByMasterKey").getJsonNumber(oldKey.keyId()).longValue());

    HttpResponse<String> rotated = Http.admin().postJson("/api/admin/master-key/rotate", "");
    assertEquals(200, rotated.statusCode(), rotated.body());
    JsonObject rotation = Http.object(rotated);
    assertEquals(newKey.keyId(), rotation.getString("activeKeyId"));
    assertEquals(oldKey.keyId(), rotation.getString("fromKeyId"));
    assertTrue(rotation.getBoolean("activated"));
    assertEquals(before.size(), rotation.getJsonNumber("rewrapped").longValue());
    assertEquals(0, rotation.getJsonNumber("leftUnderOtherKeys").longValue());

    assertTrue(dataKeysWrappedBy(oldKey).isEmpty());
    Map<String, byte[]> after = dataKeysWrappedBy(newKey);
    before.forEach(
        (subject, dataKey) ->
            assertArrayEquals(dataKey, after.get(subject), "data key of " + subject));
    JsonObject afterwards = Http.object(Http.admin().get("/api/admin/master-key"));
    assertEquals(newKey.keyId(), afterwards.getString("activeKeyId"));
    assertFalse(
        afterwards.getJsonObject("dataKeysByMasterKey").containsKey(oldKey.keyId()),
        afterwards.toString());

    HttpResponse<String> again = Http.admin().postJson("/api/admin/master-key/rotate", "");
    assertEquals(200, again.statusCode(), again.body());
    JsonObject repeat = Http.object(again);
    assertFalse(repeat.getBoolean("activated"));
    assertEquals(0, repeat.getJsonNumber("rewrapped").longValue());
    assertTrue(repeat.getString("summary").contains("nothing to do"), repeat.toString());
  }

  @Test
  void onlyAnAdminSeesOrRotatesTheMasterKey() {
    String staff = MasterKeyFixture.user("staff");
    Http asStaff = Http.as(staff, MasterKeyFixture.PASSWORD);

    HttpResponse<String> rotate = asStaff.postJson("/api/admin/master-key/rotate", "");
    assertEquals(403, rotate.statusCode(), rotate.body());
    assertEquals(403, asStaff.get("/api/admin/master-key").statusCode());
  }

  /** Every data key wrapped by {@code master}, opened with it, by subject. */
  private Map<String, byte[]> dataKeysWrappedBy(MasterKey master) throws SQLException {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT subject_id, wrapped_key FROM subject_keys WHERE key_id = ?")) {
      select.setString(1, master.keyId());
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          keys.put(
              rows.getString(1),
              StoredDataKeys.unwrap(master, rows.getString(1), rows.getString(2)));
        }
      }
    }
    return keys;
  }

  /** Names {@code master} as the database's master key, as another server could have. */
  private void activate(MasterKey master) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement("UPDATE master_key SET key_id = ?, fingerprint = ? WHERE id = 1")) {
      update.setString(1, master.keyId());
      update.setString(2, master.fingerprint());
      assertEquals(1, update.executeUpdate());
    }
  }
}
