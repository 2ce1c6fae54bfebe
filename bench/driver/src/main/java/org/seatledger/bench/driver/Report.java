package org.seatledger.bench.driver;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Writes a run's results as {@code latest.json} and {@code latest.md}. Longer than most classes on
 * purpose: each phase adds one short section to the Markdown report, and keeping the sections in
 * one place, in the order the report reads, is what makes a change to the report easy to review.
 */
final class Report {
  private Report() {}

  static String json(JsonObject result) {
    StringWriter out = new StringWriter();
    try (var writer =
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
      writer.write(result);
    }
    return out.toString().trim() + "\n";
  }

  static String markdown(JsonObject r) {
    StringBuilder md = new StringBuilder();
    JsonObject m = r.getJsonObject("metrics");
    JsonObject f = r.getJsonObject("figures");
    md.append("# Seat Ledger benchmark (")
        .append(r.getString("mode"))
        .append(" run ")
        .append(r.getString("run"))
        .append(")\n\n");
    md.append(r.getBoolean("correct") ? "**Checks: PASS**" : "**Checks: FAIL**").append("\n\n");
    for (JsonValue failure : r.getJsonArray("failures")) {
      md.append("- FAIL: ").append(((jakarta.json.JsonString) failure).getString()).append('\n');
    }
    md.append("- Machine: ").append(r.getString("machine")).append('\n');
    md.append("- Durability: ").append(r.getString("durability")).append('\n');
    md.append("- Network: ").append(r.getString("network")).append('\n');
    JsonObject warm = f == null ? null : f.getJsonObject("warm_up");
    if (warm != null) {
      md.append("- Warm-up: ")
          .append(warm.get("rounds"))
          .append(" rounds of both booking paths (")
          .append(warm.get("seconds"))
          .append(" s) before the first figure; in the last, the JIT compilers took ")
          .append(Math.round(100 * warm.getJsonNumber("compiler_share_last_round").doubleValue()))
          .append(" % of the server's CPU")
          .append(
              warm.getBoolean("settled")
                  ? " (settled: under " + Math.round(100 * WarmUp.SETTLED_SHARE) + " %)"
                  : " (not settled when the time was up)")
          .append('\n');
    }
    md.append('\n');
    if (!r.getBoolean("correct")) {
      // a figure of a run that broke a promise means nothing: none is printed
      return md.toString();
    }

    md.append("| Figure | Measured | Target |\n|---|---|---|\n");
    row(
        md,
        "Hot conference, event-sourced ÷ CRUD rival (bookings/s, 64 clients), no added round trip",
        m,
        "hot_conference_vs_crud_rtt0",
        "≥ 1.0");
    row(
        md,
        "Hot conference, event-sourced ÷ CRUD rival, 0.5 ms round trip to the database",
        m,
        "hot_conference_vs_crud_rtt05",
        "≥ 3.0");
    row(
        md,
        "Conflicts (retries + refusals) per command, event-sourced (0 / 0.5 ms)",
        m,
        "conflict_rate",
        "< 0.01");
    row(md, "… at 0.5 ms", m, "conflict_rate_rtt05", "< 0.01");
    row(
        md,
        "Server CPU per booking, event-sourced ÷ CRUD rival (hot conference)",
        m,
        "cpu_per_booking_vs_crud",
        "≤ 1.2");
    row(md, "Server CPU-ms per booking, event-sourced", m, "cpu_ms_per_booking_es", "");
    row(md, "Server CPU-ms per booking, CRUD rival", m, "cpu_ms_per_booking_crud", "");
    row(
        md,
        "HTTP knee, event-sourced ÷ CRUD rival, no added round trip",
        m,
        "knee_vs_crud_rtt0",
        "≥ 1.0");
    row(
        md,
        "HTTP knee, event-sourced ÷ CRUD rival, 0.5 ms round trip",
        m,
        "knee_vs_crud_rtt05",
        "≥ 2.0");
    row(
        md,
        "Appends, distinct streams ÷ ceiling (a) one row per commit",
        m,
        "appends_vs_ceiling_a",
        "≥ 1.0");
    row(
        md,
        "Appends, distinct streams ÷ ceiling (b) batched rows",
        m,
        "appends_vs_ceiling_b",
        "≥ 0.5");
    row(
        md,
        "Appends ÷ ceiling (b) with one writer, as the committer is (not a target)",
        m,
        "appends_vs_ceiling_b_one_writer",
        "");
    row(
        md,
        "Appends with the four read models live ÷ ceiling (a) (not a target)",
        m,
        "appends_with_live_read_models_vs_ceiling_a",
        "");
    row(
        md,
        "Appends, EclipseLink path ÷ JDBC path, 1 command per commit",
        m,
        "jpa_vs_jdbc_appends_1",
        "");
    row(
        md,
        "Appends, EclipseLink path ÷ JDBC path, 25 commands per commit",
        m,
        "jpa_vs_jdbc_appends_25",
        "");
    row(
        md,
        "Aggregate load with snapshots, 100,000 ÷ 10 events",
        m,
        "snapshot_load_100k_vs_10",
        "≤ 2");
    row(
        md,
        "Rebuild ÷ raw sequential read (slowest read model)",
        m,
        "rebuild_vs_raw_read",
        "≥ 0.5");
    row(md, "Projection lag p99 (ms) at half the knee", m, "projection_lag_p99_ms", "≤ 100");
    row(
        md,
        "API call with HTTP Basic and no session ÷ with a session cookie (medians)",
        m,
        "basic_vs_session_call",
        "≤ 1.5");
    row(
        md,
        "Staff page p99 (ms), bookings list of a conference of 10,000 bookings",
        m,
        "page_bookings_list_p99_ms",
        "< 100");
    row(md, "Staff page p99 (ms), one booking", m, "page_booking_p99_ms", "< 100");
    row(md, "HTTP bookings/s at the knee", m, "http_bookings_per_s", "");
    row(md, "HTTP bookings/s at the knee, 0.5 ms round trip", m, "http_bookings_per_s_rtt05", "");
    row(md, "HTTP p99 (ms) at half the knee", m, "http_p99_ms", "");
    md.append('\n');

    JsonObject store = f.getJsonObject("store");
    if (store != null) {
      md.append("## Store vs JDBC ceilings (")
          .append(store.getInt("threads"))
          .append(" threads)\n\n| | rows or events/s |\n|---|---|\n");
      md.append("| (a) raw insert, one row per commit | ")
          .append(store.get("ceiling_a_rows_per_s"))
          .append(" |\n");
      md.append("| (b) raw insert, ")
          .append(store.get("ceiling_b_batch"))
          .append(" rows per commit | ")
          .append(store.get("ceiling_b_rows_per_s"))
          .append(" |\n");
      if (store.containsKey("ceiling_b_one_writer_rows_per_s")) {
        md.append("| (b) with one writer, as the store's one committer writes | ")
            .append(store.get("ceiling_b_one_writer_rows_per_s"))
            .append(" |\n");
      }
      md.append("| event store appends, one event each to a new stream (read models paused) | ")
          .append(store.get("appends_events_per_s"))
          .append(" |\n");
      md.append("| the same appends with the four read models live (catching up meanwhile) | ")
          .append(store.get("appends_with_live_read_models_events_per_s"))
          .append(" |\n\n");
      md.append(
          "The ceilings and the first appends run with the read models paused, so both sides of"
              + " the ratio run on an otherwise idle server; the read models then resume, catch"
              + " up, and are checked against a replay at the end.\n\n");
    }
    AppendPaths.markdown(md, f);
    JsonObject hot = f.getJsonObject("hot_conference");
    if (hot != null) {
      md.append("## Bookings: event-sourced vs the CRUD rival, 64 clients\n\n");
      md.append(
          "| added round trip ms | conferences | ES bookings/s | CRUD bookings/s | ratio | ES p99 ms | CRUD p99 ms | ES conflict rate | CRUD conflict rate | CPU ms per booking ES / CRUD |\n|---|---|---|---|---|---|---|---|---|---|\n");
      sweepRow(md, hot);
      for (JsonValue v : f.getJsonArray("sweep")) {
        sweepRow(md, v.asJsonObject());
      }
      if (f.containsKey("hot_conference_rtt05")) {
        sweepRow(md, f.getJsonObject("hot_conference_rtt05"));
      }
      if (hot.containsKey("lead_in_s")) {
        md.append("\nEach round is measured after a lead-in of ")
            .append(hot.get("lead_in_s"))
            .append(
                " s in which the same design books on the same conferences, unmeasured, the clients"
                    + " running on into the measured seconds: the server hosts both designs, and"
                    + " the one that follows the other recompiles the shared request path first.\n");
      }
      md.append(
              "\nServer CPU over the hot phase (the event-sourced one until its read models caught"
                  + " up), less the server's idling (")
          .append(hot.get("es_idle_cpu_s_per_s"))
          .append(" and ")
          .append(hot.get("crud_idle_cpu_s_per_s"))
          .append(" CPU-s per second, measured just before each): ")
          .append(hot.get("es_cpu_s"))
          .append(" s (idling ")
          .append(hot.get("es_idle_cpu_s"))
          .append(" s) for ")
          .append(hot.getJsonObject("es_statuses").get("201"))
          .append(" bookings, ")
          .append(hot.get("es_cpu_ms_per_booking"))
          .append(" ms each; CRUD rival ")
          .append(hot.get("crud_cpu_s"))
          .append(" s (idling ")
          .append(hot.get("crud_idle_cpu_s"))
          .append(" s) for ")
          .append(hot.getJsonObject("crud_statuses").get("201"))
          .append(", ")
          .append(hot.get("crud_cpu_ms_per_booking"))
          .append(" ms each.");
      if (hot.containsKey("es_compiler_cpu_s")) {
        md.append(" Of it, the JIT compilers: ")
            .append(hot.get("es_compiler_cpu_s"))
            .append(" s and ")
            .append(hot.get("crud_compiler_cpu_s"))
            .append(" s.");
      }
      md.append("\n\n");
    }
    JsonObject profile = f.getJsonObject("hot_profile");
    if (profile != null) {
      md.append("### Where the event-sourced hot phase spent its CPU (JFR, ")
          .append(profile.get("samples"))
          .append(" execution samples)\n\n");
      if (profile.containsKey("es_bookings_per_s_while_recorded")) {
        md.append("Recorded in a round of its own after the figures above (")
            .append(profile.get("es_bookings_per_s_while_recorded"))
            .append(
                " bookings/s while recorded), so the recording's cost is in no figure and both"
                    + " designs are measured alike.\n\n");
      }
      profileTable(md, "first Seat Ledger frame on the stack", profile, "top_seatledger_frames");
      profileTable(
          md,
          "Seat Ledger method anywhere on the stack (inclusive)",
          profile,
          "top_seatledger_inclusive");
      profileTable(md, "package on top of the stack (self)", profile, "top_packages_self");
      profileTable(md, "method on top of the stack (self)", profile, "top_methods_self");
      if (profile.containsKey("es_allocated_kb_per_booking")) {
        md.append("### What the event-sourced hot phase allocated (JFR allocation samples, ")
            .append(profile.get("es_allocated_kb_per_booking"))
            .append(
                " KB a booking on all the server's threads, the samples' weights summed over the"
                    + " round)\n\n");
        allocationTable(md, "class allocated", profile, "top_allocated_classes");
        allocationTable(
            md,
            "first Seat Ledger frame on the stack",
            profile,
            "top_allocating_seatledger_frames");
        allocationTable(
            md,
            "Seat Ledger method anywhere on the stack (inclusive)",
            profile,
            "top_allocating_seatledger_inclusive");
        allocationTable(md, "method allocating", profile, "top_allocating_methods");
      }
    }
    JsonObject http = f.getJsonObject("http");
    if (http != null) {
      md.append("## HTTP bookings at constant rates (")
          .append(http.getInt("conferences"))
          .append(" conferences)\n\nKnee: ")
          .append(http.get("knee_bookings_per_s"))
          .append(" bookings/s (")
          .append(http.getString("knee_rule"))
          .append(").\n\n");
      ladderSteps(md, http.getJsonArray("steps"));
      md.append("\nAt half the knee (").append(http.get("steady_rate_per_s")).append("/s");
      if (http.containsKey("database_quiet_wait_s")) {
        double waited = http.getJsonNumber("database_quiet_wait_s").doubleValue();
        md.append(waited < 0 ? ", the database still flushing after " : ", after ")
            .append(Math.abs(waited))
            .append(" s waiting for the database to write out the phase before");
      }
      if (http.containsKey("steady_lead_in_s")) {
        JsonObject jit = http.getJsonObject("driver_jit_ms");
        md.append("; measured after a lead-in of ")
            .append(http.get("steady_lead_in_s"))
            .append(" s at the same rate (at least ")
            .append(HttpKnee.STEADY_LEAD_IN_SECONDS)
            .append(", until the load driver's JIT compiled for under ")
            .append(HttpKnee.DRIVER_JIT_QUIET_MILLIS)
            .append(
                " ms in a second and the server kept up — no request of that second answered over ")
            .append(Load.KEEPS_UP_MILLIS)
            .append(" ms late, less than ")
            .append(Load.KEEPS_UP_MILLIS)
            .append(" ms of the load in flight — at most ")
            .append(HttpKnee.STEADY_LEAD_IN_MAX_SECONDS)
            .append(", then ")
            .append(Math.round(Load.LEAD_IN_CLOSING_SECONDS))
            .append(" s more), in which the driver's JIT compiled for ")
            .append(jit.get("lead_in"))
            .append(" ms, and ")
            .append(jit.get("measured"))
            .append(" ms in the measured seconds");
      }
      md.append("): p50 ")
          .append(http.get("steady_p50_ms"))
          .append(" ms, p99 ")
          .append(http.get("steady_p99_ms"))
          .append(" ms, p99.9 ")
          .append(http.get("steady_p999_ms"))
          .append(" ms.\n\n| read model | lag p50 ms | lag p99 ms | max ms |\n|---|---|---|---|\n");
      http.getJsonObject("projection_lag")
          .forEach(
              (name, v) ->
                  cells(
                      md,
                      name,
                      v.asJsonObject().get("p50_ms"),
                      v.asJsonObject().get("p99_ms"),
                      v.asJsonObject().get("max_ms")));
      md.append('\n');
      serverStepTimes(md, http.getJsonObject("server_step_times"));
      JsonObject relay = http.getJsonObject("projection_lag").getJsonObject("integration.relay");
      if (relay != null) {
        md.append("The integration relay's row measures ")
            .append(relay.getString("measures"))
            .append(": ")
            .append(relay.get("messages"))
            .append(" messages at ")
            .append(relay.get("messages_per_s"))
            .append("/s, ")
            .append(relay.get("duplicates"))
            .append(" duplicates.\n\n");
      }
      stalls(md, http.getJsonObject("stalls"));
      kneeSteps(md, "CRUD rival, no added round trip", http);
    }
    JsonObject net = f.getJsonObject("http_rtt05");
    if (net != null) {
      md.append("## HTTP knees with ")
          .append(net.get("added_round_trip_ms"))
          .append(" ms round trip to the database: event-sourced ")
          .append(net.get("knee_bookings_per_s"))
          .append("/s, CRUD rival ")
          .append(net.get("crud_knee_bookings_per_s"))
          .append("/s\n\n");
      kneeSteps(md, null, net);
    }
    if (f.containsKey("aggregate_load")) {
      md.append(
          "## Aggregate load (seat availability stream)\n\n| events | with snapshots µs | full replay µs | from cache µs |\n|---|---|---|---|\n");
      JsonObject waits = null;
      for (JsonValue v : f.getJsonArray("aggregate_load")) {
        JsonObject a = v.asJsonObject();
        cells(
            md,
            a.get("events"),
            a.get("snapshotMicros"),
            a.get("replayMicros"),
            a.get("cacheMicros"));
        waits = a;
      }
      if (waits != null && waits.containsKey("rounds")) {
        md.append("\nEvery stream was built first; once the read models had caught up and the")
            .append(" database had written out (after ")
            .append(waits.get("quietAfterSeconds"))
            .append(" s) and purged (after ")
            .append(waits.get("purgedAfterSeconds"))
            .append(" s) what the builds left it, the streams were loaded in turn, ")
            .append(waits.get("rounds"))
            .append(" rounds of ")
            .append(AggregateLoads.REPEATS)
            .append(" loads each way; each figure is the median of its rounds'")
            .append(" medians.\n");
      }
      md.append('\n');
    }
    JsonObject rebuild = f.getJsonObject("rebuild");
    if (rebuild != null) {
      md.append("## Rebuilds (raw sequential read: ")
          .append(rebuild.get("raw_read_rows_per_s"))
          .append(" rows/s; the same rows read and decoded by the event store: ")
          .append(rebuild.get("decoded_read_events_per_s"))
          .append(
              " events/s)\n\n| read model | events | seconds | events/s | ÷ raw read | equals replay |"
                  + " old generation deleted / purged after s |\n|---|---|---|---|---|---|---|\n");
      for (JsonValue v : rebuild.getJsonArray("projections")) {
        JsonObject p = v.asJsonObject();
        cells(
            md,
            p.getString("projection"),
            p.get("events"),
            p.get("seconds"),
            p.get("events_per_s"),
            p.get("vs_raw_read"),
            p.get("equals_replay"),
            p.get("old_generation_dropped_after_s")
                + " / "
                + p.get("old_generation_purged_after_s"));
      }
      md.append(
          "\nA rebuild is timed until the new generation serves. The runner then deletes the"
              + " generation it replaced, in one transaction, and InnoDB purges those rows from"
              + " the indexes after it commits; the next measurement waits for both.\n");
      md.append(
              "\nWhere each rebuild spent the server's CPU (JFR, recorded in a second rebuild after"
                  + " the timed one; Seat Ledger methods on the stack,")
          .append(" share of samples, inclusive):\n\n");
      for (JsonValue v : rebuild.getJsonArray("projections")) {
        JsonObject p = v.asJsonObject();
        JsonObject rebuildProfile = p.getJsonObject("profile");
        if (rebuildProfile == null) {
          continue;
        }
        md.append("- ").append(p.getString("projection")).append(": ");
        List<String> parts = new java.util.ArrayList<>();
        for (JsonValue t : rebuildProfile.getJsonArray("top_seatledger_inclusive")) {
          JsonObject method = t.asJsonObject();
          if (parts.size() < 8) {
            parts.add("`" + method.getString("name") + "` " + method.get("share") + " %");
          }
        }
        md.append(String.join(", ", parts)).append('\n');
      }
      md.append('\n');
    }
    JsonObject auth = f.getJsonObject("basic_auth");
    if (auth != null) {
      md.append("## HTTP Basic on every call vs a session cookie (")
          .append(auth.get("calls"))
          .append(" sequential `GET /api/conferences/{id}` each)\n\n")
          .append("| Basic, no cookie: median ms | session cookie: median ms | ratio |")
          .append(" first Basic call ms | 10 Basic calls ms |\n|---|---|---|---|---|\n");
      cells(
          md,
          auth.get("basic_median_ms"),
          auth.get("session_median_ms"),
          auth.get("basic_vs_session"),
          auth.get("first_basic_call_ms"),
          auth.get("ten_sequential_basic_calls_ms"));
      md.append('\n');
    }
    JsonObject pages = f.getJsonObject("pages");
    if (pages != null) {
      md.append("## Staff pages beside the API (")
          .append(pages.get("bookings"))
          .append(" bookings in the conference; sequential GETs on a session cookie)\n\n")
          .append("| address | calls | p50 ms | p99 ms |\n|---|---|---|---|\n");
      for (String key :
          List.of(
              "bookings_list_page",
              "bookings_list_api",
              "booking_page",
              "booking_api",
              "conferences_page")) {
        JsonObject t = pages.getJsonObject(key);
        cells(
            md, "`" + t.getString("path") + "`", t.get("calls"), t.get("p50_ms"), t.get("p99_ms"));
      }
      md.append('\n');
    }
    JsonObject audit = f.getJsonObject("audit_reads");
    if (audit != null) {
      md.append("## Auditors' reads of a ")
          .append(audit.get("stream_events"))
          .append("-event stream (sequential, ms)\n\n")
          .append("| read | p50 | p99 | max |\n|---|---|---|---|\n");
      for (String read :
          List.of(
              "history_first_page",
              "history_deep_page",
              "state_mid_version",
              "search_deep_page_stream",
              "search_deep_page_all")) {
        JsonObject t = audit.getJsonObject(read);
        cells(md, read, t.get("p50_ms"), t.get("p99_ms"), t.get("max_ms"));
      }
      md.append("\nDigest of the whole log (")
          .append(audit.get("log_events"))
          .append(" events): made in ")
          .append(audit.get("digest_make_s"))
          .append(" s, made again (extending the last) in ")
          .append(audit.get("digest_again_s"))
          .append(" s, checked in ")
          .append(audit.get("digest_check_s"))
          .append(" s.\n\n");
    }
    if (f.containsKey("checks")) {
      md.append("## Checks\n\n```\n").append(f.getJsonObject("checks")).append("\n```\n");
    }
    return md.toString();
  }

