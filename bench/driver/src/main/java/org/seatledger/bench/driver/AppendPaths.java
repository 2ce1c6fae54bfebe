package org.seatledger.bench.driver;

import static org.seatledger.bench.driver.Results.ratio;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/**
 * The event log's two append paths in one run, on the same workload (the probe's {@code
 * paths/appends}): the application's plain-JDBC path and the EclipseLink path, one command per
 * transaction and {@value #GROUP} commands per transaction (the size of a group commit under load),
 * each measured twice in alternating order (JDBC, JPA, JPA, JDBC) so neither path always runs on
 * the warmer server. Reports events/s of each (the mean of its two rounds) and JPA ÷ JDBC. Then the
 * whole log read by position both ways (the probe's {@code read-paths}), rows/s and the ratio. Both
 * append paths decide with the same guards; only the lookups and the inserts differ.
 */
final class AppendPaths {
  private AppendPaths() {}

  static final int THREADS = 16;
  static final int GROUP = 25;

  /** Measures, checks every acknowledged event is in the log, and adds the figures. */
  static void run(Run run) throws Exception {
    Api probe = run.probe;
    double seconds = run.plan.storeSeconds();
    Run.log("append paths, EclipseLink vs JDBC, " + THREADS + " threads");
    JsonArrayBuilder shapes = Json.createArrayBuilder();
    for (int commands : new int[] {1, GROUP}) {
      double jdbc = 0;
      double jpa = 0;
      for (String path : new String[] {"jdbc", "jpa", "jpa", "jdbc"}) {
        double rate = round(run, path, commands, seconds);
        if (path.equals("jdbc")) {
          jdbc += rate / 2;
        } else {
          jpa += rate / 2;
        }
      }
      shapes.add(
          Json.createObjectBuilder()
              .add("commands_per_transaction", commands)
              .add("jdbc_events_per_s", Results.round(jdbc))
              .add("jpa_events_per_s", Results.round(jpa))
              .add("jpa_vs_jdbc", ratio(jpa, jdbc)));
      run.results.metrics.add(
          commands == 1 ? "jpa_vs_jdbc_appends_1" : "jpa_vs_jdbc_appends_" + GROUP,
          ratio(jpa, jdbc));
    }
    double jdbcReads = 0;
    double jpaReads = 0;
    long rows = 0;
    for (String path : new String[] {"jdbc", "jpa", "jpa", "jdbc"}) {
      JsonObject r = probe.must("read-paths?path=" + path, null);
      rows = r.getJsonNumber("rows").longValue();
      run.check(
          rows == r.getJsonNumber("upTo").longValue(),
          "read paths (" + path + "): " + rows + " rows for " + r.get("upTo") + " positions");
      double rate = r.getJsonNumber("rowsPerSecond").doubleValue() / 2;
      if (path.equals("jdbc")) {
        jdbcReads += rate;
      } else {
        jpaReads += rate;
      }
    }
    Run.log("  reads: jdbc " + Math.round(jdbcReads) + ", jpa " + Math.round(jpaReads) + " rows/s");
    run.results.metrics.add("jpa_vs_jdbc_reads", ratio(jpaReads, jdbcReads));
    run.results.figures.add(
        "append_paths",
        Json.createObjectBuilder()
            .add("threads", THREADS)
            .add("shapes", shapes)
            .add("read_rows", rows)
            .add("jdbc_read_rows_per_s", Results.round(jdbcReads))
            .add("jpa_read_rows_per_s", Results.round(jpaReads))
            .add("jpa_vs_jdbc_reads", ratio(jpaReads, jdbcReads)));
  }

  private static double round(Run run, String path, int commands, double seconds) throws Exception {
    JsonObject r =
        run.probe.must(
            "paths/appends?path="
                + path
                + "&threads="
                + THREADS
                + "&seconds="
                + seconds
                + "&commands="
                + commands,
            null);
    long acknowledged = r.getJsonNumber("events").longValue();
    run.check(
        r.getInt("failures") == 0
            && r.getJsonNumber("loggedEvents").longValue() == acknowledged
            && r.getJsonNumber("loggedCommands").longValue() == acknowledged / 2,
        "append paths ("
            + path
            + ", "
            + commands
            + " per transaction): "
            + r.getInt("failures")
            + " failed; "
            + acknowledged
            + " events acknowledged, the log holds "
            + r.getJsonNumber("loggedEvents")
            + " events and "
            + r.getJsonNumber("loggedCommands")
            + " command rows");
    Run.log(
        "  "
            + path
            + ", "
            + commands
            + " per transaction: "
            + Math.round(r.getJsonNumber("eventsPerSecond").doubleValue())
            + " events/s");
    return r.getJsonNumber("eventsPerSecond").doubleValue();
  }

  /** The report's section. */
  static void markdown(StringBuilder md, JsonObject figures) {
    JsonObject paths = figures.getJsonObject("append_paths");
    if (paths == null) {
      return;
    }
    md.append("## Append paths: EclipseLink vs plain JDBC (")
        .append(paths.getInt("threads"))
        .append(" threads, the same workload)\n\n")
        .append(
            "| commands per transaction | JDBC events/s | EclipseLink events/s | EclipseLink ÷ JDBC |\n")
        .append("|---|---|---|---|\n");
    for (var v : paths.getJsonArray("shapes")) {
      JsonObject s = v.asJsonObject();
      md.append("| ")
          .append(s.get("commands_per_transaction"))
          .append(" | ")
          .append(s.get("jdbc_events_per_s"))
          .append(" | ")
          .append(s.get("jpa_events_per_s"))
          .append(" | ")
          .append(s.get("jpa_vs_jdbc"))
          .append(" |\n");
    }
    md.append(
        "\n| reads by position, pages of 2,000 rows ("
            + paths.get("read_rows")
            + " rows) | JDBC rows/s | EclipseLink rows/s | EclipseLink ÷ JDBC |\n|---|---|---|---|\n| | "
            + paths.get("jdbc_read_rows_per_s")
            + " | "
            + paths.get("jpa_read_rows_per_s")
            + " | "
            + paths.get("jpa_vs_jdbc_reads")
            + " |\n");
    md.append(
        "\nEach command appends one event to a new stream and one to its thread's own stream at"
            + " its exact version (a booking's shape). Both paths take the lock of"
            + " event_sequence, check the guards, insert events and command rows and commit; the"
            + " application's appends use the JDBC path. Each figure is the mean of two rounds"
            + " run in the order JDBC, EclipseLink, EclipseLink, JDBC. The reads fetch the rows"
            + " only (no decoding): plain JDBC as the store reads, or a JPQL query of StoredEvent"
            + " entities with EclipseLink's read-only hint.\n\n");
  }
}
