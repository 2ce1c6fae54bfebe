package org.seatledger.bench.driver;

import static org.seatledger.bench.driver.Results.ratio;
import static org.seatledger.bench.driver.Results.round;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;

/**
 * Parts 3 and 7: the HTTP knee — the highest constant booking rate over {@value #SPREAD}
 * conferences answered at 95% or more with p99 within 200 ms and no errors — of the event-sourced
 * path and of the CRUD rival, then the event-sourced latency at half of it, with the projection lag
 * of every read model measured meanwhile; and both knees again with the database a network round
 * trip away ({@link #runNetworked}).
 */
final class HttpKnee {

  static final int SPREAD = 32;
  static final double KNEE_P99_MILLIS = 200;

  /** How long the steady load waits for its probes to have started. */
  static final long PROBES_SETTLE_MILLIS = 2_000;

  /**
   * The least seconds of the steady load sent before its measured seconds, at the same rate, in no
   * figure ({@link #STEADY_LEAD_IN_MAX_SECONDS} says when it ends). The load driver shares the two
   * cores, and its JIT compiled again in the steady load's first seconds: in quick run aeadca2a the
   * driver took 1,036, 758 and 766 ms of CPU a second in the load's first three seconds and 340–380
   * afterwards, its compiler threads alone 0.5–1.2 s a second (sampled thread by thread in a run
   * after it), and those seconds held nearly every request over 200 ms and the read models' lag
   * tail. The report gives the driver's compile time in the lead-in and in the measured seconds,
   * and the CPU table shows the lead-in's seconds.
   */
  static final int STEADY_LEAD_IN_SECONDS = 5;

  /**
   * The lead-in goes on past {@value #STEADY_LEAD_IN_SECONDS} s, at most to this, until the
   * driver's JIT compiled for less than {@value #DRIVER_JIT_QUIET_MILLIS} ms in a second (a
   * twentieth of one of the two cores): a fixed 5 s was not enough in every run (quick run
   * e39a3585: the driver's JIT 4,560 ms in the lead-in and 6,552 in the 10 measured seconds, the
   * driver at 600–1,030 CPU-ms a second throughout, the requests' p99 688 ms). It also waits for
   * the server to keep up with the load, and then closes with the benchmark's own read of the
   * server's step times ({@link Load.LeadIn}): in quick runs the first measured second held most of
   * the load's slow requests (1cd9a796: 341 of 470 over 200 ms, at most 37 in any other second),
   * and a recording of the server found a third of its CPU in that second in that read's {@code
   * /metrics} scrape (8d38b30c).
   */
  static final int STEADY_LEAD_IN_MAX_SECONDS = 30;

  /** The driver's JIT counts as settled when it compiled for less than this in a second. */
  static final long DRIVER_JIT_QUIET_MILLIS = 50;

  /** The lowest rate tried when the first step does not keep up. */
  static final double FLOOR_PER_SECOND = 6;

  private HttpKnee() {}