  /** One Markdown table row. */
  private static void cells(StringBuilder md, Object... values) {
    md.append('|');
    for (Object value : values) {
      md.append(' ').append(value).append(" |");
    }
    md.append('\n');
  }

  private static void row(StringBuilder md, String label, JsonObject m, String key, String target) {
    cells(md, label, m.containsKey(key) ? m.get(key).toString() : "—", target);
  }

  private static void kneeSteps(StringBuilder md, String title, JsonObject http) {
    for (String design : List.of("steps", "crud_steps")) {
      if (title != null && design.equals("steps")) {
        continue; // the event-sourced steps of the first knee are in the table above
      }
      md.append("### ")
          .append(title != null ? title : design.equals("steps") ? "Event-sourced" : "CRUD rival")
          .append(": knee ")
          .append(
              http.get(design.equals("steps") ? "knee_bookings_per_s" : "crud_knee_bookings_per_s"))
          .append("/s\n\n");
      ladderSteps(md, http.getJsonArray(design));
      md.append('\n');
    }
  }

  /** A knee ladder's steps as a table, in the order they ran. */
  private static void ladderSteps(StringBuilder md, JsonArray steps) {
    md.append(
        "| offered/s | completed/s | p50 ms | p99 ms | errors | keeps up | CPU ms a request:"
            + " server / database / proxy / driver / broker / all |\n|---|---|---|---|---|---|---|\n");
    for (JsonValue v : steps) {
      JsonObject s = v.asJsonObject();
      JsonObject cpu = s.getJsonObject("cpu_ms_per_request");
      String split = "—";
      if (cpu != null) {
        split =
            String.join(
                " / ",
                Stream.of("server", "database", "proxy", "driver", "broker", "total")
                    .map(name -> cpu.containsKey(name) ? cpu.get(name).toString() : "—")
                    .toList());
      }
      cells(
          md,
          s.get("offered_per_s"),
          s.get("completed_per_s"),
          s.get("p50_ms"),
          s.get("p99_ms"),
          s.get("errors"),
          s.get("keeps_up") + (s.getBoolean("second_try", false) ? " (second try)" : ""),
          split);
    }
  }

