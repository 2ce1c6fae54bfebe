package org.seatledger.it.cluster;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.seatledger.it.Http;

/**
 * The database a released version wrote ({@code src/test/resources/migration}: the dump, and {@code
 * expectations.json}, what that version's API answered right before the dump; both made by {@code
 * make-dump.sh} there), restored on a MariaDB of the test's own with the accounts an admin makes
 * (an owner that migrates, an application account without grants of its own), as on an upgrade.
 */
final class MigrationDump {

  static final Path FOLDER = Path.of("src", "test", "resources", "migration").toAbsolutePath();
  static final String DATABASE = "seatledger";
  private static final String OWNER = "seatledger_owner";
  private static final String OWNER_PASSWORD = "upgrade-owner-password-1";
  private static final String APP = "seatledger_app";
  private static final String APP_PASSWORD = "upgrade-app-password-1";

  /** What the older version answered; see README.md beside the dump. */
  final JsonObject expected;

  private MigrationDump(JsonObject expected) {
    this.expected = expected;
  }

  static MigrationDump read() {
    try (Reader reader = Files.newBufferedReader(FOLDER.resolve("expectations.json"));
        var json = Json.createReader(reader)) {
      return new MigrationDump(json.readObject());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates the database and its accounts on {@code mariadb} and loads the dump into it. */
  void restoreOn(MariaDbInstance mariadb) {
    mariadb.createDatabase(DATABASE);
    for (String host : List.of("localhost", "127.0.0.1")) {
      mariadb.execute(
          "CREATE USER '" + OWNER + "'@'" + host + "' IDENTIFIED BY '" + OWNER_PASSWORD + "'",
          "GRANT ALL PRIVILEGES ON "
              + DATABASE
              + ".* TO '"
              + OWNER
              + "'@'"
              + host
              + "'"
              + " WITH GRANT OPTION",
          "CREATE USER '" + APP + "'@'" + host + "' IDENTIFIED BY '" + APP_PASSWORD + "'");
    }
    mariadb.load(DATABASE, FOLDER.resolve("seatledger-dump.sql.gz"));
  }

  /**
   * The server's settings: this database, its accounts and the master key the dump was made with.
   */
  Map<String, String> settings(MariaDbInstance mariadb) {
    return Map.of(
        "SEATLEDGER_DB_URL", mariadb.jdbcUrl(DATABASE),
        "SEATLEDGER_DB_USER", APP,
        "SEATLEDGER_DB_PASSWORD", APP_PASSWORD,
        "SEATLEDGER_DB_MIGRATION_USER", OWNER,
        "SEATLEDGER_DB_MIGRATION_PASSWORD", OWNER_PASSWORD,
        "SEATLEDGER_MASTER_KEY", expected.getString("masterKey"));
  }

  /** A client signed in as one of the dump's users, with the password it was created with. */
  Http as(LibertyServer server, String username) {
    return Http.at(server.base(), username, password(username));
  }

  String password(String username) {
    return expected.getJsonArray("users").stream()
        .map(JsonValue::asJsonObject)
        .filter(user -> user.getString("username").equals(username))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no user " + username + " in the dump"))
        .getString("password");
  }

  String conference(String role) {
    return expected.getJsonObject("conferences").getString(role);
  }

  String booking(String role) {
    return expected.getJsonObject("bookings").getString(role);
  }

  /** A recorded answer: {@code answers.<kind>} or {@code answers.<kind>.<id>}. */
  JsonValue answer(String kind, String id) {
    JsonObject answers = expected.getJsonObject("answers");
    return id == null ? answers.get(kind) : answers.getJsonObject(kind).get(id);
  }

  /** How many events the log held when the dump was taken. */
  long events() {
    return expected.getJsonObject("verify").getJsonNumber("checkedEvents").longValue();
  }
}
