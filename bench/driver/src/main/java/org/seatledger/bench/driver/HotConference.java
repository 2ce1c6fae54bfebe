package org.seatledger.bench.driver;

import static org.seatledger.bench.driver.Results.ratio;
import static org.seatledger.bench.driver.Results.round;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Part 4: the event-sourced booking path against the CRUD rival, {@value #CLIENTS} clients on one
 * hot conference and then spread over more ({@link #SWEEP}), with the server's CPU time per booking
 * and a JFR profile of the event-sourced hot phase (a round of its own, after the figures); the
 * same hot comparison again with the database a network round trip away ({@link #runNetworked});
 * and the oversell probe, where more clients than seats must sell exactly the capacity on both
 * designs.
 */
final class HotConference {

  static final int CLIENTS = 64;
  static final int[] SWEEP = {1, 2, 8, 32};

  /** Where the profile of the event-sourced hot phase is written (not kept in the results). */
  static final Path PROFILE = Path.of("bench/target/hot-event-sourced.jfr");

  private HotConference() {}

  /** The hot conference and the sweep with the database next door. */
  static void run(Run run) throws Exception {
    Run.log("hot conference: " + CLIENTS + " clients, event-sourced vs CRUD rival");
    JsonObject hot = compare(run, 1, run.plan.hotSeconds());
    JsonArrayBuilder sweep = Json.createArrayBuilder();
    for (int conferences : SWEEP) {
      sweep.add(compare(run, conferences, run.plan.sweepSeconds()));
    }
    JsonObject profile = profile(run);
    run.results.figures.add("hot_conference", hot).add("sweep", sweep).add("hot_profile", profile);
    run.results
        .metrics
        .add("hot_conference_vs_crud", number(hot, "ratio"))
        .add("hot_conference_vs_crud_rtt0", number(hot, "ratio"))
        .add("conflict_rate", number(hot, "es_conflict_rate"))
        .add("hot_es_p99_ms", number(hot, "es_p99_ms"))
        .add("hot_crud_p99_ms", number(hot, "crud_p99_ms"))
        .add("cpu_per_booking_vs_crud", number(hot, "cpu_per_booking_ratio"))
        .add("cpu_ms_per_booking_es", number(hot, "es_cpu_ms_per_booking"))
        .add("cpu_ms_per_booking_crud", number(hot, "crud_cpu_ms_per_booking"));
  }

  /** The hot conference with the database a network round trip away (the proxy's delay). */
  static void runNetworked(Run run) throws Exception {
    Run.log("hot conference, " + run.addedRoundTripMillis() + " ms round trip to the database");
    JsonObject hot = compare(run, 1, run.plan.hotSeconds());
    run.results.figures.add("hot_conference_rtt05", hot);
    run.results
        .metrics
        .add("hot_conference_vs_crud_rtt05", number(hot, "ratio"))
        .add("conflict_rate_rtt05", number(hot, "es_conflict_rate"))
        .add("hot_es_p99_ms_rtt05", number(hot, "es_p99_ms"))
        .add("hot_crud_p99_ms_rtt05", number(hot, "crud_p99_ms"));
  }

  /**
   * The server's CPU use with nothing to do but its timers (projection polls, hold expiry), per
   * second over a few quiet seconds just before a phase: taken off the phase's CPU time, so a
   * design that books fewer bookings in a phase is not charged more per booking for the server's
   * idling, nor for background work the phase before left behind.
   */
  private static double idleCpuPerSecond(Run run) throws Exception {
    run.db.awaitProjections(Duration.ofMinutes(5));
    double before = run.process.cpuSeconds();
    long start = System.nanoTime();
    Thread.sleep(run.plan.quick() ? 2_000 : 4_000);
    return (run.process.cpuSeconds() - before) / ((System.nanoTime() - start) / 1e9);
  }

  /**
   * The event-sourced hot phase once more, on a conference of its own, with a JFR recording of the
   * server, summarised so the next optimisation is chosen from data. A round apart from the
   * measured ones: the recording costs the server CPU (in full run 675220c6, where it ran during
   * the measured event-sourced phase and not during the rival's, that phase made 391 bookings/s
   * against 631 in the unrecorded round after it), so no figure is taken while it runs; its
   * bookings still count for the checks.
   */
  private static JsonObject profile(Run run) throws Exception {
    String id = run.conference(Run.MAX_SEATS, Run.TYPES);
    run.db.awaitProjections(Duration.ofMinutes(5));
    run.process.startRecording("hot");
    Load.Step es =
        Load.closed(
            run.staff, CLIENTS, run.plan.hotSeconds(), client -> run.booking(run.staff, id));
    run.process.stopRecording("hot", PROFILE);
    run.accepted(es.count(201));
    run.check(es.errors() == 0, "event-sourced profiled hot round: errors " + es.statusCounts());
    run.db.awaitProjections(Duration.ofMinutes(5));
    JsonObject summary = ServerProcess.summary(PROFILE, 15);
    return Json.createObjectBuilder(summary)
        .add("es_bookings_per_s_while_recorded", round(es.createdPerSecond()))
        .add(
            "es_allocated_kb_per_booking",
            round(summary.getJsonNumber("allocated_bytes").longValue() / 1024.0 / es.count(201)))
        .build();
  }

  /**
   * Seconds each design books on the round's conferences, unmeasured, before its measured seconds,
   * the clients running on without a break. The server hosts both designs, and whichever runs after
   * the other compiled Liberty's shared request path again at its start (its type profiles built
   * while the other application served): 197 methods in the event-sourced round's first three
   * seconds (quick run f3962156), and 21–25 % of that round's server CPU in the JIT compilers in
   * every full run up to 5d143474, though the warm-up had ended with them under 5 %. Each design is
   * measured once it runs alone; the report gives the compilers' CPU in the measured seconds.
   */
  static final int LEAD_IN_SECONDS = 5;

  /** The server's counters when a round's measured seconds begin. */
  private static final class Counters {
    double cpu;
    double system;
    double compilers;
    Map<String, Long> threads;
    long retries;
    long nanos;

    void take(Run run) {
      try {
        nanos = System.nanoTime();
        retries = run.retries();
        cpu = run.process.cpuSeconds();
        system = run.process.systemCpuSeconds();
        compilers = run.process.compilerCpuSeconds();
        threads = run.process.contextSwitches();
      } catch (Exception e) {
        throw new IllegalStateException("cannot read the server's counters", e);
      }
    }
  }

  /**
   * Both designs in turn, {@value #CLIENTS} clients over {@code conferences} conferences, with the
   * server's CPU time over each phase beyond its idling ({@link #idleCpuPerSecond}) — for the
   * event-sourced one until its read models have caught up, as their work is part of a booking's
   * cost. Nothing records the server meanwhile (see {@link #profile}).
   */
  private static JsonObject compare(Run run, int conferences, double seconds) throws Exception {
    Api staff = run.staff;
    List<String> esIds = new ArrayList<>();
    for (int i = 0; i < conferences; i++) {
      esIds.add(run.conference(Run.MAX_SEATS, Run.TYPES));
    }
    double esIdlePerSecond = idleCpuPerSecond(run);
    Counters esAt = new Counters();
    Load.Step es =
        Load.closed(
            staff,
            CLIENTS,
            LEAD_IN_SECONDS,
            seconds,
            client -> run.booking(staff, esIds.get((int) (client % conferences))),
            () -> esAt.take(run));
    run.db.awaitProjections(Duration.ofMinutes(5));
    double esCpu = run.process.cpuSeconds() - esAt.cpu;
    double esSystem = run.process.systemCpuSeconds() - esAt.system;
    double esCompilers = run.process.compilerCpuSeconds() - esAt.compilers;
    long esSwitches = ServerProcess.switchesSince(esAt.threads, run.process.contextSwitches());
    double esIdle = esIdlePerSecond * (System.nanoTime() - esAt.nanos) / 1e9;
    long retries = run.retries() - esAt.retries;
    run.accepted(es.countWithLeadIn(201));
    JsonArray crudIds =
        run.probe
            .must("rival/reset?conferences=" + conferences + "&capacity=100000000", null)
            .getJsonArray("conferences");
    double crudIdlePerSecond = idleCpuPerSecond(run);
    Counters crudAt = new Counters();
    Load.Step crud =
        Load.closed(
            run.rival,
            CLIENTS,
            LEAD_IN_SECONDS,
            seconds,
            client -> run.rivalBooking(crudIds.getString((int) (client % conferences))),
            () -> crudAt.take(run));
    double crudCpu = run.process.cpuSeconds() - crudAt.cpu;
    double crudSystem = run.process.systemCpuSeconds() - crudAt.system;
    double crudCompilers = run.process.compilerCpuSeconds() - crudAt.compilers;
    long crudSwitches = ServerProcess.switchesSince(crudAt.threads, run.process.contextSwitches());
    double crudIdle = crudIdlePerSecond * crud.seconds;
    long crudRetries = checkRival(run, crud.countWithLeadIn(201));
    run.check(es.errors() == 0, "event-sourced hot conference: errors " + es.statusCounts());
    run.check(crud.errors() == 0, "CRUD rival hot conference: errors " + crud.statusCounts());
    JsonObjectBuilder row =
        Json.createObjectBuilder()
            .add("conferences", conferences)
            .add("clients", CLIENTS)
            .add("added_round_trip_ms", run.addedRoundTripMillis())
            .add("lead_in_s", LEAD_IN_SECONDS)
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
            .add("crud_statuses", Json.createObjectBuilder(mapOf(crud.statusCounts())));
    double esPerBooking = 1000 * Math.max(0, esCpu - esIdle) / Math.max(1, es.count(201));
    double crudPerBooking = 1000 * Math.max(0, crudCpu - crudIdle) / Math.max(1, crud.count(201));
    row.add("es_idle_cpu_s_per_s", round(esIdlePerSecond))
        .add("crud_idle_cpu_s_per_s", round(crudIdlePerSecond))
        .add("es_cpu_s", round(esCpu))
        .add("es_idle_cpu_s", round(esIdle))
        .add("crud_cpu_s", round(crudCpu))
        .add("crud_idle_cpu_s", round(crudIdle))
        .add("es_cpu_ms_per_booking", round(esPerBooking))
        .add("crud_cpu_ms_per_booking", round(crudPerBooking))
        .add("cpu_per_booking_ratio", ratio(esPerBooking, crudPerBooking))
        // where the CPU went: the kernel's share (sockets, wake-ups) and the threads' switches
        .add("es_system_cpu_s", round(esSystem))
        .add("crud_system_cpu_s", round(crudSystem))
        // the JIT compilers' part of it: small once the warm-up settled them (WarmUp)
        .add("es_compiler_cpu_s", round(esCompilers))
        .add("crud_compiler_cpu_s", round(crudCompilers))
        .add(
            "es_context_switches_per_booking",
            round((double) esSwitches / Math.max(1, es.count(201))))
        .add(
            "crud_context_switches_per_booking",
            round((double) crudSwitches / Math.max(1, crud.count(201))));
    JsonObject built = row.build();
    Run.log("  " + built);
    return built;
  }

  /**
   * The rival's own books after a phase: no seat type oversold, its counters equal to its booking
   * rows, and each accepted booking with its booking row, audit row and processed-request row.
   * Answers the rival's retries after a deadlock or lock timeout.
   */
  private static long checkRival(Run run, long accepted) {
    JsonObject check = run.probe.get("rival/check").json();
    for (JsonValue row : check.getJsonArray("conferences")) {
      JsonObject r = row.asJsonObject();
      run.check(
          r.getJsonNumber("sold").longValue() == r.getJsonNumber("bookedSeats").longValue()
              && r.getJsonNumber("sold").longValue() <= r.getJsonNumber("capacity").longValue(),
          "CRUD rival " + r.getString("conferenceId") + " is inconsistent: " + r);
    }
    for (String rows : List.of("bookings", "bookingAuditRows", "acceptedRequests")) {
      run.check(
          check.getJsonNumber(rows).longValue() == accepted,
          "CRUD rival: " + accepted + " bookings accepted over HTTP but " + rows + " " + check);
    }
    return check.getJsonNumber("retries").longValue();
  }

  /** More clients than seats: exactly the capacity is sold, the rest refused, on both designs. */
  static void oversell(Run run) throws Exception {
    int capacity = 500;
    int requests = 800;
    Run.log("oversell probe: " + requests + " requests for " + capacity + " seats");
    Api staff = run.staff;
    String id = run.conference(capacity, 1);
    // one seat type of 500 seats
    Load.Step es = Load.closedCount(staff, CLIENTS, requests, client -> run.booking(staff, id));
    run.accepted(es.count(201));
    String crudId =
        run.probe
            .must("rival/reset?conferences=1&capacity=" + capacity, null)
            .getJsonArray("conferences")
            .getString(0);
    Load.Step crud =
        Load.closedCount(run.rival, CLIENTS, requests, client -> run.rivalBooking(crudId));
    checkRival(run, crud.count(201));
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
    run.check(
        crud.count(201) == capacity, "CRUD rival oversell probe: " + crud.count(201) + " accepted");
    run.results.figures.add(
        "oversell",
        Json.createObjectBuilder()
            .add("capacity", capacity)
            .add("requests", requests)
            .add("es_accepted", es.count(201))
            .add("crud_accepted", crud.count(201)));
  }

  private static double number(JsonObject row, String key) {
    return row.getJsonNumber(key).doubleValue();
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
