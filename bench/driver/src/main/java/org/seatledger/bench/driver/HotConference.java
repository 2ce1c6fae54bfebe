package org.seatledger.bench.driver;

import static org.seatledger.bench.driver.Results.ratio;
import static org.seatledger.bench.driver.Results.round;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Part 4: the event-sourced booking path against the CRUD baseline, {@value #CLIENTS} clients on
 * one hot conference and then spread over more ({@link #SWEEP}); and the oversell probe, where more
 * clients than seats must sell exactly the capacity on both designs.
 */
final class HotConference {

  static final int CLIENTS = 64;
  static final int[] SWEEP = {1, 2, 8, 32};

  private HotConference() {}

  static void run(Run run) throws Exception {
    Run.log("hot conference: " + CLIENTS + " clients, event-sourced vs CRUD");
    Api staff = run.staff;
    Api probe = run.probe;
    JsonArrayBuilder sweep = Json.createArrayBuilder();
    JsonObject hot = null;
    for (int conferences : prepend(1, SWEEP)) {
      boolean headline = hot == null;
      double seconds = headline ? run.plan.hotSeconds() : run.plan.sweepSeconds();
      List<String> esIds = new ArrayList<>();
      for (int i = 0; i < conferences; i++) {
        esIds.add(run.conference(Run.MAX_SEATS, Run.TYPES));
      }
      long retriesBefore = run.retries();
      Load.Step es =
          Load.closed(
              staff,
              CLIENTS,
              seconds,
              client -> run.booking(staff, esIds.get((int) (client % conferences))));
      long retries = run.retries() - retriesBefore;
      run.accepted(es.count(201));
      JsonArray crudIds =
          probe
              .must("crud/reset?conferences=" + conferences + "&capacity=100000000", null)
              .getJsonArray("conferences");
      Load.Step crud =
          Load.closed(
              probe,
              CLIENTS,
              seconds,
              client ->
                  probe.post(
                      "crud/conferences/"
                          + crudIds.getString((int) (client % conferences))
                          + "/bookings",
                      Run.bookingBody(client),
                      null));
      JsonObject crudCheck = probe.get("crud/check").json();
      long crudRetries = crudCheck.getJsonNumber("retries").longValue();
      for (JsonValue row : crudCheck.getJsonArray("conferences")) {
        JsonObject r = row.asJsonObject();
        run.check(
            r.getInt("sold") == r.getJsonNumber("bookedSeats").longValue()
                && r.getInt("sold") <= r.getInt("capacity"),
            "CRUD baseline " + r.getString("conferenceId") + " is inconsistent: " + r);
      }
      run.check(es.errors() == 0, "event-sourced hot conference: errors " + es.statusCounts());
      run.check(crud.errors() == 0, "CRUD hot conference: errors " + crud.statusCounts());
      JsonObject row =
          Json.createObjectBuilder()
              .add("conferences", conferences)
              .add("clients", CLIENTS)
              .add("es_bookings_per_s", round(es.createdPerSecond()))
              .add("crud_bookings_per_s", round(crud.createdPerSecond()))
              .add("ratio", ratio(es.createdPerSecond(), crud.createdPerSecond()))
              .add("es_p99_ms", round(es.percentileMillis(99)))
              .add("crud_p99_ms", round(crud.percentileMillis(99)))
              .add("es_conflict_retries", retries)
              .add("es_conflict_rate", ratio(retries + es.count(409), es.total()))
              .add("crud_conflict_retries", crudRetries)
              .add("crud_conflict_rate", ratio(crudRetries + crud.count(409), crud.total()))
              .add("es_statuses", Json.createObjectBuilder(mapOf(es.statusCounts())))
              .add("crud_statuses", Json.createObjectBuilder(mapOf(crud.statusCounts())))
              .build();
      if (headline) {
        hot = row;
      } else {
        sweep.add(row);
      }
      Run.log("  " + row);
    }
    run.results.figures.add("hot_conference", hot).add("sweep", sweep);
    run.results
        .metrics
        .add("hot_conference_vs_crud", hot.getJsonNumber("ratio").doubleValue())
        .add("conflict_rate", hot.getJsonNumber("es_conflict_rate").doubleValue())
        .add("hot_es_p99_ms", hot.getJsonNumber("es_p99_ms").doubleValue())
        .add("hot_crud_p99_ms", hot.getJsonNumber("crud_p99_ms").doubleValue());
  }

  /** More clients than seats: exactly the capacity is sold, the rest refused, on both designs. */
  static void oversell(Run run) throws Exception {
    int capacity = 500;
    int requests = 800;
    Run.log("oversell probe: " + requests + " requests for " + capacity + " seats");
    Api staff = run.staff;
    Api probe = run.probe;
    String id = run.conference(capacity, 1);
    AtomicLong next = new AtomicLong();
    // one seat type of 500 seats
    Load.Step es = Load.closedCount(staff, CLIENTS, requests, client -> run.booking(staff, id));
    run.accepted(es.count(201));
    String crudId =
        probe
            .must("crud/reset?conferences=1&capacity=" + capacity, null)
            .getJsonArray("conferences")
            .getString(0);
    Load.Step crud =
        Load.closedCount(
            probe,
            CLIENTS,
            requests,
            client ->
                probe.post(
                    "crud/conferences/" + crudId + "/bookings",
                    Run.bookingBody(next.incrementAndGet()),
                    null));
    JsonObject seats =
        staff.get("api/conferences/" + id + "/availability?atLeast=" + run.db.headPosition()).any()
                instanceof JsonObject o
            ? o
            : Json.createObjectBuilder().build();
    long held = sumOf(seats, "held");
    long sold = sumOf(seats, "sold");
    run.check(
        es.count(201) == capacity && held + sold == capacity,
        "event-sourced oversell probe: "
            + es.count(201)
            + " bookings accepted, read model held+sold "
            + (held + sold)
            + ", capacity "
            + capacity);
    run.check(crud.count(201) == capacity, "CRUD oversell probe: " + crud.count(201) + " accepted");
    run.results.figures.add(
        "oversell",
        Json.createObjectBuilder()
            .add("capacity", capacity)
            .add("requests", requests)
            .add("es_accepted", es.count(201))
            .add("crud_accepted", crud.count(201)));
  }

  private static int[] prepend(int first, int[] rest) {
    int[] all = new int[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private static long sumOf(JsonObject availability, String field) {
    long sum = 0;
    JsonValue types = availability.get("seatTypes");
    if (types instanceof JsonArray array) {
      for (JsonValue t : array) {
        sum += t.asJsonObject().getInt(field, 0);
      }
    }
    return sum;
  }

  private static Map<String, Object> mapOf(Map<String, Long> counts) {
    return new LinkedHashMap<>(counts);
  }
}
