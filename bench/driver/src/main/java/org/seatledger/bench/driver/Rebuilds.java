package org.seatledger.bench.driver;

import static org.seatledger.bench.driver.Results.ratio;
import static org.seatledger.bench.driver.Results.round;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Part 6: the raw and the decoded read of the whole log, then a rebuild of every read model, timed
 * and checked: each read model equals its full replay (the same digests before and after), with a
 * JFR profile of each rebuild taken in a rebuild of its own after the timed one: the recording
 * costs the server CPU, and the raw read it is compared with runs unrecorded.
 */
final class Rebuilds {

  private Rebuilds() {}

  /**
   * Events appended after {@code position}, the read-model operations the rebuild records left out.
   */
  private static long eventsAppendedAfter(Connection db, long position) throws Exception {
    try (var q =
        db.prepareStatement(
            "SELECT COUNT(*) FROM events WHERE global_position > ?"
                + " AND event_type NOT LIKE 'ReadModel%'")) {
      q.setLong(1, position);
      try (var rows = q.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** Rebuilds a read model whose live generation is {@code generation}; the seconds it took. */
  private static double rebuild(Run run, String name, int generation) throws Exception {
    long start = System.nanoTime();
    run.admin.must("api/admin/projections/" + name + "/rebuild", null);
    while (ReadModels.generation(run.db.connection, name) == generation) {
      Thread.sleep(20);
      if (System.nanoTime() - start > Duration.ofMinutes(20).toNanos()) {
        throw new IllegalStateException("the rebuild of " + name + " did not finish");
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  static void run(Run run) throws Exception {
    run.db.awaitProjections(Duration.ofSeconds(300));
    run.db.awaitPurged();
    long head = run.db.headPosition();
    JsonObject raw = run.probe.must("store/raw-read", null);
    double rawPerSecond = raw.getJsonNumber("rowsPerSecond").doubleValue();
    Run.log("raw read: " + raw);
    // the same rows through the event store: JDBC read plus decoding (JSON, upcasting, decryption)
    JsonObject decoded = run.probe.must("store/decoded-read", null);
    double decodedPerSecond = decoded.getJsonNumber("eventsPerSecond").doubleValue();
    Run.log("decoded read: " + decoded);
    Connection db = run.db.connection;
    JsonArrayBuilder rows = Json.createArrayBuilder();
    double slowest = Double.MAX_VALUE;
    for (Map.Entry<String, List<String[]>> projection : ReadModels.TABLES.entrySet()) {
      String name = projection.getKey();
      // a rebuild replaces the live rows, so it is compared with them as they were just before;
      // events that arrive meanwhile (holds expiring on their own) make the two differ without
      // anything being wrong: then the comparison is made again on the rebuilt rows, up to three
      // times, and only a difference with nothing appended in between is a failure
      Path recording = Path.of("bench/target/rebuild-" + name + ".jfr");
      double seconds = 0;
      double dropped = 0;
      double purged = 0;
      boolean equal;
      for (int attempt = 1; ; attempt++) {
        run.db.awaitProjections(Duration.ofSeconds(300));
        long applied = run.db.headPosition();
        Map<String, String> before = ReadModels.digests(db, name, projection.getValue(), applied);
        int generation = ReadModels.generation(db, name);
        double took = rebuild(run, name, generation);
        double drop = ReadModels.awaitDropped(db, name, generation, Duration.ofMinutes(10));
        double purge = run.db.awaitPurged();
        if (purge < 0) {
          Run.log("  " + name + ": InnoDB's history list still not empty after " + -purge + " s");
        }
        if (attempt == 1) {
          seconds = took;
          dropped = drop;
          purged = drop + Math.abs(purge);
        }
        Map<String, String> rebuilt = ReadModels.digests(db, name, projection.getValue(), applied);
        long appended = eventsAppendedAfter(db, applied);
        equal = before.equals(rebuilt);
        if (equal || appended == 0 || attempt == 3) {
          run.check(
              equal,
              "read model "
                  + name
                  + " differs from its full replay: "
                  + before
                  + " vs "
                  + rebuilt
                  + " ("
                  + appended
                  + " events appended during the rebuild, attempt "
                  + attempt
                  + ")");
          break;
        }
        Run.log(
            "  "
                + name
                + ": "
                + appended
                + " events appended during the rebuild changed it; compared again");
      }
      run.db.awaitProjections(Duration.ofSeconds(300));
      run.process.startRecording("rebuild");
      int replaced = ReadModels.generation(db, name);
      rebuild(run, name, replaced);
      run.process.stopRecording("rebuild", recording);
      ReadModels.awaitDropped(db, name, replaced, Duration.ofMinutes(10));
      run.db.awaitPurged();
      double perSecond = head / seconds;
      slowest = Math.min(slowest, perSecond);
      JsonObject row =
          Json.createObjectBuilder()
              .add("projection", name)
              .add("events", head)
              .add("seconds", round(seconds))
              .add("old_generation_dropped_after_s", round(dropped))
              .add("old_generation_purged_after_s", round(purged))
              .add("events_per_s", round(perSecond))
              .add("vs_raw_read", ratio(perSecond, rawPerSecond))
              .add("equals_replay", equal)
              .add("profile", ServerProcess.summary(recording, 12))
              .build();
      rows.add(row);
      Run.log("  " + name + " " + seconds + " s; profile " + row.getJsonObject("profile"));
    }
    run.results.figures.add(
        "rebuild",
        Json.createObjectBuilder()
            .add("raw_read_rows_per_s", round(rawPerSecond))
            .add("decoded_read_events_per_s", round(decodedPerSecond))
            .add("decoded_read_vs_raw_read", ratio(decodedPerSecond, rawPerSecond))
            .add("projections", rows));
    run.results.metrics.add("rebuild_vs_raw_read", ratio(slowest, rawPerSecond));
  }
}
