package org.seatledger.bench.driver;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The benchmark run: measures the store against its JDBC ceilings, the event-sourced booking path
 * against a CRUD baseline, the HTTP knee, aggregate loads, rebuilds and projection lag — in one run
 * against one server and one database — checks correctness, and writes {@code latest.json} and
 * {@code latest.md}. Exits 1 when a check fails.
 */
public final class Bench {

  /** Durations of one run. */
  record Plan(
      boolean quick,
      double storeSeconds,
      double hotSeconds,
      double sweepSeconds,
      double kneeStepSeconds,
      double steadySeconds,
      int[] loadLengths) {
    static Plan of(boolean quick) {
      return quick
          ? new Plan(true, 4, 8, 4, 4, 10, new int[] {10, 1_000, 100_000})
          : new Plan(false, 15, 30, 15, 10, 30, new int[] {10, 100, 1_000, 10_000, 100_000});
    }
  }

  static final int STORE_THREADS = 32;
  static final int HOT_CLIENTS = 64;
  static final int[] SWEEP = {1, 2, 8, 32};
  static final int SPREAD = 32;
  static final double KNEE_P99_MILLIS = 200;
  static final int TYPES = 10;

  private final Plan plan;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final Api admin;
  private final Api staff;
  private final URI base;
  private final Api probe;

  /** Open Liberty's own endpoints (metrics): no credentials, as a metrics scraper. */
  private final Api server;

  private final Connection db;
  private final String dbUrl;
  private final String dbUser;
  private final String dbPassword;
  private final JsonObjectBuilder figures = Json.createObjectBuilder();
  private final JsonObjectBuilder metrics = Json.createObjectBuilder();
  private final List<String> failures = new ArrayList<>();
  private final AtomicLong keys = new AtomicLong();
  private final Map<String, Integer> seatTypes = new java.util.concurrent.ConcurrentHashMap<>();
  private long bookingsAccepted;

