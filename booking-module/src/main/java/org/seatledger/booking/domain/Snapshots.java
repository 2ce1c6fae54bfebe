package org.seatledger.booking.domain;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.seatledger.booking.api.ConferenceCreated;
import org.seatledger.booking.api.ConferencePublished;
import org.seatledger.booking.api.SeatTypeAdded;

/**
 * Snapshot forms of the aggregates (JSON): the conference's (version 1) is rebuilt by replaying the
 * events that would produce the same state, so the snapshot code cannot drift from {@code evolve};
 * the seat availability's (version 2) holds its counts and open holds, written sorted by seat type
 * and booking id (each hold's seats by type), so one state always gives one text.
 */
public final class Snapshots {
  /** Looked up once: {@code Json.create…} looks the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** The shape of a conference's snapshot. */
  public static final int CONFERENCE_VERSION = 1;

  /**
   * The shape of a seat availability's snapshot; 2: no longer lists the seats each booking bought.
   */
  public static final int AVAILABILITY_VERSION = 2;

  private Snapshots() {}

  public static String conference(Conference c) {
    JsonObjectBuilder types = JSON.createObjectBuilder();
    for (Conference.SeatType t : c.seatTypes()) {
      types.add(
          t.code(),
          JSON.createObjectBuilder()
              .add("name", t.name())
              .add("quantity", t.quantity())
              .add("price", t.price())
              .add("currency", t.currency()));
    }
    return JSON.createObjectBuilder()
        .add("id", c.id())
        .add("name", c.name())
        .add("slug", c.slug())
        .add("startsOn", c.startsOn().toString())
        .add("endsOn", c.endsOn().toString())
        .add("venue", c.venue())
        .add("published", c.published())
        .add("seatTypes", types)
        .build()
        .toString();
  }

  public static Conference conference(String json) {
    JsonObject o = parse(json);
    String id = o.getString("id");
    Conference c =
        Conference.INITIAL.evolve(
            new ConferenceCreated(
                id,
                o.getString("name"),
                o.getString("slug"),
                LocalDate.parse(o.getString("startsOn")),
                LocalDate.parse(o.getString("endsOn")),
                o.getString("venue")));
    for (Map.Entry<String, JsonValue> type : o.getJsonObject("seatTypes").entrySet()) {
      JsonObject t = type.getValue().asJsonObject();
      c =
          c.evolve(
              new SeatTypeAdded(
                  id,
                  type.getKey(),
                  t.getString("name"),
                  t.getInt("quantity"),
                  t.getJsonNumber("price").bigDecimalValue(),
                  t.getString("currency")));
    }
    if (o.getBoolean("published")) {
      c = c.evolve(new ConferencePublished(id));
    }
    return c;
  }

  /**
   * The availability's snapshot text, written straight to one string by a streaming generator: a
   * popular conference's state holds tens of thousands of open holds, and building a JSON tree of
   * them first (a map per hold, a copy, a sorted copy) made its snapshot the largest single cost of
   * a booking at a hot conference (11 % of the server's CPU in the benchmark's hot round). Holds
   * are written sorted by booking id and each hold's seats by type, so one state gives one text.
   */
  public static String availability(SeatAvailability a) {
    List<Map.Entry<String, SeatAvailability.Hold>> holds = new ArrayList<>(a.holds().size());
    a.holds().forEach((booking, hold) -> holds.add(Map.entry(booking, hold)));
    holds.sort(Map.Entry.comparingByKey());
    StringWriter text = new StringWriter(64 + 80 * holds.size());
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject()
          .write("conferenceId", a.conferenceId() == null ? "" : a.conferenceId())
          .writeStartObject("counts");
      new TreeMap<>(a.counts())
          .forEach(
              (type, n) ->
                  json.writeStartObject(type)
                      .write("capacity", n.capacity())
                      .write("held", n.held())
                      .write("sold", n.sold())
                      .writeEnd());
      json.writeEnd().writeStartObject("holds");
      for (Map.Entry<String, SeatAvailability.Hold> hold : holds) {
        json.writeStartObject(hold.getKey()).writeStartObject("seats");
        Map<String, Integer> seats = hold.getValue().seats();
        (seats.size() == 1 ? seats : new TreeMap<>(seats)).forEach(json::write);
        json.writeEnd().write("holdUntil", hold.getValue().holdUntil().toString()).writeEnd();
      }
      json.writeEnd().writeEnd();
    }
    return text.toString();
  }

  public static SeatAvailability availability(String json) {
    JsonObject o = parse(json);
    Map<String, SeatAvailability.Count> counts = new LinkedHashMap<>();
    o.getJsonObject("counts")
        .forEach(
            (type, v) -> {
              JsonObject n = v.asJsonObject();
              counts.put(
                  type,
                  new SeatAvailability.Count(
                      n.getInt("capacity"), n.getInt("held"), n.getInt("sold")));
            });
    Map<String, SeatAvailability.Hold> holds = new LinkedHashMap<>();
    o.getJsonObject("holds")
        .forEach(
            (booking, v) -> {
              JsonObject h = v.asJsonObject();
              holds.put(
                  booking,
                  new SeatAvailability.Hold(
                      seats(h.getJsonObject("seats")), Instant.parse(h.getString("holdUntil"))));
            });
    String conferenceId = o.getString("conferenceId");
    return new SeatAvailability(
        conferenceId.isEmpty() ? null : conferenceId, counts, Holds.of(holds));
  }

  private static Map<String, Integer> seats(JsonObject json) {
    Map<String, Integer> seats = new LinkedHashMap<>();
    json.forEach((type, n) -> seats.put(type, ((jakarta.json.JsonNumber) n).intValue()));
    return Map.copyOf(seats);
  }

  private static JsonObject parse(String json) {
    try (var reader = JSON.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
