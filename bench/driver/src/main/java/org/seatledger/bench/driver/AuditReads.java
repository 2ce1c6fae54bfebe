package org.seatledger.bench.driver;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Part 8: what an auditor's pages ask of a 100,000-event seat stream, through the API as an
 * auditor: the first and a deep page of its history (50 changes with diffs), its state at a version
 * in the middle, and a deep page of a search of the audit trail (the page an offset of 99,950 would
 * be); then how long making a digest of the whole log and checking it take. Each read is timed
 * sequentially, p50 and p99 of {@link #REPEATS}; the answers are checked against what the stream
 * was built to.
 */
final class AuditReads {

  private static final int EVENTS = 100_000;
  private static final int REPEATS = 101;

  private AuditReads() {}

  static void run(Run run) throws Exception {
    Run.log("audit reads: building a stream of " + EVENTS + " events");
    JsonObject built = run.probe.must("store/streams?events=" + EVENTS, null);
    String stream = built.getString("stream");
    run.db.awaitProjections(Duration.ofMinutes(15));
    String history = "api/audit/streams/" + stream + "/history?limit=50";

    JsonObject first = timed(run, i -> history);
    JsonObject deep = timed(run, i -> history + "&beforeVersion=" + (50_001 + i));
    JsonObject state =
        timed(run, i -> "api/audit/streams/" + stream + "/state?version=" + (50_000 + i));
    long cursor =
        array(run.admin.get(history.replace("limit=50", "limit=1") + "&beforeVersion=52"))
            .getJsonObject(0)
            .getJsonNumber("globalPosition")
            .longValue();
    JsonObject search =
        timed(run, i -> "api/audit/events?size=50&streamId=" + stream + "&after=" + cursor);
    JsonObject searchAll = timed(run, i -> "api/audit/events?size=50&after=" + cursor);

    check(run, stream, built, history, cursor);
    long started = System.nanoTime();
    JsonObject digest = run.admin.get("api/audit/digest").json();
    double makeSeconds = (System.nanoTime() - started) / 1e9;
    started = System.nanoTime();
    JsonObject again = run.admin.get("api/audit/digest").json();
    double extendSeconds = (System.nanoTime() - started) / 1e9;
    started = System.nanoTime();
    JsonObject verified = run.admin.must("api/audit/digest/verify", digest.toString());
    double checkSeconds = (System.nanoTime() - started) / 1e9;
    run.check(verified.getBoolean("ok"), "the log does not give its own digest: " + verified);
    run.check(
        again.getJsonNumber("position").longValue() >= digest.getJsonNumber("position").longValue(),
        "a later digest covers less of the log");

    JsonObjectBuilder figures =
        Json.createObjectBuilder()
            .add("stream_events", EVENTS)
            .add("history_first_page", first)
            .add("history_deep_page", deep)
            .add("state_mid_version", state)
            .add("search_deep_page_stream", search)
            .add("search_deep_page_all", searchAll)
            .add("log_events", digest.getJsonNumber("position").longValue())
            .add("digest_make_s", Results.round(makeSeconds))
            .add("digest_again_s", Results.round(extendSeconds))
            .add("digest_check_s", Results.round(checkSeconds));
    JsonObject result = figures.build();
    Run.log("  " + result);
    run.results.figures.add("audit_reads", result);
    run.results
        .metrics
        .add("audit_history_page_p99_ms", first.getJsonNumber("p99_ms").doubleValue())
        .add("audit_state_mid_p99_ms", state.getJsonNumber("p99_ms").doubleValue())
        .add("audit_search_deep_p99_ms", search.getJsonNumber("p99_ms").doubleValue());
  }

  /** The answers are right: newest 50 versions, the state at the head is the built one. */
  private static void check(Run run, String stream, JsonObject built, String history, long cursor) {
    JsonArray page = array(run.admin.get(history));
    run.check(
        page.size() == 50
            && page.getJsonObject(0).getJsonNumber("streamVersion").longValue() == EVENTS
            && page.getJsonObject(49).getJsonNumber("streamVersion").longValue() == EVENTS - 49,
        "the first history page is not versions 100,000 to 99,951");
    JsonObject head =
        run.admin.get("api/audit/streams/" + stream + "/state?version=" + EVENTS).json();
    JsonObject counts;
    try (var reader = Json.createReader(new StringReader(built.getString("state")))) {
      counts = reader.readObject().getJsonObject("counts");
    }
    boolean same = true;
    for (String type : counts.keySet()) {
      for (String count : List.of("capacity", "held", "sold")) {
        same &=
            counts.getJsonObject(type).getInt(count)
                == head.getJsonObject("state").getInt("seatTypes." + type + "." + count);
      }
    }
    run.check(same, "the state at the stream's head is not the state it was built to");
    JsonObject deepSearch =
        run.admin.get("api/audit/events?size=50&streamId=" + stream + "&after=" + cursor).json();
    run.check(
        deepSearch.getJsonArray("items").size() == 50,
        "the deep search page does not hold the stream's 50 oldest events");
  }

  /** p50 and p99 (ms) of {@link #REPEATS} sequential calls after a short warm-up. */
  private static JsonObject timed(Run run, IntFunction<String> path) {
    for (int i = 0; i < 5; i++) {
      run.admin.get(path.apply(i));
    }
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < REPEATS; i++) {
      long started = System.nanoTime();
      Api.Answer answer = run.admin.get(path.apply(i));
      millis.add((System.nanoTime() - started) / 1e6);
      run.check(answer.status() == 200, "audit read " + path.apply(i) + ": " + answer.status());
    }
    Collections.sort(millis);
    return Json.createObjectBuilder()
        .add("p50_ms", Results.round(millis.get(millis.size() / 2)))
        .add("p99_ms", Results.round(millis.get((int) Math.ceil(millis.size() * 0.99) - 1)))
        .add("max_ms", Results.round(millis.get(millis.size() - 1)))
        .build();
  }

  private static JsonArray array(Api.Answer answer) {
    return (JsonArray) answer.any();
  }
}
