package org.seatledger.bench.driver;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark run: measures the store against its JDBC ceilings ({@link StoreCeilings}), the
 * event-sourced booking path against a CRUD rival with its CPU per booking ({@link HotConference}),
 * the HTTP knee of both and projection lag ({@link HttpKnee}), both again with the database a
 * network round trip away (through {@link LatencyProxy}), aggregate loads ({@link AggregateLoads}),
 * rebuilds ({@link Rebuilds}), HTTP Basic against a session ({@link BasicAuthProbe}), the staff
 * pages beside the API ({@link PageRenders}) and auditors' reads of a long stream ({@link
 * AuditReads}) — in one run against one server and one database — checks correctness ({@link
 * FinalChecks}), and writes {@code latest.json} and {@code latest.md} (a quick or partial run: see
 * {@link #fileName}). Exits 1 when a check fails.
 */
public final class Bench {

  /**
   * The round trip the latency proxy adds in the networked phase: a database on another host of the
   * same data centre.
   */
  static final double NETWORK_ROUND_TRIP_MILLIS = 0.5;

  private Bench() {}

  public static void main(String[] args) throws Exception {
    boolean quick = List.of(args).contains("--quick");
    Path out =
        Path.of(
            args.length > 0 && !args[args.length - 1].startsWith("--")
                ? args[args.length - 1]
                : "bench/results");
    Run run = new Run(Plan.of(quick));
    JsonObject result = runAll(run);
    Files.createDirectories(out);
    String name = fileName(quick, run.id);
    Files.writeString(out.resolve(name + ".json"), Report.json(result));
    Files.writeString(out.resolve(name + ".md"), Report.markdown(result));
    Run.log("results written to " + out.resolve(name + ".md"));
    System.out.println(Report.markdown(result));
    System.exit(result.getBoolean("correct") ? 0 : 1);
  }

  static JsonObject runAll(Run run) throws Exception {
    long started = System.nanoTime();
    Run.log("run " + run.id + (run.plan.quick() ? " (quick)" : " (full)"));
    WarmUp.run(run);
    if (selected("store")) {
      StoreCeilings.run(run);
    }
    if (selected("paths")) {
      AppendPaths.run(run);
    }
    if (selected("hot")) {
      HotConference.run(run);
      HotConference.oversell(run);
    }
    if (selected("http")) {
      HttpKnee.run(run);
    }
    if (selected("net")) {
      run.addRoundTrip(NETWORK_ROUND_TRIP_MILLIS);
      try {
        HotConference.runNetworked(run);
        HttpKnee.runNetworked(run);
      } finally {
        run.addRoundTrip(0);
      }
    }
    if (selected("load")) {
      AggregateLoads.run(run);
    }
    if (selected("rebuild")) {
      Rebuilds.run(run);
    }
    if (selected("auth")) {
      BasicAuthProbe.run(run);
    }
    if (selected("pages")) {
      PageRenders.run(run);
    }
    if (selected("audit")) {
      AuditReads.run(run);
    }
    FinalChecks.run(run);
    return run.results.json(
        run.id,
        run.plan.quick(),
        Machine.describe(run.db.connection),
        Machine.durability(run.db.connection)
            + "; holds expire after "
            + System.getenv().getOrDefault("SEATLEDGER_HOLD_TIMEOUT", "PT15M (as shipped)")
            + " (SEATLEDGER_HOLD_TIMEOUT)",
        "the server reaches the database through a latency proxy (bench's LatencyProxy, every"
            + " byte passed on by a user-space thread); it adds no delay except in the networked"
            + " phase, which adds "
            + NETWORK_ROUND_TRIP_MILLIS
            + " ms per round trip ("
            + NETWORK_ROUND_TRIP_MILLIS / 2
            + " ms each way); the driver's own checks read the database directly",
        started);
  }

  /**
   * {@code latest} for a full run, the figures the README quotes; a quick or partial run (while
   * tuning) is kept beside it as {@code quick-<run>} or {@code partial-<run>} and replaces nothing.
   */
  static String fileName(boolean quick, String runId) {
    if (!allSelected()) {
      return "partial-" + runId;
    }
    return quick ? "quick-" + runId : "latest";
  }

  private static boolean allSelected() {
    String only = System.getenv("SEATLEDGER_BENCH_ONLY");
    return only == null || only.isBlank();
  }

  /**
   * SEATLEDGER_BENCH_ONLY=store,paths,hot,http,net,load,rebuild,auth,pages,audit runs only those
   * parts (while tuning).
   */
  private static boolean selected(String part) {
    return allSelected()
        || List.of(System.getenv("SEATLEDGER_BENCH_ONLY").split(",")).contains(part);
  }
}
