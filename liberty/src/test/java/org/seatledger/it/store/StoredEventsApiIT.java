package org.seatledger.it.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seatledger.it.store.Fixtures.append;
import static org.seatledger.it.store.Fixtures.command;
import static org.seatledger.it.store.Fixtures.newStream;
import static org.seatledger.it.store.Fixtures.reserved;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.eventlog.api.StreamAppend;
import org.seatledger.it.Http;

/**
 * The stored events, verification and erasure over the REST API of the running application: events
 * are written by a second instance of the store on the same database, read by the EAR.
 */
@ExtendWith(ArquillianExtension.class)
class StoredEventsApiIT {

  private static final Set<String> KEYS =
      Set.of(
          "globalPosition",
          "streamId",
          "streamType",
          "streamVersion",
          "eventId",
          "type",
          "schemaVersion",
          "recordedAt",
          "recordedBy",
          "commandId",
          "correlationId",
          "causationId",
          "reason",
          "previousHash",
          "hash",
          "data");

  @Deployment
  static WebArchive deployment() {
    return StoreDeployment.of(
        "stored-events-api-it", StoredEventsApiIT.class, Fixtures.class, Http.class);
  }

  @Inject EventStore store;

  @Test
  void aStreamsEventsComeWithExactlyTheDocumentedKeys() {
    String stream = newStream("api");
    store.append(
        command(),
        List.of(
            append(stream, ExpectedVersion.NO_STREAM, reserved(stream, 2), reserved(stream, 1))),
        null);

    HttpResponse<String> response = Http.admin().get("/api/streams/" + stream + "/events");
    assertEquals(200, response.statusCode(), response.body());
    JsonArray events = (JsonArray) Http.json(response);
    assertEquals(2, events.size());
    JsonObject first = events.getJsonObject(0);
    assertEquals(KEYS, first.keySet());
    assertEquals(1, first.getInt("streamVersion"));
    assertEquals("SeatsReserved", first.getString("type"));
    assertEquals(2, first.getJsonObject("data").getJsonObject("seats").getInt("standard"));
    assertEquals("it-tester", first.getString("recordedBy"));
    assertEquals(first.getString("hash"), events.getJsonObject(1).getString("previousHash"));
    assertTrue(Instant.parse(first.getString("recordedAt")).isBefore(Instant.now().plusSeconds(5)));

    assertEquals(404, Http.admin().get("/api/streams/no-such-stream/events").statusCode());
    assertEquals(400, Http.admin().get("/api/streams/" + stream + "/events?limit=0").statusCode());
    assertEquals(401, Http.anonymous().get("/api/streams/" + stream + "/events").statusCode());
  }

  @Test
  void verificationReportsOnAStreamAndOnTheWholeLog() {
    String stream = newStream("api-verify");
    store.append(
        command(), List.of(append(stream, ExpectedVersion.NO_STREAM, reserved(stream, 2))), null);
    JsonObject one = Http.object(Http.admin().postJson("/api/admin/verify?streamId=" + stream, ""));
    assertEquals(
        Set.of("ok", "checkedEvents", "firstBadPosition", "streamId", "detail"), one.keySet());
    assertTrue(one.getBoolean("ok"));
    assertEquals(1, one.getInt("checkedEvents"));
    assertEquals(JsonValue.NULL, one.get("firstBadPosition"));
    assertEquals(stream, one.getString("streamId"));

    JsonObject all = Http.object(Http.admin().postJson("/api/admin/verify", ""));
    assertTrue(all.getBoolean("ok"), all.toString());
    assertTrue(all.getInt("checkedEvents") >= 1);
    assertEquals(JsonValue.NULL, all.get("streamId"));
  }

  @Test
  void anAdminErasesAPersonAndTheStreamShowsErased() {
    String booking = newStream("api-booking");
    String subject = "subject-" + booking;
    store.append(
        command(),
        List.of(
            new StreamAppend(
                booking,
                "Booking",
                ExpectedVersion.NO_STREAM,
                List.of(
                    new BookingPlaced(
                        booking,
                        "c-1",
                        subject,
                        "Ada Lovelace",
                        "ada@example.org",
                        Map.of("standard", 1),
                        new BigDecimal("10.00"),
                        "EUR",
                        Instant.parse("2026-06-01T12:00:00Z"))))),
        null);
    String path = "/api/streams/" + booking + "/events";
    assertEquals("Ada Lovelace", data(path).getString("registrantName"));

    HttpResponse<String> erased = Http.admin().postJson("/api/subjects/" + subject + "/erase", "");
    assertEquals(200, erased.statusCode(), erased.body());
    JsonObject answer = Http.object(erased);
    assertEquals(1, answer.getInt("events"), answer.toString());
    assertEquals("[erased]", data(path).getString("registrantName"));
    assertEquals("[erased]", data(path).getString("registrantEmail"));
    HttpResponse<String> again = Http.admin().postJson("/api/subjects/" + subject + "/erase", "");
    assertEquals(200, again.statusCode(), "a repeat is no error: " + again.body());
    assertEquals(answer, Http.object(again), "and answers the same");
    assertEquals(
        404,
        Http.admin().postJson("/api/subjects/never-" + subject + "/erase", "").statusCode(),
        "only a subject that never had personal data is not found");
    assertTrue(
        Http.object(Http.admin().postJson("/api/admin/verify?streamId=" + booking, ""))
            .getBoolean("ok"));
  }

  @Test
  void erasureHappensAlthoughAClientSentItsCommandIdAsAKeyFirst() {
    String booking = newStream("squat-booking");
    String subject = "subject-" + booking;
    store.append(
        command(),
        List.of(
            new StreamAppend(
                booking,
                "Booking",
                ExpectedVersion.NO_STREAM,
                List.of(
                    new BookingPlaced(
                        booking,
                        "c-1",
                        subject,
                        "Grace Hopper",
                        "grace@example.org",
                        Map.of("standard", 1),
                        new BigDecimal("10.00"),
                        "EUR",
                        Instant.parse("2026-06-01T12:00:00Z"))))),
        null);
    HttpResponse<String> squat =
        Http.admin()
            .postJson(
                "/api/conferences",
                "{\"name\":\"Squat\",\"slug\":\"squat-"
                    + UUID.randomUUID().toString().substring(0, 8)
                    + "\",\"startsOn\":\"2027-06-01\",\"endsOn\":\"2027-06-02\",\"venue\":\"Hall\"}",
                "erase-" + subject);
    assertEquals(201, squat.statusCode(), squat.body());

    HttpResponse<String> erased = Http.admin().postJson("/api/subjects/" + subject + "/erase", "");
    assertEquals(200, erased.statusCode(), erased.body());

    JsonArray subjectEvents =
        (JsonArray) Http.json(Http.admin().get("/api/streams/subject-" + subject + "/events"));
    assertEquals("PersonalDataErased", subjectEvents.getJsonObject(0).getString("type"));
    assertEquals("erase-" + subject, subjectEvents.getJsonObject(0).getString("commandId"));
    assertEquals(
        "[erased]", data("/api/streams/" + booking + "/events").getString("registrantName"));
  }

  private static JsonObject data(String path) {
    return ((JsonArray) Http.json(Http.admin().get(path))).getJsonObject(0).getJsonObject("data");
  }
}