  private static void profileTable(StringBuilder md, String what, JsonObject profile, String key) {
    rankedTable(md, what, "samples", profile, key, row -> row.get("samples"));
  }

  private static void allocationTable(
      StringBuilder md, String what, JsonObject profile, String key) {
    rankedTable(
        md,
        what,
        "MB",
        profile,
        key,
        row -> Results.round(row.getJsonNumber("bytes").longValue() / 1048576.0));
  }

  /** A ranked list of a profile's summary as a table: name, its amount in {@code unit}, share. */
  private static void rankedTable(
      StringBuilder md,
      String what,
      String unit,
      JsonObject profile,
      String key,
      Function<JsonObject, Object> amount) {
    md.append("| ").append(what).append(" | ").append(unit).append(" | % |\n|---|---|---|\n");
    for (JsonValue v : profile.getJsonArray(key)) {
      JsonObject row = v.asJsonObject();
      cells(md, "`" + row.getString("name") + "`", amount.apply(row), row.get("share"));
    }
    md.append('\n');
  }

  private static void sweepRow(StringBuilder md, JsonObject s) {
    cells(
        md,
        s.get("added_round_trip_ms"),
        s.get("conferences"),
        s.get("es_bookings_per_s"),
        s.get("crud_bookings_per_s"),
        s.get("ratio"),
        s.get("es_p99_ms"),
        s.get("crud_p99_ms"),
        s.get("es_conflict_rate"),
        s.get("crud_conflict_rate"),
        s.get("es_cpu_ms_per_booking") + " / " + s.get("crud_cpu_ms_per_booking"));
  }

