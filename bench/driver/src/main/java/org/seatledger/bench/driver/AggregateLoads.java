package org.seatledger.bench.driver;

import static org.seatledger.bench.driver.Results.ratio;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Part 5: loading one aggregate of 10 to 100,000 events from a snapshot, by full replay and from
 * the cache, each checked against the state the stream was built to reach. Every stream is built
 * first; once the read models have caught up and the database has written out and purged what the
 * builds left it, the streams are loaded in turn, {@value #ROUNDS} rounds, so the lengths are
 * compared within one window (each figure the median of its rounds' medians). Loaded one length at
 * a time right after its build, the longest stream was loaded while the database still flushed its
 * 100,000 events and 1,000 snapshots, and the shortest minutes earlier: a ratio of two loads a
 * millisecond or two long then followed the moment each was measured (full run e4e82ff2: 2.74,
 * where the same loads by hand on the quiet database took about as long for either length).
 */
final class AggregateLoads {

  /** Rounds of loads, each stream once a round. */
  static final int ROUNDS = 3;

  /** Loads of a stream each way in one round; the probe answers their medians. */
  static final int REPEATS = 21;

  private AggregateLoads() {}

  static void run(Run run) throws Exception {
    JsonArrayBuilder rows = Json.createArrayBuilder();
    Map<Integer, JsonObject> byLength = new LinkedHashMap<>();
    load(run, build(run, 1000)); // warm-up, not reported
    Map<Integer, JsonObject> built = new LinkedHashMap<>();
    for (int events : run.plan.loadLengths()) {
      Run.log("aggregate load: building a stream of " + events + " events");
      built.put(events, build(run, events));
    }
    run.db.awaitProjections(Duration.ofMinutes(10));
    double quiet = run.db.awaitQuiet();
    double purged = run.db.awaitPurged();
    Map<Integer, List<JsonObject>> rounds = new LinkedHashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      for (Map.Entry<Integer, JsonObject> stream : built.entrySet()) {
        JsonObject r = load(run, stream.getValue());
        run.check(
            r.getBoolean("correct"),
            "aggregate load of " + stream.getKey() + " events: states differ");
        rounds.computeIfAbsent(stream.getKey(), events -> new ArrayList<>()).add(r);
      }
    }
    for (Map.Entry<Integer, List<JsonObject>> length : rounds.entrySet()) {
      List<JsonObject> loads = length.getValue();
      JsonObject r =
          Json.createObjectBuilder(loads.get(0))
              .add("snapshotMicros", median(loads, "snapshotMicros"))
              .add("replayMicros", median(loads, "replayMicros"))
              .add("cacheMicros", median(loads, "cacheMicros"))
              .add("rounds", loads.size())
              .add("quietAfterSeconds", quiet)
              .add("purgedAfterSeconds", purged)
              .build();
      byLength.put(length.getKey(), r);
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

  /** Builds a seat-availability stream of {@code events} events: its id and its final state. */
  private static JsonObject build(Run run, int events) {
    return run.probe.must("store/streams?events=" + events, null);
  }

  /** Loads a built stream {@value #REPEATS} times each way (medians), checking every state. */
  private static JsonObject load(Run run, JsonObject built) {
    return run.probe.must(
        "store/aggregate-load?repeats="
            + REPEATS
            + "&stream="
            + built.getString("stream")
            + "&state="
            + URLEncoder.encode(built.getString("state"), StandardCharsets.UTF_8),
        null);
  }

  private static double median(List<JsonObject> loads, String key) {
    return Results.median(
        loads.stream().mapToDouble(load -> load.getJsonNumber(key).doubleValue()).toArray());
  }
}
