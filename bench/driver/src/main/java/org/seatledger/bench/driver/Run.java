package org.seatledger.bench.driver;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One benchmark run as every phase sees it: its plan and id, the server (as admin, as a staff user
 * of its own, through the benchmark's probe, and as a metrics scraper), the database, the results
 * so far, and the bookings the server accepted. Creates the conferences and bookings the phases
 * load the server with; the final checks count this run's bookings in the log by their command ids
 * ({@link #bookingCommandIds()}).
 */
final class Run {

  /** Seat types per conference of the load phases. */
  static final int TYPES = 10;

  /** The API's limit on one seat type's quantity. */
  static final int MAX_SEATS = 100_000;

  final Plan plan;
  final String id = UUID.randomUUID().toString().substring(0, 8);
  final URI base;
  final Api admin;
  final Api staff;
  final Api probe;

  /** The CRUD rival in the probe, signed in as the same staff user as {@link #staff}. */
  final Api rival;

  /** The server's JVM: its CPU time and recordings. */
  final ServerProcess process;

  /** The control port of the latency proxy between the server and the database. */
  private final int proxyControlPort;

  /** The round trip the proxy adds now, in milliseconds. */
  private double addedRoundTripMillis;

  /** Open Liberty's own endpoints (metrics): no credentials, as a metrics scraper. */
  final Api server;

  final Database db;
  final Results results = new Results();
  private final AtomicLong keys = new AtomicLong();
  private final Map<String, Integer> seatTypes = new ConcurrentHashMap<>();
  private long bookingsAccepted;

  Run(Plan plan) throws Exception {
    this.plan = plan;
    this.base = URI.create(env("SEATLEDGER_BENCH_URL", "http://127.0.0.1:29080/"));
    String adminPassword = env("SEATLEDGER_ADMIN_PASSWORD", null);
    this.admin = new Api(base, "admin", adminPassword);
    this.probe = new Api(base.resolve("/seatledger-bench/"), null, null);
    this.server = new Api(base, null, null);
    this.db =
        new Database(
            env("SEATLEDGER_DB_URL", null),
            env("SEATLEDGER_DB_USER", "root"),
            env("SEATLEDGER_DB_PASSWORD", ""));
    String staffPassword = "bench-Staff-" + UUID.randomUUID();
    admin.must(
        "api/admin/users",
        Json.createObjectBuilder()
            .add("username", "bench-" + id)
            .add("password", staffPassword)
            .add("roles", Json.createArrayBuilder().add("staff"))
            .build()
            .toString());
    this.staff = new Api(base, "bench-" + id, staffPassword);
    this.rival = new Api(base.resolve("/seatledger-bench/"), "bench-" + id, staffPassword);
    this.process = ServerProcess.fromEnvironment();
    this.proxyControlPort = Integer.parseInt(env("SEATLEDGER_BENCH_PROXY_CONTROL_PORT", null));
    addRoundTrip(0);
  }

  /**
   * Makes every round trip between the server and the database {@code millis} longer from now on
   * (half each way), through the latency proxy.
   */
  void addRoundTrip(double millis) throws java.io.IOException {
    LatencyProxy.setOneWayMicros(proxyControlPort, Math.round(millis * 1000 / 2));
    addedRoundTripMillis = millis;
    log("the database is now " + millis + " ms of added round trip away");
  }

  double addedRoundTripMillis() {
    return addedRoundTripMillis;
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

  /** Counts bookings the server answered 201 to: the log must hold each of them. */
  void accepted(long bookings) {
    bookingsAccepted += bookings;
  }

  long bookingsAccepted() {
    return bookingsAccepted;
  }

  void check(boolean ok, String what) {
    results.check(ok, what);
  }

  /**
   * A published conference with {@code types} seat types of {@code capacity} seats each (the API
   * takes at most 100,000 per type; the load needs more seats than that in one conference).
   */
  String conference(int capacity, int types) {
    String slug = "bench-" + id + "-" + keys.incrementAndGet();
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
    String conferenceId = created.getString("id");
    for (int t = 0; t < types; t++) {
      staff.must(
          "api/conferences/" + conferenceId + "/seat-types",
          Json.createObjectBuilder()
              .add("code", "s" + t)
              .add("name", "Seat type " + t)
              .add("quantity", capacity)
              .add("price", 100)
              .add("currency", "EUR")
              .build()
              .toString());
    }
    seatTypes.put(conferenceId, types);
    staff.must("api/conferences/" + conferenceId + "/publish", null);
    return conferenceId;
  }

  /**
   * The SQL {@code LIKE} pattern of the command ids of this run's bookings in the log. The server
   * keeps a client's Idempotency-Key scoped to its user, as {@code c:<user>:<key>}; the keys are
   * {@code bench-<run>-b<n>}, sent by the staff user {@code bench-<run>}.
   */
  String bookingCommandIds() {
    return "c:bench-" + id + ":bench-" + id + "-b%";
  }

  /** A booking of one seat of the conference, of its seat types in turn. */
  HttpRequest booking(Api api, String conferenceId) {
    long n = keys.incrementAndGet();
    return api.post(
        "api/conferences/" + conferenceId + "/bookings",
        bookingBody(n, "s" + (n % seatTypes.get(conferenceId))),
        "bench-" + id + "-b" + n);
  }

  /** A booking of one standard seat (its one seat type) of the CRUD rival's conference. */
  HttpRequest rivalBooking(String conferenceId) {
    long n = keys.incrementAndGet();
    return rival.post(
        "rival/conferences/" + conferenceId + "/bookings",
        bookingBody(n, "standard"),
        "rival-" + id + "-b" + n);
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

  /** The server's count of command retries after a lost race on a stream version. */
  long retries() {
    Api.Answer metricsText = server.get("metrics?scope=application");
    for (String line : metricsText.body().split("\n")) {
      if (line.startsWith("seatledger_command_retries")) {
        return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new IllegalStateException(
        "no seatledger_command_retries metric: " + metricsText.status());
  }

  static void log(String line) {
    System.out.println("[bench] " + line);
    System.out.flush();
  }
}