  Bench(Plan plan) throws Exception {
    this.plan = plan;
    this.base = URI.create(env("SEATLEDGER_BENCH_URL", "http://127.0.0.1:29080/"));
    String adminPassword = env("SEATLEDGER_ADMIN_PASSWORD", null);
    this.admin = new Api(base, "admin", adminPassword);
    this.probe = new Api(base.resolve("/seatledger-bench/"), null, null);
    this.server = new Api(base, null, null);
    this.dbUrl = env("SEATLEDGER_DB_URL", null);
    this.dbUser = env("SEATLEDGER_DB_USER", "root");
    this.dbPassword = env("SEATLEDGER_DB_PASSWORD", "");
    this.db = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
    String staffPassword = "bench-Staff-" + UUID.randomUUID();
    admin.must(
        "api/admin/users",
        Json.createObjectBuilder()
            .add("username", "bench-" + run)
            .add("password", staffPassword)
            .add("roles", Json.createArrayBuilder().add("staff"))
            .build()
            .toString());
    this.staff = new Api(base, "bench-" + run, staffPassword);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      if (fallback == null) {
        throw new IllegalStateException(name + " must be set (bench/run sets it)");
      }
      return fallback;
    }
    return value;
  }

  public static void main(String[] args) throws Exception {
    boolean quick = List.of(args).contains("--quick");
    Path out =
        Path.of(
            args.length > 0 && !args[args.length - 1].startsWith("--")
                ? args[args.length - 1]
                : "bench/results");
    Bench bench = new Bench(Plan.of(quick));
    JsonObject result = bench.runAll();
    Files.createDirectories(out);
    Files.writeString(out.resolve("latest.json"), Report.json(result));
    Files.writeString(out.resolve("latest.md"), Report.markdown(result));
    System.out.println(Report.markdown(result));
    System.exit(result.getBoolean("correct") ? 0 : 1);
  }

  JsonObject runAll() throws Exception {
    long started = System.nanoTime();
    log("run " + run + (plan.quick() ? " (quick)" : " (full)"));
    warmUp();
    if (selected("store")) {
      storeVersusCeilings();
    }
    if (selected("hot")) {
      hotConference();
      oversell();
    }
    if (selected("http")) {
      httpKneeAndLag();
    }
    if (selected("load")) {
      aggregateLoads();
    }
    if (selected("rebuild")) {
      rebuildsAndReplayCheck();
    }
    if (selected("auth")) {
      basicVersusSession();
    }
    finalChecks();
    JsonObjectBuilder result =
        Json.createObjectBuilder()
            .add("correct", failures.isEmpty())
            .add("failures", Json.createArrayBuilder(failures))
            .add("run", run)
            .add("mode", plan.quick() ? "quick" : "full")
            .add("machine", Machine.describe(db))
            .add("durability", Machine.durability(db))
            .add("metrics", metrics)
            .add("figures", figures)
            .add("seconds", (System.nanoTime() - started) / 1e9);
    return result.build();
  }

  /**
   * SEATLEDGER_BENCH_ONLY=store,hot,http,load,rebuild,auth runs only those parts (while tuning).
   */
  private static boolean selected(String part) {
    String only = System.getenv("SEATLEDGER_BENCH_ONLY");
    return only == null || only.isBlank() || List.of(only.split(",")).contains(part);
  }

  /**
   * A freshly started JVM runs interpreted code and compiles as it goes: the first seconds of any
   * path are slow. Every path measured later runs here first, unreported.
   */
  private void warmUp() throws Exception {
    double seconds = plan.quick() ? 5 : 15;
    log("warming up for about " + (int) (4 * seconds) + " s (not reported)");
    probe.must("store/ceiling?threads=8&seconds=" + seconds / 2 + "&batch=1", null);
    probe.must("store/ceiling?threads=8&seconds=" + seconds / 2 + "&batch=100", null);
    probe.must("store/appends?threads=8&seconds=" + seconds, null);
    String id = conference(BookingCommandLimits.MAX_SEATS, TYPES);
    bookingsAccepted += Load.closed(staff, 16, seconds, client -> booking(staff, id)).count(201);
    String crudId =
        probe
            .must("crud/reset?conferences=1&capacity=100000000", null)
            .getJsonArray("conferences")
            .getString(0);
    Load.closed(
        probe,
        16,
        seconds,
        client ->
            probe.post("crud/conferences/" + crudId + "/bookings", bookingBody(client), null));
    awaitProjections(Duration.ofMinutes(5));
  }

  // 1 and 2: ceilings and appends ---------------------------------------------------------------

  /**
   * The ceilings are raw inserts on an otherwise idle server. The store is measured twice: with the
   * read models paused (the admin operation), so both sides of the ratio run under the same
   * conditions — the figure the targets speak of — and with the four read models live, catching up
   * on the same two cores while the appends run (reported beside it). The read models resume
   * afterwards, catch up, and are checked against a full replay at the end of the run.
   */
  private void storeVersusCeilings() throws Exception {
    log("JDBC ceilings and appends at " + STORE_THREADS + " threads");
    String q = "?threads=" + STORE_THREADS + "&seconds=" + plan.storeSeconds();
    double live = appends(q);
    List<String> projections = new ArrayList<>();
    admin
        .get("api/admin/projections")
        .any()
        .asJsonArray()
        .forEach(p -> projections.add(p.asJsonObject().getString("name")));
    double a;
    double b;
    double s;
    try {
      projections.forEach(name -> admin.must("api/admin/projections/" + name + "/pause", ""));
      a =
          probe
              .must("store/ceiling" + q + "&batch=1", null)
              .getJsonNumber("perSecond")
              .doubleValue();
      b =
          probe
              .must("store/ceiling" + q + "&batch=100", null)
              .getJsonNumber("perSecond")
              .doubleValue();
      s = appends(q);
    } finally {
      projections.forEach(name -> admin.must("api/admin/projections/" + name + "/resume", ""));
    }
    awaitProjections(Duration.ofMinutes(10));
    figures.add(
        "store",
        Json.createObjectBuilder()
            .add("threads", STORE_THREADS)
            .add("ceiling_a_rows_per_s", round(a))
            .add("ceiling_b_rows_per_s", round(b))
            .add("ceiling_b_batch", 100)
            .add("appends_events_per_s", round(s))
            .add("appends_with_live_read_models_events_per_s", round(live)));
    metrics
        .add("appends_vs_ceiling_a", ratio(s, a))
        .add("appends_vs_ceiling_b", ratio(s, b))
        .add("appends_with_live_read_models_vs_ceiling_a", ratio(live, a));
  }

  /** One appends measurement, checked against the log; events per second. */
  private double appends(String query) throws Exception {
    JsonObject appends = probe.must("store/appends" + query, null);
    long written =
        count(
            "SELECT COUNT(*) FROM events WHERE command_id LIKE ?",
            appends.getString("commandIdPrefix") + "%");
    long processed =
        count(
            "SELECT COUNT(*) FROM processed_commands WHERE command_id LIKE ?",
            appends.getString("commandIdPrefix") + "%");
    check(
        written == appends.getJsonNumber("units").longValue() && processed == written,
        "appends: the store acknowledged "
            + appends.getJsonNumber("units").longValue()
            + " appends; the log holds "
            + written
            + " events and "
            + processed
            + " command rows for them");
    check(appends.getInt("failures") == 0, "appends: " + appends.getInt("failures") + " failed");
    return appends.getJsonNumber("perSecond").doubleValue();
  }

  // 4: hot conference, event-sourced vs CRUD -----------------------------------------------------

  private void hotConference() throws Exception {
    log("hot conference: " + HOT_CLIENTS + " clients, event-sourced vs CRUD");
    JsonArrayBuilder sweep = Json.createArrayBuilder();
    JsonObject hot = null;
    for (int conferences : prepend(1, SWEEP)) {
      boolean headline = hot == null;
      double seconds = headline ? plan.hotSeconds() : plan.sweepSeconds();
      List<String> esIds = new ArrayList<>();
      for (int i = 0; i < conferences; i++) {
        esIds.add(conference(BookingCommandLimits.MAX_SEATS, TYPES));
      }
      long retriesBefore = retries();
      Load.Step es =
          Load.closed(
              staff,
              HOT_CLIENTS,
              seconds,
              client -> booking(staff, esIds.get((int) (client % conferences))));
      long retries = retries() - retriesBefore;
      bookingsAccepted += es.count(201);
      JsonArray crudIds =
          probe
              .must("crud/reset?conferences=" + conferences + "&capacity=100000000", null)
              .getJsonArray("conferences");
      Load.Step crud =
          Load.closed(
              probe,
              HOT_CLIENTS,
              seconds,
              client ->
                  probe.post(
                      "crud/conferences/"
                          + crudIds.getString((int) (client % conferences))
                          + "/bookings",
                      bookingBody(client),
                      null));
      JsonObject crudCheck = probe.get("crud/check").json();
      long crudRetries = crudCheck.getJsonNumber("retries").longValue();
      for (JsonValue row : crudCheck.getJsonArray("conferences")) {
        JsonObject r = row.asJsonObject();
        check(
            r.getInt("sold") == r.getJsonNumber("bookedSeats").longValue()
                && r.getInt("sold") <= r.getInt("capacity"),
            "CRUD baseline " + r.getString("conferenceId") + " is inconsistent: " + r);
      }
      check(es.errors() == 0, "event-sourced hot conference: errors " + es.statusCounts());
      check(crud.errors() == 0, "CRUD hot conference: errors " + crud.statusCounts());
      JsonObject row =
          Json.createObjectBuilder()
              .add("conferences", conferences)
              .add("clients", HOT_CLIENTS)
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
      log("  " + row);
    }
    figures.add("hot_conference", hot).add("sweep", sweep);
    metrics
        .add("hot_conference_vs_crud", hot.getJsonNumber("ratio").doubleValue())
        .add("conflict_rate", hot.getJsonNumber("es_conflict_rate").doubleValue())
        .add("hot_es_p99_ms", hot.getJsonNumber("es_p99_ms").doubleValue())
        .add("hot_crud_p99_ms", hot.getJsonNumber("crud_p99_ms").doubleValue());
  }

  private static int[] prepend(int first, int[] rest) {
    int[] all = new int[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  /** More clients than seats: exactly the capacity is sold, the rest refused, on both designs. */
  private void oversell() throws Exception {
    int capacity = 500;
    int requests = 800;
    log("oversell probe: " + requests + " requests for " + capacity + " seats");
    String id = conference(capacity, 1);
    AtomicLong next = new AtomicLong();
    // one seat type of 500 seats
    Load.Step es = Load.closedCount(staff, HOT_CLIENTS, requests, client -> booking(staff, id));
    bookingsAccepted += es.count(201);
    String crudId =
        probe
            .must("crud/reset?conferences=1&capacity=" + capacity, null)
            .getJsonArray("conferences")
            .getString(0);
    Load.Step crud =
        Load.closedCount(
            probe,
            HOT_CLIENTS,
            requests,
            client ->
                probe.post(
                    "crud/conferences/" + crudId + "/bookings",
                    bookingBody(next.incrementAndGet()),
                    null));
    JsonObject seats =
        staff.get("api/conferences/" + id + "/availability?atLeast=" + headPosition()).any()
                instanceof JsonObject o
            ? o
            : Json.createObjectBuilder().build();
    long held = sumOf(seats, "held");
    long sold = sumOf(seats, "sold");
    check(
        es.count(201) == capacity && held + sold == capacity,
        "event-sourced oversell probe: "
            + es.count(201)
            + " bookings accepted, read model held+sold "
            + (held + sold)
            + ", capacity "
            + capacity);
    check(crud.count(201) == capacity, "CRUD oversell probe: " + crud.count(201) + " accepted");
    figures.add(
        "oversell",
        Json.createObjectBuilder()
            .add("capacity", capacity)
            .add("requests", requests)
            .add("es_accepted", es.count(201))
            .add("crud_accepted", crud.count(201)));
  }

  // 3 and 7: HTTP knee, latency at half of it, projection lag -----------------------------------

  private void httpKneeAndLag() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < SPREAD; i++) {
      ids.add(conference(BookingCommandLimits.MAX_SEATS, TYPES));
    }
    awaitProjections(Duration.ofMinutes(5));
    log("HTTP knee over " + SPREAD + " conferences");
    JsonArrayBuilder steps = Json.createArrayBuilder();
    double rate = 25;
    double knee = 0;
    while (true) {
      Load.Step step =
          Load.constantRate(
              staff,
              rate,
              plan.kneeStepSeconds(),
              2000,
              n -> booking(staff, ids.get((int) (n % SPREAD))));
      bookingsAccepted += step.count(201);
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
              .build();
      steps.add(row);
      log("  " + row);
      if (!keeps) {
        break;
      }
      knee = rate;
      rate = Math.round(rate * 1.4);
      awaitProjections(Duration.ofSeconds(60));
    }
    awaitProjections(Duration.ofSeconds(120));
    double half = Math.max(10, Math.round(knee / 2));
    log("steady load at " + half + "/s (half the knee) with the lag probe");
    long before = headPosition();
    LagProbe lag = new LagProbe(dbUrl, dbUser, dbPassword, 2);
    Load.Step steady =
        Load.constantRate(
            staff,
            half,
            plan.steadySeconds(),
            2000,
            n -> booking(staff, ids.get((int) (n % SPREAD))));
    bookingsAccepted += steady.count(201);
    long after = headPosition();
    awaitProjections(Duration.ofSeconds(60));
    Map<String, Histogram> lags = lag.lags(db, before, after);
    check(steady.errors() == 0, "steady load: errors " + steady.statusCounts());
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
      check(
          h.getTotalCount() == after - before,
          "lag probe saw "
              + h.getTotalCount()
              + " of "
              + (after - before)
              + " events reach "
              + e.getKey());
    }
    check(!lags.isEmpty(), "the lag probe saw no projection");
    figures.add(
        "http",
        Json.createObjectBuilder()
            .add("conferences", SPREAD)
            .add("knee_bookings_per_s", knee)
            .add(
                "knee_rule",
                "highest constant rate answered at >= 95% with p99 <= "
                    + KNEE_P99_MILLIS
                    + " ms and no errors")
            .add("steps", steps)
            .add("steady_rate_per_s", half)
            .add("steady_p50_ms", round(steady.percentileMillis(50)))
            .add("steady_p99_ms", round(steady.percentileMillis(99)))
            .add("steady_p999_ms", round(steady.percentileMillis(99.9)))
            .add("steady_max_ms", round(steady.latencyMicros.getMaxValue() / 1000.0))
            .add("projection_lag", lagJson));
    metrics
        .add("http_bookings_per_s", knee)
        .add("http_p50_ms", round(steady.percentileMillis(50)))
        .add("http_p99_ms", round(steady.percentileMillis(99)))
        .add("http_p999_ms", round(steady.percentileMillis(99.9)))
        .add("projection_lag_p99_ms", round(worstP99));
  }

  // 5: aggregate loads ---------------------------------------------------------------------------

  private void aggregateLoads() throws Exception {
    JsonArrayBuilder rows = Json.createArrayBuilder();
    Map<Integer, JsonObject> byLength = new LinkedHashMap<>();
    loadOnce(1000); // warm-up, not reported
    for (int events : plan.loadLengths()) {
      log("aggregate load: " + events + " events");
      JsonObject r = loadOnce(events);
      check(r.getBoolean("correct"), "aggregate load of " + events + " events: states differ");
      byLength.put(events, r);
      rows.add(r);
      log("  " + r);
    }
    figures.add("aggregate_load", rows);
    JsonObject small = byLength.get(10);
    JsonObject large = byLength.get(100_000);
    metrics
        .add(
            "snapshot_load_100k_vs_10",
            ratio(
                large.getJsonNumber("snapshotMicros").doubleValue(),
                small.getJsonNumber("snapshotMicros").doubleValue()))
        .add(
            "replay_load_100k_vs_10",
            ratio(
                large.getJsonNumber("replayMicros").doubleValue(),
                small.getJsonNumber("replayMicros").doubleValue()))
        .add(
            "cached_load_100k_vs_10",
            ratio(
                large.getJsonNumber("cacheMicros").doubleValue(),
                small.getJsonNumber("cacheMicros").doubleValue()));
  }

  /** Builds a stream, lets the projections catch up (so they do not compete), then loads it. */
  private JsonObject loadOnce(int events) throws Exception {
    JsonObject built = probe.must("store/streams?events=" + events, null);
    awaitProjections(Duration.ofMinutes(10));
    return probe.must(
        "store/aggregate-load?repeats=21&stream="
            + built.getString("stream")
            + "&state="
            + java.net.URLEncoder.encode(built.getString("state"), StandardCharsets.UTF_8),
        null);
  }

  // 6: rebuilds, and every read model equals a full replay ---------------------------------------

  private void rebuildsAndReplayCheck() throws Exception {
    awaitProjections(Duration.ofSeconds(300));
    long head = headPosition();
    JsonObject raw = probe.must("store/raw-read", null);
    double rawPerSecond = raw.getJsonNumber("rowsPerSecond").doubleValue();
    log("raw read: " + raw);
    // the same rows through the event store: JDBC read plus decoding (JSON, upcasting, decryption)
    JsonObject decoded = probe.must("store/decoded-read", null);
    double decodedPerSecond = decoded.getJsonNumber("eventsPerSecond").doubleValue();
    log("decoded read: " + decoded);
    JsonArrayBuilder rows = Json.createArrayBuilder();
    double slowest = Double.MAX_VALUE;
    for (Map.Entry<String, List<String[]>> projection : ReadModels.TABLES.entrySet()) {
      String name = projection.getKey();
      Map<String, String> before = ReadModels.digests(db, name, projection.getValue());
      int generation = ReadModels.generation(db, name);
      long start = System.nanoTime();
      admin.must("api/admin/projections/" + name + "/rebuild", null);
      while (ReadModels.generation(db, name) == generation) {
        Thread.sleep(20);
        if (System.nanoTime() - start > Duration.ofMinutes(20).toNanos()) {
          throw new IllegalStateException("the rebuild of " + name + " did not finish");
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Map<String, String> rebuilt = ReadModels.digests(db, name, projection.getValue());
      check(
          before.equals(rebuilt),
          "read model " + name + " differs from its full replay: " + before + " vs " + rebuilt);
      double perSecond = head / seconds;
      slowest = Math.min(slowest, perSecond);
      JsonObject row =
          Json.createObjectBuilder()
              .add("projection", name)
              .add("events", head)
              .add("seconds", round(seconds))
              .add("events_per_s", round(perSecond))
              .add("vs_raw_read", ratio(perSecond, rawPerSecond))
              .add("equals_replay", before.equals(rebuilt))
              .build();
      rows.add(row);
      log("  " + row);
    }
    figures.add(
        "rebuild",
        Json.createObjectBuilder()
            .add("raw_read_rows_per_s", round(rawPerSecond))
            .add("decoded_read_events_per_s", round(decodedPerSecond))
            .add("decoded_read_vs_raw_read", ratio(decodedPerSecond, rawPerSecond))
            .add("projections", rows));
    metrics.add("rebuild_vs_raw_read", ratio(slowest, rawPerSecond));
  }

  // 7: what HTTP Basic on every call costs ----------------------------------------------------

  /** API clients that send Basic and keep no cookie pay little more than those with a session. */
  private void basicVersusSession() {
    int calls = plan.quick() ? 100 : 300;
    log("HTTP Basic without a session vs a session cookie, " + calls + " calls each");
    String id = conference(100, 1);
    // a user of its own, so that its first call is the one whose password hash is checked
    String user = "bench-" + run + "-basic";
    String password = "bench-Basic-" + UUID.randomUUID();
    admin.must(
        "api/admin/users",
        Json.createObjectBuilder()
            .add("username", user)
            .add("password", password)
            .add("roles", Json.createArrayBuilder().add("staff"))
            .build()
            .toString());
    JsonObject auth = BasicAuthProbe.measure(base, user, password, id, calls);
    figures.add("basic_auth", auth);
    metrics.add("basic_vs_session_call", auth.getJsonNumber("basic_vs_session").doubleValue());
  }

  private void finalChecks() throws Exception {
    long placed =
        count(
            "SELECT COUNT(*) FROM processed_commands WHERE command_id LIKE ?",
            "bench-" + run + "-b%");
    long events =
        count("SELECT COUNT(*) FROM events WHERE command_id LIKE ?", "bench-" + run + "-b%");
    check(
        placed == bookingsAccepted && events == 2 * bookingsAccepted,
        "bookings: "
            + bookingsAccepted
            + " accepted over HTTP, the log has "
            + placed
            + " commands and "
            + events
            + " events for them (2 per booking expected)");
    JsonObject verified = admin.must("api/admin/verify", null);
    check(verified.getBoolean("ok"), "hash chain: " + verified);
    long oversold =
        count(
            "SELECT COUNT(*) FROM reporting_seat_types s JOIN reporting_projections p"
                + " ON p.name = 'reporting.availability' AND s.generation = p.generation"
                + " WHERE s.held + s.sold > s.capacity",
            null);
    check(oversold == 0, oversold + " seat types are oversold in the read model");
    figures.add(
        "checks",
        Json.createObjectBuilder()
            .add("bookings_accepted", bookingsAccepted)
            .add("booking_commands_in_log", placed)
            .add("booking_events_in_log", events)
            .add("chain_verified_events", verified.getJsonNumber("checkedEvents").longValue())
            .add("oversold_seat_types", oversold));
  }

  // helpers --------------------------------------------------------------------------------------

  /**
   * A published conference with {@code types} seat types of {@code capacity} seats each (the API
   * takes at most 100,000 per type; the load needs more seats than that in one conference).
   */
  private String conference(int capacity, int types) {
    String slug = "bench-" + run + "-" + keys.incrementAndGet();
    JsonObject created =
        staff.must(
            "api/conferences",
            Json.createObjectBuilder()
                .add("name", "Benchmark " + slug)
                .add("slug", slug)
                .add("startsOn", LocalDate.now().plusMonths(3).toString())
                .add("endsOn", LocalDate.now().plusMonths(3).plusDays(2).toString())
                .add("venue", "Loopback Hall")
                .build()
                .toString());
    String id = created.getString("id");
    for (int t = 0; t < types; t++) {
      staff.must(
          "api/conferences/" + id + "/seat-types",
          Json.createObjectBuilder()
              .add("code", "s" + t)
              .add("name", "Seat type " + t)
              .add("quantity", capacity)
              .add("price", 100)
              .add("currency", "EUR")
              .build()
              .toString());
    }
    seatTypes.put(id, types);
    staff.must("api/conferences/" + id + "/publish", null);
    return id;
  }

  private HttpRequest booking(Api api, String conferenceId) {
    long n = keys.incrementAndGet();
    return api.post(
        "api/conferences/" + conferenceId + "/bookings",
        bookingBody(n, "s" + (n % seatTypes.get(conferenceId))),
        "bench-" + run + "-b" + n);
  }

  private static String bookingBody(long n) {
    return bookingBody(n, "standard");
  }

  private static String bookingBody(long n, String seatType) {
    return Json.createObjectBuilder()
        .add(
            "registrant",
            Json.createObjectBuilder()
                .add("name", "Attendee " + n)
                .add("email", "attendee" + n + "@example.org"))
        .add("seats", Json.createObjectBuilder().add(seatType, 1))
        .build()
        .toString();
  }

  private long retries() {
    Api.Answer metricsText = server.get("metrics?scope=application");
    for (String line : metricsText.body().split("\n")) {
      if (line.startsWith("seatledger_command_retries")) {
        return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new IllegalStateException(
        "no seatledger_command_retries metric: " + metricsText.status());
  }

  private long headPosition() throws Exception {
    return count("SELECT COALESCE(MAX(global_position), 0) FROM events", null);
  }

  private void awaitProjections(Duration atMost) throws Exception {
    long head = headPosition();
    long until = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < until) {
      long behind =
          count(
              "SELECT COUNT(*) FROM (SELECT position FROM reporting_projections UNION ALL"
                  + " SELECT position FROM audit_projections) p WHERE p.position < ?",
              head);
      if (behind == 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("projections did not reach position " + head + " in " + atMost);
  }

  private long count(String sql, Object parameter) throws Exception {
    try (PreparedStatement q = db.prepareStatement(sql)) {
      if (parameter != null) {
        q.setObject(1, parameter);
      }
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
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

  private void check(boolean ok, String what) {
    if (!ok) {
      failures.add(what);
      log("FAIL: " + what);
    }
  }

  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  static double ratio(double a, double b) {
    return b == 0 ? 0 : Math.round(a / b * 1000) / 1000.0;
  }

  static void log(String line) {
    System.out.println("[bench] " + line);
    System.out.flush();
  }

  /** The API's limit on one seat type's quantity. */
  static final class BookingCommandLimits {
    static final int MAX_SEATS = 100_000;
  }
}
