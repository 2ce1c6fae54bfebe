package org.seatledger.bench.driver;

import static org.seatledger.bench.driver.Results.round;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What stalled the server during the steady load, if anything: a stall of the whole server shows as
 * the same maximum lag in every read model, and its cause is either the server's JVM stopping
 * (collections and other safepoints, from the GC log {@code bench/run} has the server write) or the
 * database (its redo log filling up so that it must flush pages before it takes more writes,
 * sampled once a second). Beside them, the seconds of the load whose requests waited longest, to
 * line the three up, and second by second the CPU each process on the machine took (the server, the
 * database, the benchmark's driver, broker and latency proxy): on two cores a stall can be the
 * machine being full rather than anything in one of them.
 */
final class SteadyWatch implements AutoCloseable {

  /**
   * Written by the server: {@code bench/run} puts {@code -Xlog:safepoint,gc} in its jvm.options.
   */
  static final Path SERVER_GC_LOG = Path.of("bench/target/server-gc.log");

  /** A safepoint this long or longer is listed by itself ({@code long_ones}). */
  static final int LONG_SAFEPOINT_MILLIS = 20;

  private static final Pattern SAFEPOINT =
      Pattern.compile("^\\[([^\\]]+)\\].*Safepoint \"([^\"]+)\".*Total: (\\d+) ns");
  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private record Sample(long atMillis, Map<String, Long> status, Map<String, Long> cpuTicks) {}

  private final Connection db;
  private final Map<String, Long> processes = followed();
  private final long logCapacityBytes;
  private final List<Sample> samples = new ArrayList<>();
  private final Thread sampler;
  private volatile boolean running = true;

  SteadyWatch(String url, String user, String password) throws Exception {
    db = DriverManager.getConnection(url, user, password);
    logCapacityBytes = Database.globalVariable(db, "innodb_log_file_size");
    sampler = new Thread(this::sample, "steady-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void sample() {
    try (Statement s = db.createStatement()) {
      while (running) {
        Map<String, Long> status = new HashMap<>();
        try (ResultSet rs =
            s.executeQuery(
                "SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_checkpoint_age',"
                    + " 'Innodb_buffer_pool_pages_dirty', 'Innodb_buffer_pool_pages_flushed',"
                    + " 'Innodb_buffer_pool_wait_free', 'Innodb_log_waits')")) {
          while (rs.next()) {
            status.put(rs.getString(1), Long.parseLong(rs.getString(2)));
          }
        }
        samples.add(new Sample(System.currentTimeMillis(), status, ticks(processes)));
        Thread.sleep(1000);
      }
    } catch (Exception stopped) {
      // the figures say how many samples there were
    }
  }

  /**
   * Stops sampling; the stalls of the steady load {@code step}, measured from {@code
   * loadStartMillis}, in the report's figures (seconds counted from the measured start); the CPU
   * second by second from {@code leadInStartMillis}, when its unmeasured lead-in began.
   */
  JsonObject figures(Load.Step step, long leadInStartMillis, long loadStartMillis)
      throws Exception {
    close();
    sampler.join(5000);
    db.close();
    long endMillis = System.currentTimeMillis();
    JsonObjectBuilder figures =
        Json.createObjectBuilder()
            .add("load_started_at", Instant.ofEpochMilli(loadStartMillis).toString());
    figures.add("server_safepoints", safepoints(loadStartMillis, endMillis));
    figures.add("database", database(loadStartMillis));
    figures.add("cpu_by_second", cpuBySecond(leadInStartMillis, loadStartMillis));
    JsonArrayBuilder worst = Json.createArrayBuilder();
    for (Load.Second second : step.worstSeconds(5)) {
      worst.add(
          Json.createObjectBuilder()
              .add("second", second.index())
              .add("requests", second.requests())
              .add("over_200_ms", second.over200Millis())
              .add("max_ms", round(second.maxMicros() / 1000.0)));
    }
    figures.add("worst_seconds", worst);
    return figures.build();
  }

  /** The server's safepoints (collections among them) between two instants, from its GC log. */
  static JsonObject safepoints(long fromMillis, long toMillis) throws Exception {
    JsonObjectBuilder out = Json.createObjectBuilder();
    if (!Files.exists(SERVER_GC_LOG)) {
      return out.add("recorded", false).build();
    }
    int count = 0;
    double totalMillis = 0;
    double maxMillis = 0;
    Map<String, Double> millisByCause = new TreeMap<>();
    JsonArrayBuilder longest = Json.createArrayBuilder();
    for (String line : Files.readAllLines(SERVER_GC_LOG)) {
      Matcher m = SAFEPOINT.matcher(line);
      if (!m.find()) {
        continue;
      }
      long at = OffsetDateTime.parse(m.group(1), UTC_TIME).toInstant().toEpochMilli();
      if (at < fromMillis || at > toMillis) {
        continue;
      }
      double millis = Long.parseLong(m.group(3)) / 1e6;
      count++;
      totalMillis += millis;
      maxMillis = Math.max(maxMillis, millis);
      millisByCause.merge(m.group(2), millis, Double::sum);
      if (millis >= LONG_SAFEPOINT_MILLIS) {
        longest.add(
            Json.createObjectBuilder()
                .add("second", (at - fromMillis) / 1000)
                .add("cause", m.group(2))
                .add("ms", round(millis)));
      }
    }
    JsonObjectBuilder causes = Json.createObjectBuilder();
    millisByCause.forEach((cause, millis) -> causes.add(cause, round(millis)));
    return out.add("recorded", true)
        .add("count", count)
        .add("total_ms", round(totalMillis))
        .add("max_ms", round(maxMillis))
        .add("ms_by_cause", causes)
        .add("long_ones", longest)
        .build();
  }

  /**
   * The processes whose CPU is followed, by the name the report gives them, where this machine runs
   * them: the server ({@code SEATLEDGER_BENCH_SERVER_PID}), this driver, and by their command lines
   * the database, the benchmark's broker and its latency proxy.
   */
  static Map<String, Long> followed() {
    Map<String, Long> found = new LinkedHashMap<>();
    String server = System.getenv("SEATLEDGER_BENCH_SERVER_PID");
    if (server != null && !server.isBlank()) {
      found.put("server", Long.parseLong(server.trim()));
    }
    found.put("driver", ProcessHandle.current().pid());
    ProcessHandle.allProcesses()
        .forEach(
            process -> {
              String line = commandLine(process.pid());
              if (line.matches("(\\S*/)?(mariadbd|mysqld)( .*)?")) {
                found.putIfAbsent("database", process.pid());
              } else if (line.contains("kafka.Kafka ")) {
                found.putIfAbsent("broker", process.pid());
              } else if (line.contains(LatencyProxy.class.getName())) {
                found.putIfAbsent("proxy", process.pid());
              }
            });
    return found;
  }

  private static String commandLine(long pid) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")))
          .replace('\0', ' ');
    } catch (Exception gone) {
      return "";
    }
  }

  /** The CPU ticks of each of {@code processes} ({@link #followed()}) so far, those readable. */
  static Map<String, Long> ticks(Map<String, Long> processes) {
    Map<String, Long> ticks = new LinkedHashMap<>();
    processes.forEach((name, pid) -> cpuTicks(pid).ifPresent(t -> ticks.put(name, t)));
    return ticks;
  }

  /** User and system CPU ticks of a process so far; empty when it cannot be read. */
  private static Optional<Long> cpuTicks(long pid) {
    try {
      return Optional.of(ServerProcess.ticks(pid).total());
    } catch (Exception unreadable) {
      return Optional.empty();
    }
  }

  /**
   * Each second of the load from {@code fromMillis} (between consecutive samples), numbered from
   * its measured start: milliseconds of CPU a second each followed process took, their total, and
   * the database's pages flushed a second.
   */
  private JsonObject cpuBySecond(long fromMillis, long loadStartMillis) {
    List<Sample> during = during(fromMillis);
    JsonArrayBuilder seconds = Json.createArrayBuilder();
    for (int i = 1; i < during.size(); i++) {
      Sample before = during.get(i - 1);
      Sample now = during.get(i);
      double wall = (now.atMillis() - before.atMillis()) / 1000.0;
      JsonObjectBuilder second =
          Json.createObjectBuilder()
              .add("second", Math.floorDiv(before.atMillis() - loadStartMillis, 1000));
      double total = 0;
      for (String name : processes.keySet()) {
        Long from = before.cpuTicks().get(name);
        Long to = now.cpuTicks().get(name);
        if (from != null && to != null) {
          double millis = (to - from) * 1000 / ServerProcess.TICKS_PER_SECOND / wall;
          total += millis;
          second.add(name + "_ms", Math.round(millis));
        }
      }
      second.add("total_ms", Math.round(total));
      if (now.status().containsKey("Innodb_buffer_pool_pages_flushed")) {
        second.add("pages_flushed", Math.round(pagesFlushedPerSecond(before, now)));
      }
      seconds.add(second);
    }
    return Json.createObjectBuilder()
        .add("cores", Runtime.getRuntime().availableProcessors())
        .add("followed", Json.createArrayBuilder(List.copyOf(processes.keySet())))
        .add("seconds", seconds)
        .build();
  }

  /** The database's pages flushed a second between two samples. */
  private static double pagesFlushedPerSecond(Sample before, Sample now) {
    double seconds = (now.atMillis() - before.atMillis()) / 1000.0;
    return (now.status().getOrDefault("Innodb_buffer_pool_pages_flushed", 0L)
            - before.status().getOrDefault("Innodb_buffer_pool_pages_flushed", 0L))
        / seconds;
  }

  /** The samples from the last one before the load started (the counters' baseline) on. */
  private List<Sample> during(long loadStartMillis) {
    int start = 0;
    while (start + 1 < samples.size() && samples.get(start + 1).atMillis() <= loadStartMillis) {
      start++;
    }
    return samples.subList(start, samples.size());
  }

  /**
   * The database during the load: the samples from the last one before it started (the baseline of
   * the counters) on; those of the probes' settling before it are left out.
   */
  private JsonObject database(long loadStartMillis) {
    List<Sample> during = during(loadStartMillis);
    JsonObjectBuilder out =
        Json.createObjectBuilder()
            .add("samples", during.size())
            .add("redo_log_mb", round(logCapacityBytes / 1e6));
    if (during.size() < 2 || !during.get(0).status().containsKey("Innodb_checkpoint_age")) {
      // MySQL 8 has no Innodb_checkpoint_age status: its redo log is not followed here
      return out.add("redo_log_followed", false).build();
    }
    long maxAge = 0;
    long maxDirty = 0;
    double maxFlushedPerSecond = 0;
    for (int i = 0; i < during.size(); i++) {
      Map<String, Long> s = during.get(i).status();
      maxAge = Math.max(maxAge, s.getOrDefault("Innodb_checkpoint_age", 0L));
      maxDirty = Math.max(maxDirty, s.getOrDefault("Innodb_buffer_pool_pages_dirty", 0L));
      if (i > 0) {
        maxFlushedPerSecond =
            Math.max(maxFlushedPerSecond, pagesFlushedPerSecond(during.get(i - 1), during.get(i)));
      }
    }
    Map<String, Long> first = during.get(0).status();
    Map<String, Long> last = during.get(during.size() - 1).status();
    return out.add("redo_log_followed", true)
        .add("checkpoint_age_max_mb", round(maxAge / 1e6))
        .add(
            "checkpoint_age_max_of_redo_log",
            logCapacityBytes == 0 ? 0 : round((double) maxAge / logCapacityBytes))
        .add("dirty_pages_max", maxDirty)
        .add("pages_flushed_per_s_max", round(maxFlushedPerSecond))
        .add(
            "waits_for_a_free_page",
            last.getOrDefault("Innodb_buffer_pool_wait_free", 0L)
                - first.getOrDefault("Innodb_buffer_pool_wait_free", 0L))
        .add(
            "waits_for_the_log_buffer",
            last.getOrDefault("Innodb_log_waits", 0L) - first.getOrDefault("Innodb_log_waits", 0L))
        .build();
  }

  @Override
  public void close() throws Exception {
    running = false;
  }
}
