package org.seatledger.bench.driver;

import static org.seatledger.bench.driver.Results.ratio;
import static org.seatledger.bench.driver.Results.round;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Parts 1 and 2: the JDBC ceilings and the store's appends at {@value #THREADS} threads.
 *
 * <p>The ceilings are raw inserts on an otherwise idle server. The store is measured twice: with
 * the read models paused (the admin operation), so both sides of the ratio run under the same
 * conditions — the figure the targets speak of — and with the four read models live, catching up on
 * the same two cores while the appends run (reported beside it). The read models resume afterwards,
 * catch up, and are checked against a full replay at the end of the run.
 *
 * <p>Ceiling (b) is also measured with one writer: the store's appends go through one committer on
 * one connection (the sequence lock admits one writer at a time), so that figure says how near the
 * committer comes to what one writer of batched rows can do, where (b) has 32 writers.
 */
final class StoreCeilings {

  static final int THREADS = 32;

  private StoreCeilings() {}

  static void run(Run run) throws Exception {
    Run.log("JDBC ceilings and appends at " + THREADS + " threads");
    String q = "?threads=" + THREADS + "&seconds=" + run.plan.storeSeconds();
    double live = appends(run, q);
    List<String> projections = new ArrayList<>();
    run.admin
        .get("api/admin/projections")
        .any()
        .asJsonArray()
        .forEach(p -> projections.add(p.asJsonObject().getString("name")));
    double a;
    double b;
    double b1;
    double s;
    try {
      projections.forEach(name -> run.admin.must("api/admin/projections/" + name + "/pause", ""));
      a =
          run.probe
              .must("store/ceiling" + q + "&batch=1", null)
              .getJsonNumber("perSecond")
              .doubleValue();
      b =
          run.probe
              .must("store/ceiling" + q + "&batch=100", null)
              .getJsonNumber("perSecond")
              .doubleValue();
      b1 =
          run.probe
              .must(
                  "store/ceiling?threads=1&seconds=" + run.plan.storeSeconds() + "&batch=100", null)
              .getJsonNumber("perSecond")
              .doubleValue();
      s = appends(run, q);
    } finally {
      projections.forEach(name -> run.admin.must("api/admin/projections/" + name + "/resume", ""));
    }
    run.db.awaitProjections(Duration.ofMinutes(10));
    run.results.figures.add(
        "store",
        Json.createObjectBuilder()
            .add("threads", THREADS)
            .add("ceiling_a_rows_per_s", round(a))
            .add("ceiling_b_rows_per_s", round(b))
            .add("ceiling_b_batch", 100)
            .add("ceiling_b_one_writer_rows_per_s", round(b1))
            .add("appends_events_per_s", round(s))
            .add("appends_with_live_read_models_events_per_s", round(live)));
    run.results
        .metrics
        .add("appends_vs_ceiling_a", ratio(s, a))
        .add("appends_vs_ceiling_b", ratio(s, b))
        .add("appends_vs_ceiling_b_one_writer", ratio(s, b1))
        .add("appends_with_live_read_models_vs_ceiling_a", ratio(live, a));
  }

  /** One appends measurement, checked against the log; events per second. */
  private static double appends(Run run, String query) throws Exception {
    JsonObject appends = run.probe.must("store/appends" + query, null);
    long written =
        run.db.count(
            "SELECT COUNT(*) FROM events WHERE command_id LIKE ?",
            appends.getString("commandIdPrefix") + "%");
    long processed =
        run.db.count(
            "SELECT COUNT(*) FROM processed_commands WHERE command_id LIKE ?",
            appends.getString("commandIdPrefix") + "%");
    run.check(
        written == appends.getJsonNumber("units").longValue() && processed == written,
        "appends: the store acknowledged "
            + appends.getJsonNumber("units").longValue()
            + " appends; the log holds "
            + written
            + " events and "
            + processed
            + " command rows for them");
    run.check(
        appends.getInt("failures") == 0, "appends: " + appends.getInt("failures") + " failed");
    return appends.getJsonNumber("perSecond").doubleValue();
  }
}
