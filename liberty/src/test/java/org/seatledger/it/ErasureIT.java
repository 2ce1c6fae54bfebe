package org.seatledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Erasure is complete and provable: after a person is erased, no table of the database, no export
 * and no API answer holds their name or e-mail, though they were in bookings, a payment reference
 * and a cancellation reason, while the hash chain still verifies. Runs inside the server, so it
 * reads every table through the application's own data source (H2 and MySQL alike).
 */
@ExtendWith(ArquillianExtension.class)
class ErasureIT {

  private static final String PASSWORD = "erasure-test-passphrase";
  private static final Set<Integer> TEXT =
      Set.of(
          Types.CHAR,
          Types.VARCHAR,
          Types.LONGVARCHAR,
          Types.CLOB,
          Types.NCHAR,
          Types.NVARCHAR,
          Types.LONGNVARCHAR,
          Types.NCLOB);

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.create(WebArchive.class, "erasure-it.war")
        .addClasses(ErasureIT.class, Http.class, Server.class, Setup.class);
  }

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  @Test
  void anErasedPersonIsFoundInNoTableNoExportAndNoAnswerAndTheChainStillVerifies()
      throws Exception {
    Server.awaitReady();
    String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String name = "Erasmina Quill" + unique;
    String email = "erasmina." + unique + "@example.org";
    String attendeeName = "Otto Stays" + unique;
    String staff = user("staff");
    String auditor = user("auditor");
    Http asStaff = Http.as(staff, PASSWORD);
    Http asAuditor = Http.as(auditor, PASSWORD);
    String conference = publishedConference(asStaff);

    JsonObject kept = book(asStaff, conference, name, email);
    String keptId = kept.getString("id");
    ok(
        asStaff.postJson(
            "/api/bookings/" + keptId + "/confirm",
            "{\"paymentReference\":\"PAY for " + name + "\",\"amount\":100.00}"));
    ok(
        asStaff.postJson(
            "/api/bookings/" + keptId + "/attendees",
            "{\"attendees\":[{\"seatType\":\"standard\",\"name\":\""
                + attendeeName
                + "\",\"email\":\"otto."
                + unique
                + "@example.org\"}]}"));
    JsonObject cancelled = book(asStaff, conference, name, email);
    String cancelledId = cancelled.getString("id");
    long last =
        ok(asStaff.postJson(
                "/api/bookings/" + cancelledId + "/cancel",
                "{\"reason\":\"" + name + " (" + email + ") cannot travel\"}"))
            .getJsonNumber("position")
            .longValue();

    String bookings = "/api/bookings?conferenceId=" + conference + "&atLeast=" + last;
    assertTrue(body(asStaff.get(bookings)).contains(name), "staff see the name before erasure");
    List<String> before = tablesHolding(name, email);
    assertTrue(
        before.stream().anyMatch(hit -> hit.startsWith("REPORTING_BOOKINGS.")),
        "the search finds what is there: " + before);
    String auditExport = "/api/audit/events?user=" + staff + "&atLeast=" + last + "&format=";
    for (String format : List.of("csv", "json")) {
      String export = body(asAuditor.get(auditExport + format));
      assertTrue(export.contains(keptId), export);
      assertNotIn(export, "the audit " + format + " export before erasure", name, email);
    }

    JsonObject first = erase(kept.getString("registrantId"));
    assertEquals(2, first.getInt("events"), "BookingPlaced and BookingConfirmed name them");
    assertTrue(first.getBoolean("complete"), first.toString());
    assertEquals("cleaned", first.getJsonObject("readModels").getString("reporting.bookings"));
    assertEquals("cleaned", first.getJsonObject("readModels").getString("audit.trail"));
    assertEquals(first, erase(kept.getString("registrantId")), "a repeat answers the same");
    JsonObject second = erase(cancelled.getString("registrantId"));
    assertEquals(2, second.getInt("events"), "BookingPlaced and BookingCancelled name them");
    assertTrue(second.getBoolean("complete"), second.toString());

    assertEquals(List.of(), tablesHolding(name, email), "no table holds the person");
    List<String> answers =
        List.of(
            bookings,
            "/api/bookings/" + keptId,
            "/api/bookings/" + cancelledId,
            "/api/conferences/" + conference + "/attendees",
            "/api/streams/booking-" + keptId + "/events",
            "/api/streams/booking-" + cancelledId + "/events",
            "/api/audit/streams/booking-" + keptId + "/history",
            "/api/audit/streams/booking-" + cancelledId + "/history",
            auditExport + "csv",
            auditExport + "json");
    for (String path : answers) {
      String answer = body(Http.admin().get(path));
      assertNotIn(answer, path, name, email);
    }
    String attendees = body(asStaff.get("/api/conferences/" + conference + "/attendees"));
    assertTrue(attendees.contains(attendeeName), "another person stays: " + attendees);
    assertTrue(
        body(asStaff.get("/api/bookings/" + keptId)).contains("[erased]"),
        "where the name was, it reads [erased]");
    String messages = Files.readString(messagesLog());
    assertNotIn(messages, "the server's messages.log", name, email);

    JsonObject verified = Http.object(Http.admin().postJson("/api/admin/verify", ""));
    assertTrue(verified.getBoolean("ok"), "the hash chain still verifies: " + verified);
  }

  /** Every text column of every table of the application's database holding either text. */
  private List<String> tablesHolding(String... texts) throws SQLException {
    List<String> hits = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      List<String[]> tables = new ArrayList<>();
      try (ResultSet rows = meta.getTables(c.getCatalog(), null, "%", null)) {
        while (rows.next()) {
          String schema = rows.getString("TABLE_SCHEM");
          String type = rows.getString("TABLE_TYPE");
          if (type != null
              && type.toUpperCase(Locale.ROOT).contains("TABLE")
              && !type.toUpperCase(Locale.ROOT).contains("SYSTEM")
              && !"INFORMATION_SCHEMA".equalsIgnoreCase(schema)) {
            tables.add(new String[] {schema, rows.getString("TABLE_NAME")});
          }
        }
      }
      assertTrue(tables.size() >= 10, "found the application's tables");
      for (String[] table : tables) {
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = meta.getColumns(c.getCatalog(), table[0], table[1], "%")) {
          while (rows.next()) {
            if (TEXT.contains(rows.getInt("DATA_TYPE"))) {
              columns.add(rows.getString("COLUMN_NAME"));
            }
          }
        }
        if (columns.isEmpty()) {
          continue;
        }
        String from = table[0] == null ? table[1] : table[0] + "." + table[1];
        try (Statement select = c.createStatement();
            ResultSet rows =
                select.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + from)) {
          while (rows.next()) {
            for (int i = 0; i < columns.size(); i++) {
              String value = rows.getString(i + 1);
              for (String text : texts) {
                if (value != null
                    && value.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))) {
                  hits.add(
                      table[1].toUpperCase(Locale.ROOT)
                          + "."
                          + columns.get(i).toUpperCase(Locale.ROOT));
                }
              }
            }
          }
        }
      }
    }
    return hits;
  }

  private static void assertNotIn(String haystack, String where, String... texts) {
    for (String text : texts) {
      assertFalse(
          haystack.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT)),
          where + " holds " + text + ": " + haystack);
    }
  }

  private static Path messagesLog() {
    Path log = Path.of(System.getProperty("user.dir"), "logs", "messages.log");
    assertTrue(Files.exists(log), "the server's log is at " + log);
    return log;
  }

  private static JsonObject erase(String subject) {
    return ok(Http.admin().postJson("/api/subjects/" + subject + "/erase", ""));
  }

  private static JsonObject ok(HttpResponse<String> response) {
    assertTrue(
        response.statusCode() == 200 || response.statusCode() == 201,
        response.statusCode() + " " + response.body());
    return Http.object(response);
  }

  private static String body(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private static JsonObject book(Http http, String conference, String name, String email) {
    return ok(
        http.postJson(
            "/api/conferences/" + conference + "/bookings",
            "{\"registrant\":{\"name\":\""
                + name
                + "\",\"email\":\""
                + email
                + "\"},\"seats\":{\"standard\":1}}"));
  }

  private static String publishedConference(Http staff) {
    String slug = "erase-" + UUID.randomUUID().toString().substring(0, 8);
    String id =
        ok(staff.postJson(
                "/api/conferences",
                "{\"name\":\"EraseConf\",\"slug\":\""
                    + slug
                    + "\",\"startsOn\":\"2027-05-04\",\"endsOn\":\"2027-05-06\",\"venue\":\"Brno\"}"))
            .getString("id");
    ok(
        staff.postJson(
            "/api/conferences/" + id + "/seat-types",
            "{\"code\":\"standard\",\"name\":\"Standard\",\"quantity\":10,\"price\":100.00,"
                + "\"currency\":\"EUR\"}"));
    ok(staff.postJson("/api/conferences/" + id + "/publish", ""));
    return id;
  }

  private static String user(String role) {
    return Setup.user(role, PASSWORD);
  }
}
