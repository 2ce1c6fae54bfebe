package org.seatledger.bench.driver;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a run found, as the phases add it: the figures of each measurement, the headline metrics
 * (the ratios and latencies the targets speak of), and every correctness check that failed. At the
 * end it becomes the one JSON object that {@link Report} writes as {@code latest.json} and {@code
 * latest.md}.
 */
final class Results {

  final JsonObjectBuilder figures = Json.createObjectBuilder();
  final JsonObjectBuilder metrics = Json.createObjectBuilder();
  private final List<String> failures = new ArrayList<>();

  /** Records {@code what} as a failure (and says so) unless {@code ok}. */
  void check(boolean ok, String what) {
    if (!ok) {
      failures.add(what);
      Run.log("FAIL: " + what);
    }
  }

  /** The run's result: correct when no check failed, then where it ran and what it measured. */
  JsonObject json(
      String run,
      boolean quick,
      String machine,
      String durability,
      String network,
      long startedNanos) {
    JsonObjectBuilder result =
        Json.createObjectBuilder()
            .add("correct", failures.isEmpty())
            .add("failures", Json.createArrayBuilder(failures))
            .add("run", run)
            .add("mode", quick ? "quick" : "full")
            .add("machine", machine)
            .add("durability", durability)
            .add("network", network);
    if (failures.isEmpty()) {
      // a figure of a run that broke a promise means nothing: only a correct run has figures
      result.add("metrics", metrics).add("figures", figures);
    }
    return result.add("seconds", (System.nanoTime() - startedNanos) / 1e9).build();
  }

  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  static double ratio(double a, double b) {
    return b == 0 ? 0 : Math.round(a / b * 1000) / 1000.0;
  }

  /** The median of {@code values} (the mean of the middle two for an even count). */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