  /**
   * The read models' steps as the server counted them in the steady load ({@link ServerStepTimes}).
   */
  private static void serverStepTimes(StringBuilder md, JsonObject times) {
    if (times == null || times.isEmpty()) {
      return;
    }
    md.append(
        "The same load as the server counted it (`/metrics`, read as the lead-in closed, about "
            + Math.round(Load.LEAD_IN_CLOSING_SECONDS)
            + " s before the measured start, so the scrape's cost falls in no measured second,"
            + " and again once every read model had caught up; means, as the counts and sums"
            + " allow):\n\n"
            + "| read model | events | steps/s | events a step | step ms | applied after commit ms |\n"
            + "|---|---|---|---|---|---|\n");
    times.forEach(
        (name, v) ->
            cells(
                md,
                name,
                v.asJsonObject().get("events"),
                v.asJsonObject().get("steps_per_s"),
                v.asJsonObject().get("events_per_step"),
                v.asJsonObject().get("step_mean_ms"),
                v.asJsonObject().get("apply_delay_mean_ms")));
    md.append('\n');
  }

  /** What the server's JVM and the database did during the steady load ({@link SteadyWatch}). */
  private static void stalls(StringBuilder md, JsonObject stalls) {
    if (stalls == null) {
      return;
    }
    JsonObject jvm = stalls.getJsonObject("server_safepoints");
    md.append("Stalls during the steady load. ");
    if (jvm.getBoolean("recorded")) {
      md.append("The server's JVM stopped ")
          .append(jvm.get("count"))
          .append(" times, ")
          .append(jvm.get("total_ms"))
          .append(" ms in all, the longest ")
          .append(jvm.get("max_ms"))
          .append(" ms (by cause, ms: ")
          .append(jvm.get("ms_by_cause"))
          .append("; ")
          .append(SteadyWatch.LONG_SAFEPOINT_MILLIS)
          .append(" ms or more: ")
          .append(jvm.get("long_ones"))
          .append("). ");
    } else {
      md.append("No GC log of the server. ");
    }
    JsonObject db = stalls.getJsonObject("database");
    if (db.getBoolean("redo_log_followed", false)) {
      md.append("The database's redo log (")
          .append(db.get("redo_log_mb"))
          .append(" MB) was at most ")
          .append(db.get("checkpoint_age_max_of_redo_log"))
          .append(" full (")
          .append(db.get("checkpoint_age_max_mb"))
          .append(" MB not yet checkpointed), at most ")
          .append(db.get("pages_flushed_per_s_max"))
          .append(" pages flushed a second, ")
          .append(db.get("waits_for_a_free_page"))
          .append(" waits for a free page and ")
          .append(db.get("waits_for_the_log_buffer"))
          .append(" for the log buffer. ");
    } else {
      md.append("The database's redo log was not followed (MariaDB's status only). ");
    }
    md.append("The slowest seconds of the load (by due time): ")
        .append(stalls.get("worst_seconds"))
        .append(".\n\n");
    cpuBySecond(md, stalls.getJsonObject("cpu_by_second"));
  }