  static void run(Run run) throws Exception {
    Api staff = run.staff;
    Database db = run.db;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < SPREAD; i++) {
      ids.add(run.conference(Run.MAX_SEATS, Run.TYPES));
    }
    Run.log("HTTP knee over " + SPREAD + " conferences, event-sourced");
    Ladder es = ladder(run, true, n -> run.booking(staff, ids.get((int) (n % SPREAD))));
    Ladder crud = rivalLadder(run);
    double knee = es.knee();
    run.results.metrics.add("knee_vs_crud_rtt0", ratio(es.knee(), crud.knee()));
    db.awaitProjections(Duration.ofSeconds(120));
    double quietSeconds = quiet(run, "steady load");
    double half = Math.max(10, Math.round(knee / 2));
    Run.log(
        "steady load at "
            + half
            + "/s (half the knee) with the lag probe, after a lead-in of "
            + STEADY_LEAD_IN_SECONDS
            + " to "
            + STEADY_LEAD_IN_MAX_SECONDS
            + " s");
    LagProbe lag = new LagProbe(db.url, db.user, db.password, 2);
    SteadyWatch stalls = new SteadyWatch(db.url, db.user, db.password);
    // beside the read models' lag, with Kafka on; it reads the topic only after the load
    RelayProbe relay = RelayProbe.startIfEnabled();
    // the probes start before the load: their own start-up (JDBC connections, their first polls,
    // the broker taking a topic setting) takes CPU from the machine's two cores and would count as
    // the server's latency in the first seconds of the load
    Thread.sleep(PROBES_SETTLE_MILLIS);
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    long jitAtLeadIn = jit.getTotalCompilationTime();
    long leadInStart = System.currentTimeMillis();
    long[] jitLooked = {jitAtLeadIn};
    CompletableFuture<ServerStepTimes> stepTimesAtStart = new CompletableFuture<>();
    long[] stepTimesReadAt = new long[1];
    Load.LeadIn leadIn =
        new Load.LeadIn(
            STEADY_LEAD_IN_SECONDS,
            STEADY_LEAD_IN_MAX_SECONDS,
            () -> {
              long now = jit.getTotalCompilationTime();
              boolean quiet = now - jitLooked[0] < DRIVER_JIT_QUIET_MILLIS;
              jitLooked[0] = now;
              return quiet;
            },
            // the server's step times, read while the lead-in closes (off the sender's thread):
            // the scrape's cost falls in no measured second
            () ->
                stepTimesAtStart.completeAsync(
                    () -> {
                      stepTimesReadAt[0] = System.currentTimeMillis();
                      return ServerStepTimes.of(staff);
                    }));
    double[] ledIn = new double[1];
    long[] atMeasuredStart = new long[2]; // wall clock, the driver's JIT then
    CompletableFuture<Long> headAtStart = new CompletableFuture<>();
    Load.Step steady =
        Load.constantRate(
            staff,
            half,
            leadIn,
            run.plan.steadySeconds(),
            2000,
            n -> run.booking(staff, ids.get((int) (n % SPREAD))),
            seconds -> {
              ledIn[0] = seconds;
              atMeasuredStart[0] = System.currentTimeMillis();
              atMeasuredStart[1] = jit.getTotalCompilationTime();
              // off the sender's thread: a query would hold up the first measured request
              CompletableFuture.runAsync(
                  () -> {
                    try {
                      headAtStart.complete(db.headPosition());
                    } catch (Exception e) {
                      headAtStart.completeExceptionally(e);
                    }
                  });
            });
    long jitAtEnd = jit.getTotalCompilationTime();
    long loadStart = atMeasuredStart[0];
    long before = headAtStart.get(60, TimeUnit.SECONDS);
    run.accepted(steady.countWithLeadIn(201));
    JsonObject stalled = stalls.figures(steady, leadInStart, loadStart);
    long after = db.headPosition();
    db.awaitProjections(Duration.ofSeconds(60));
    // from the lead-in's closing seconds until every read model has caught up with the load
    ServerStepTimes stepTimesBefore = stepTimesAtStart.get(60, TimeUnit.SECONDS);
    JsonObject stepTimes =
        ServerStepTimes.of(staff)
            .since(stepTimesBefore, (System.currentTimeMillis() - stepTimesReadAt[0]) / 1000.0);
    Map<String, Histogram> lags = lag.lags(db.connection, before, after);
    run.check(steady.errors() == 0, "steady load: errors " + steady.statusCounts());
    JsonObjectBuilder lagJson = Json.createObjectBuilder();
    double worstP99 = 0;
    for (Map.Entry<String, Histogram> e : lags.entrySet()) {
      Histogram h = e.getValue();
      double p99 = h.getValueAtPercentile(99) / 1000.0;
      worstP99 = Math.max(worstP99, p99);
      lagJson.add(
          e.getKey(),
          Json.createObjectBuilder()
              .add("events", h.getTotalCount())
              .add("p50_ms", round(h.getValueAtPercentile(50) / 1000.0))
              .add("p99_ms", round(p99))
              .add("max_ms", round(h.getMaxValue() / 1000.0)));
      run.check(
          h.getTotalCount() == after - before,
          "lag probe saw "
              + h.getTotalCount()
              + " of "
              + (after - before)
              + " events reach "
              + e.getKey());
    }
    run.check(!lags.isEmpty(), "the lag probe saw no projection");
    if (relay != null) {
      lagJson.add("integration.relay", relay.figures(db, before, after, Duration.ofSeconds(60)));
    }
    run.results.figures.add(
        "http",
        Json.createObjectBuilder()
            .add("conferences", SPREAD)
            .add("knee_bookings_per_s", knee)
            .add("crud_knee_bookings_per_s", crud.knee())
            .add("crud_steps", crud.steps())
            .add(
                "knee_rule",
                "highest constant rate answered at >= 95% with p99 <= "
                    + KNEE_P99_MILLIS
                    + " ms and no errors, a missed rate tried once more, the gap between the last rate kept"
                    + " and the first missed narrowed "
                    + REFINEMENTS
                    + " times")
            .add("steps", es.steps())
            .add("steady_rate_per_s", half)
            .add("steady_lead_in_s", round(ledIn[0]))
            .add(
                "driver_jit_ms",
                Json.createObjectBuilder()
                    .add("lead_in", atMeasuredStart[1] - jitAtLeadIn)
                    .add("measured", jitAtEnd - atMeasuredStart[1]))
            .add("database_quiet_wait_s", quietSeconds)
            .add("steady_p50_ms", round(steady.percentileMillis(50)))
            .add("steady_p99_ms", round(steady.percentileMillis(99)))
            .add("steady_p999_ms", round(steady.percentileMillis(99.9)))
            .add("steady_max_ms", round(steady.latencyMicros.getMaxValue() / 1000.0))
            .add("projection_lag", lagJson)
            .add("server_step_times", stepTimes)
            .add("stalls", stalled));
    run.results
        .metrics
        .add("http_bookings_per_s", knee)
        .add("http_p50_ms", round(steady.percentileMillis(50)))
        .add("http_p99_ms", round(steady.percentileMillis(99)))
        .add("http_p999_ms", round(steady.percentileMillis(99.9)))
        .add("projection_lag_p99_ms", round(worstP99));
  }

  /** The knees of both designs again with the database a network round trip away. */
  static void runNetworked(Run run) throws Exception {
    Api staff = run.staff;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < SPREAD; i++) {
      ids.add(run.conference(Run.MAX_SEATS, Run.TYPES));
    }
    Run.log("HTTP knee, " + run.addedRoundTripMillis() + " ms round trip to the database");
    Ladder es = ladder(run, true, n -> run.booking(staff, ids.get((int) (n % SPREAD))));
    Ladder crud = rivalLadder(run);
    run.results.figures.add(
        "http_rtt05",
        Json.createObjectBuilder()
            .add("conferences", SPREAD)
            .add("added_round_trip_ms", run.addedRoundTripMillis())
            .add("knee_bookings_per_s", es.knee())
            .add("crud_knee_bookings_per_s", crud.knee())
            .add("steps", es.steps())
            .add("crud_steps", crud.steps()));
    run.results
        .metrics
        .add("http_bookings_per_s_rtt05", es.knee())
        .add("knee_vs_crud_rtt05", ratio(es.knee(), crud.knee()));
  }

  /** Waits for the database to be quiet ({@link Database#awaitQuiet}); the seconds it took. */
  private static double quiet(Run run, String before) throws Exception {
    double waited = run.db.awaitQuiet();
    Run.log(
        "  database "
            + (waited < 0 ? "still flushing after " : "quiet after ")
            + round(Math.abs(waited))
            + " s, before the "
            + before);
    return round(waited);
  }

  /** The highest rate kept up with, and every step tried. */
  private record Ladder(double knee, JsonArray steps) {}

  private static Ladder rivalLadder(Run run) throws Exception {
    Run.log("HTTP knee over " + SPREAD + " conferences, CRUD rival");
    JsonArray ids =
        run.probe
            .must("rival/reset?conferences=" + SPREAD + "&capacity=100000000", null)
            .getJsonArray("conferences");
    Ladder ladder = ladder(run, false, n -> run.rivalBooking(ids.getString((int) (n % SPREAD))));
    return ladder;
  }

  /**
   * Constant rates from 25/s up by 40% a step until a rate does not keep up; when 25/s is already
   * too much (a machine busy with other work), half of it and half again, so the knee is a number
   * and not a zero. A rate that misses is tried once more before it counts as missed, for both
   * designs alike: on a shared machine one stall (a neighbour's burst, a collection, a slow flush)
   * can push a step's p99 over the line, and a knee should say what a design sustains, not when the
   * machine hiccupped (full run 0ccfe6d8: the rival's knee was 25/s at no added round trip and
   * 190/s at 0.5 ms, because its 35/s step missed on one blip). Both tries are in the steps. The
   * event-sourced steps start with the read models caught up.
   *
   * <p>Then the gap between the last rate kept and the first one missed is narrowed {@value
   * #REFINEMENTS} times, at the geometric middle (the same rule, a second try included): steps of
   * 40% alone measure a knee only to within 40%, so two designs a few percent apart could come out
   * one whole step apart, and no ratio of knees could be told from the next ratio of 1.4 (190 vs
   * 266/s read 0.71 whether the truth was 0.72 or 0.99). After two refinements a knee is known to
   * within about 9%.
   */
  private static Ladder ladder(Run run, boolean eventSourced, LongFunction<HttpRequest> booking)
      throws Exception {
    JsonArrayBuilder steps = Json.createArrayBuilder();
    // both designs start their ladder on a database that has written out the phase before
    quiet(run, eventSourced ? "event-sourced ladder" : "rival's ladder");
    double rate = 25;
    while (!keepsUp(run, eventSourced, booking, rate, steps)) {
      if (rate <= FLOOR_PER_SECOND) {
        return new Ladder(0, steps.build());
      }
      rate = Math.max(FLOOR_PER_SECOND, Math.floor(rate / 2));
    }
    double knee = rate;
    double missed = Math.round(knee * 1.4);
    while (keepsUp(run, eventSourced, booking, missed, steps)) {
      knee = missed;
      missed = Math.round(knee * 1.4);
    }
    for (int i = 0; i < REFINEMENTS; i++) {
      double middle = Math.round(Math.sqrt(knee * missed));
      if (middle <= knee || middle >= missed) {
        break;
      }
      if (keepsUp(run, eventSourced, booking, middle, steps)) {
        knee = middle;
      } else {
        missed = middle;
      }
    }
    return new Ladder(knee, steps.build());
  }

  /**
   * The CPU each process on the machine took over a step, in milliseconds a request answered, and
   * their total: what bounds a knee where the machine is full. The event-sourced read models' last
   * few events of the step are caught up after it, outside these figures.
   */
  static JsonObject cpuPerRequest(
      Map<String, Long> before, Map<String, Long> after, long requests) {
    JsonObjectBuilder out = Json.createObjectBuilder();
    double total = 0;
    for (Map.Entry<String, Long> e : after.entrySet()) {
      Long from = before.get(e.getKey());
      if (from != null) {
        double millis =
            (e.getValue() - from) * 1000.0 / ServerProcess.TICKS_PER_SECOND / Math.max(1, requests);
        total += millis;
        out.add(e.getKey(), round(millis));
      }
    }
    return out.add("total", round(total)).build();
  }

  /** How many times the gap between the last rate kept and the first missed is halved. */
  static final int REFINEMENTS = 2;

  /** Whether {@code rate} keeps up, at the first try or the second; both tries go in the steps. */
  private static boolean keepsUp(
      Run run,
      boolean eventSourced,
      LongFunction<HttpRequest> booking,
      double rate,
      JsonArrayBuilder steps)
      throws Exception {
    Api api = eventSourced ? run.staff : run.rival;
    for (boolean retry : new boolean[] {false, true}) {
      if (eventSourced) {
        run.db.awaitProjections(Duration.ofSeconds(120));
      }
      Map<String, Long> processes = SteadyWatch.followed();
      Map<String, Long> ticksBefore = SteadyWatch.ticks(processes);
      Load.Step step = Load.constantRate(api, rate, run.plan.kneeStepSeconds(), 2000, booking);
      JsonObject cpu = cpuPerRequest(ticksBefore, SteadyWatch.ticks(processes), step.total());
      if (eventSourced) {
        run.accepted(step.count(201));
      }
      boolean keeps =
          step.completedPerSecond() >= 0.95 * rate
              && step.percentileMillis(99) <= KNEE_P99_MILLIS
              && step.errors() == 0
              && step.notSent == 0;
      JsonObject row =
          Json.createObjectBuilder()
              .add("offered_per_s", rate)
              .add("completed_per_s", round(step.completedPerSecond()))
              .add("p50_ms", round(step.percentileMillis(50)))
              .add("p99_ms", round(step.percentileMillis(99)))
              .add("errors", step.errors())
              .add("not_sent", step.notSent)
              .add("keeps_up", keeps)
              .add("second_try", retry)
              .add("cpu_ms_per_request", cpu)
              .build();
      steps.add(row);
      Run.log("  " + row);
      if (keeps) {
        return true;
      }
    }
    return false;
  }
}
