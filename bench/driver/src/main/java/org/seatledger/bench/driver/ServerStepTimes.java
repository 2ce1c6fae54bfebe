package org.seatledger.bench.driver;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read models' step times as the server counts them on {@code /metrics} ({@code
 * seatledger_projection_apply_delay_seconds} and {@code seatledger_projection_step_seconds}, per
 * read model), taken at two moments: the counts and sums between them say how many events and steps
 * each read model took in the measured seconds, how long a step took on average and how long after
 * its commit an event was applied on average — where the lag the probe sees from outside goes (a
 * step's own time, or waiting for one).
 */
final class ServerStepTimes {

  private static final Pattern SERIES =
      Pattern.compile(
          "^seatledger_projection_(apply_delay|step)_seconds_(count|sum)\\{[^}]*projection=\"([^\"]+)\"[^}]*} (\\S+)$",
          Pattern.MULTILINE);

  /** Count and sum of each series, by read model, then by series ({@code step_count}, …). */
  private final Map<String, Map<String, Double>> values;

  private ServerStepTimes(Map<String, Map<String, Double>> values) {
    this.values = values;
  }

  /** The server's figures now; empty when it has none (or answers no metrics). */
  static ServerStepTimes of(Api api) {
    Api.Answer metrics = api.get("/metrics");
    Map<String, Map<String, Double>> values = new LinkedHashMap<>();
    if (metrics.status() == 200) {
      Matcher line = SERIES.matcher(metrics.body());
      while (line.find()) {
        values
            .computeIfAbsent(line.group(3), k -> new LinkedHashMap<>())
            .put(line.group(1) + "_" + line.group(2), Double.parseDouble(line.group(4)));
      }
    }
    return new ServerStepTimes(values);
  }

  /** What each read model did between {@code earlier} and this, over {@code seconds}. */
  JsonObject since(ServerStepTimes earlier, double seconds) {
    JsonObjectBuilder figures = Json.createObjectBuilder();
    values.forEach(
        (projection, now) -> {
          Map<String, Double> then = earlier.values.getOrDefault(projection, Map.of());
          double events = delta(now, then, "apply_delay_count");
          double steps = delta(now, then, "step_count");
          if (steps == 0) {
            return;
          }
          figures.add(
              projection,
              Json.createObjectBuilder()
                  .add("events", Math.round(events))
                  .add("steps_per_s", Results.round(steps / seconds))
                  .add("events_per_step", Results.round(events / steps))
                  .add("step_mean_ms", Results.round(delta(now, then, "step_sum") * 1000 / steps))
                  .add(
                      "apply_delay_mean_ms",
                      events == 0
                          ? 0
                          : Results.round(delta(now, then, "apply_delay_sum") * 1000 / events)));
        });
    return figures.build();
  }

  private static double delta(Map<String, Double> now, Map<String, Double> then, String series) {
    return now.getOrDefault(series, 0.0) - then.getOrDefault(series, 0.0);
  }
}
