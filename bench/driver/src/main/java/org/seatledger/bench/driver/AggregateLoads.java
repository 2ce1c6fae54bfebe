package org.seatledger.bench.driver;

import static org.seatledger.bench.driver.Results.ratio;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Part 5: loading one aggregate of 10 to 100,000 events from a snapshot, by full replay and from
 * the cache, each checked against the state the stream was built to reach.
 */
final class AggregateLoads {

  private AggregateLoads() {}

  static void run(Run run) throws Exception {
    JsonArrayBuilder rows = Json.createArrayBuilder();
    Map<Integer, JsonObject> byLength = new LinkedHashMap<>();
    loadOnce(run, 1000); // warm-up, not reported
    for (int events : run.plan.loadLengths()) {
      Run.log("aggregate load: " + events + " events");
      JsonObject r = loadOnce(run, events);
      run.check(r.getBoolean("correct"), "aggregate load of " + events + " events: states differ");
      byLength.put(events, r);
      rows.add(r);
      Run.log("  " + r);
    }
    run.results.figures.add("aggregate_load", rows);
    JsonObject small = byLength.get(10);
    JsonObject large = byLength.get(100_000);
    run.results
        .metrics
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
  private static JsonObject loadOnce(Run run, int events) throws Exception {
    JsonObject built = run.probe.must("store/streams?events=" + events, null);
    run.db.awaitProjections(Duration.ofMinutes(10));
    return run.probe.must(
        "store/aggregate-load?repeats=21&stream="
            + built.getString("stream")
            + "&state="
            + URLEncoder.encode(built.getString("state"), StandardCharsets.UTF_8),
        null);
  }
}