  /** The steady load's CPU second by second, one column per process followed. */
  private static void cpuBySecond(StringBuilder md, JsonObject cpu) {
    if (cpu == null || cpu.getJsonArray("seconds").isEmpty()) {
      return;
    }
    List<String> names =
        cpu.getJsonArray("followed").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList();
    md.append("CPU of each process during the steady load, ms a second (")
        .append(cpu.getInt("cores"))
        .append(" cores: ")
        .append(cpu.getInt("cores") * 1000)
        .append(
            " in all), with the database's pages flushed a second (negative seconds: the lead-in")
        .append(" and the probes' settling before it):\n\n| second |");
    names.forEach(name -> md.append(' ').append(name).append(" |"));
    md.append(" total | pages flushed |\n|---|");
    names.forEach(name -> md.append("---|"));
    md.append("---|---|\n");
    for (JsonObject second : cpu.getJsonArray("seconds").getValuesAs(JsonObject.class)) {
      md.append("| ").append(second.get("second")).append(" |");
      for (String name : names) {
        md.append(' ')
            .append(second.containsKey(name + "_ms") ? second.get(name + "_ms") : "")
            .append(" |");
      }
      md.append(' ')
          .append(second.get("total_ms"))
          .append(" | ")
          .append(second.containsKey("pages_flushed") ? second.get("pages_flushed") : "")
          .append(" |\n");
    }
    md.append('\n');
  }
}
