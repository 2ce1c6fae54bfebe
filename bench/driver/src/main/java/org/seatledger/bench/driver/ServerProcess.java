package org.seatledger.bench.driver;

import static org.seatledger.bench.driver.Results.round;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * The server's JVM as the driver sees it from outside (its process id from {@code bench/run}): the
 * CPU time it has used ({@code /proc/<pid>/stat}, user + system), and a JFR recording of a phase,
 * summarised by the frames and packages that were on the CPU.
 */
final class ServerProcess {

  /** Clock ticks per second of {@code /proc/<pid>/stat}'s CPU times (USER_HZ, 100 on Linux). */
  static final double TICKS_PER_SECOND = 100;

  private final long pid;

  private ServerProcess(long pid) {
    this.pid = pid;
  }

  static ServerProcess fromEnvironment() {
    String pid = System.getenv("SEATLEDGER_BENCH_SERVER_PID");
    if (pid == null || pid.isBlank()) {
      throw new IllegalStateException(
          "SEATLEDGER_BENCH_SERVER_PID must be set (bench/run sets it)");
    }
    return new ServerProcess(Long.parseLong(pid.trim()));
  }

  /** CPU seconds the server process has used so far, all threads, user and system. */
  double cpuSeconds() throws IOException {
    return ticks(pid).total() / TICKS_PER_SECOND;
  }

  /** Of {@link #cpuSeconds}, the seconds spent in the kernel on the process's behalf. */
  double systemCpuSeconds() throws IOException {
    return ticks(pid).system() / TICKS_PER_SECOND;
  }

  /**
   * CPU seconds the JIT compiler threads ({@code C1 CompilerThread}, {@code C2 CompilerThread})
   * have used so far, summed over those alive now: how much of the server's CPU still goes to
   * compiling rather than to the requests ({@link WarmUp}).
   */
  double compilerCpuSeconds() throws IOException {
    long[] ticks = {0};
    eachThread(
        thread -> {
          String name = Files.readString(thread.resolve("comm")).strip();
          if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            ticks[0] += threadTicks(Files.readString(thread.resolve("stat"))).total();
          }
        });
    return ticks[0] / TICKS_PER_SECOND;
  }

  /** Reads something of one thread's {@code /proc/<pid>/task/<tid>} folder. */
  @FunctionalInterface
  private interface ThreadReading {
    void read(Path thread) throws IOException;
  }

  /** Reads each thread of the process alive now; a thread that ends meanwhile is left out. */
  private void eachThread(ThreadReading reading) throws IOException {
    try (var threads = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path thread : threads.toList()) {
        try {
          reading.read(thread);
        } catch (IOException ended) {
          // the thread ended meanwhile
        }
      }
    }
  }

  /** Clock ticks of CPU a process has used so far, in user space and in the kernel. */
  record Ticks(long user, long system) {
    long total() {
      return user + system;
    }
  }

  /** What a process has used so far ({@code /proc/<pid>/stat}). */
  static Ticks ticks(long pid) throws IOException {
    return threadTicks(Files.readString(Path.of("/proc/" + pid + "/stat")));
  }

  /** The CPU times of a process's or a thread's {@code stat} line. */
  private static Ticks threadTicks(String stat) {
    // the command name in parentheses may hold spaces: count fields after its closing parenthesis
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return new Ticks(Long.parseLong(fields[11]), Long.parseLong(fields[12]));
  }

  /**
   * Context switches of each of the process's threads so far, voluntary (a thread waited: a lock, a
   * queue, a socket) and not, by thread id ({@code /proc/<pid>/task/<tid>/status}); {@link
   * #switchesSince} turns two of these into the switches between them.
   */
  Map<String, Long> contextSwitches() throws IOException {
    Map<String, Long> switches = new HashMap<>();
    eachThread(
        thread -> {
          long count = 0;
          for (String line : Files.readAllLines(thread.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches:")
                || line.startsWith("nonvoluntary_ctxt_switches:")) {
              count += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
          }
          switches.put(thread.getFileName().toString(), count);
        });
    return switches;
  }

  /**
   * The context switches between two readings of {@link #contextSwitches}, over the threads alive
   * at the second (a thread started meanwhile counts from zero): pooled threads that end between
   * the readings take their switches with them, so it may count a few too few, never a negative
   * number (summing over the threads alive at each reading did, in full run c9c06ebe).
   */
  static long switchesSince(Map<String, Long> before, Map<String, Long> after) {
    long switches = 0;
    for (Map.Entry<String, Long> thread : after.entrySet()) {
      switches += Math.max(0, thread.getValue() - before.getOrDefault(thread.getKey(), 0L));
    }
    return switches;
  }

  /**
   * Starts a JFR recording of Java stacks on the CPU, sampled every 2 ms ({@code cpu-samples.jfc}).
   */
  void startRecording(String name) throws Exception {
    Path settings = Files.createTempFile("cpu-samples", ".jfc");
    try (var in = ServerProcess.class.getResourceAsStream("cpu-samples.jfc")) {
      Files.write(settings, in.readAllBytes());
    }
    try {
      jcmd("JFR.start", "name=" + name, "settings=" + settings.toAbsolutePath());
    } finally {
      Files.deleteIfExists(settings); // read once, when the recording starts
    }
  }

  /** Stops the recording and writes it to {@code file}. */
  void stopRecording(String name, Path file) throws Exception {
    Files.createDirectories(file.toAbsolutePath().getParent());
    jcmd("JFR.stop", "name=" + name, "filename=" + file.toAbsolutePath());
  }

  private void jcmd(String... command) throws Exception {
    List<String> line = new java.util.ArrayList<>(List.of("jcmd", String.valueOf(pid)));
    line.addAll(List.of(command));
    Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0 || output.contains("Could not") || output.contains("Exception")) {
      throw new IllegalStateException(String.join(" ", line) + ": " + output);
    }
  }

  /**
   * What the CPU was doing in a recording: execution samples by the method on top of the stack
   * (self), by that method's package, and by the first frame of our own code ({@code
   * org.seatledger}) on the stack — the part of the product a sample is spent for — and by every
   * method of ours on the stack (inclusive: a sample counts once for each). And what the server
   * allocated meanwhile: the allocation samples' weights (the bytes each sampled thread allocated
   * since its previous sample) summed, by the class allocated, by the method allocating, and by the
   * first frame of our own code on the stack.
   */
  static JsonObject summary(Path recording, int top) throws IOException {
    Tally cpu = new Tally();
    Tally allocated = new Tally();
    Map<String, Long> packages = new HashMap<>();
    Map<String, Long> classes = new HashMap<>();
    Map<Long, Instant> firstSamples = firstAllocationSamples(recording);
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        String kind = event.getEventType().getName();
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
          continue;
        }
        if (kind.equals("jdk.ExecutionSample")) {
          String type = cpu.add(stack, 1);
          packages.merge(packageOf(type), 1L, Long::sum);
        } else if (kind.equals("jdk.ObjectAllocationSample")
            && !event.getStartTime().equals(firstSamples.get(threadOf(event)))) {
          long bytes = event.getLong("weight");
          allocated.add(stack, bytes);
          classes.merge(event.getClass("objectClass").getName(), bytes, Long::sum);
        }
      }
    }
    return Json.createObjectBuilder()
        .add("samples", cpu.total)
        .add("top_methods_self", ranked(cpu.methods, cpu.total, top))
        .add("top_packages_self", ranked(packages, cpu.total, top))
        .add("top_seatledger_frames", ranked(cpu.ours, cpu.total, top))
        .add("top_seatledger_inclusive", ranked(cpu.inclusive, cpu.total, top))
        .add("allocated_bytes", allocated.total)
        .add("top_allocated_classes", ranked(classes, allocated.total, top, "bytes"))
        .add("top_allocating_methods", ranked(allocated.methods, allocated.total, top, "bytes"))
        .add(
            "top_allocating_seatledger_frames",
            ranked(allocated.ours, allocated.total, top, "bytes"))
        .add(
            "top_allocating_seatledger_inclusive",
            ranked(allocated.inclusive, allocated.total, top, "bytes"))
        .build();
  }

  /**
   * When each thread's first allocation sample of the recording was taken. Java 17 weighs a
   * thread's first sample with all it allocated since it started, not since the recording did
   * (JDK-8307488, fixed in Java 21): one such sample weighed 2.5 GB in a round of 8 s. The first
   * sample of every thread is left out of the sums.
   */
  private static Map<Long, Instant> firstAllocationSamples(Path recording) throws IOException {
    Map<Long, Instant> first = new HashMap<>();
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if (event.getEventType().getName().equals("jdk.ObjectAllocationSample")) {
          first.merge(threadOf(event), event.getStartTime(), (a, b) -> a.isBefore(b) ? a : b);
        }
      }
    }
    return first;
  }

  private static long threadOf(RecordedEvent event) {
    RecordedThread thread = event.getThread();
    return thread == null ? -1 : thread.getJavaThreadId();
  }

  /** Samples (or their weights) by the frame on top, by our first frame, by ours anywhere. */
  private static final class Tally {
    final Map<String, Long> methods = new HashMap<>();
    final Map<String, Long> ours = new HashMap<>();
    final Map<String, Long> inclusive = new HashMap<>();
    long total;

    /** Counts a stack with its weight; returns the type on top of it. */
    String add(RecordedStackTrace stack, long weight) {
      total += weight;
      RecordedFrame self = stack.getFrames().get(0);
      String type = self.getMethod().getType().getName();
      methods.merge(type + "." + self.getMethod().getName(), weight, Long::sum);
      String mine = null;
      Set<String> onStack = new HashSet<>();
      for (RecordedFrame frame : stack.getFrames()) {
        String t = frame.getMethod().getType().getName();
        if (t.startsWith("org.seatledger.")) {
          String method = t.substring(t.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
          mine = mine == null ? method : mine;
          if (!t.contains("$Proxy$") && !t.contains("$$Lambda") && !method.contains("lambda$")) {
            onStack.add(method); // CDI proxies and lambdas only repeat the method they call
          }
        }
      }
      ours.merge(mine == null ? "(no Seat Ledger frame: server threads)" : mine, weight, Long::sum);
      onStack.forEach(method -> inclusive.merge(method, weight, Long::sum));
      return type;
    }
  }

  private static String packageOf(String type) {
    int dot = type.lastIndexOf('.');
    return dot < 0 ? "(default)" : type.substring(0, dot);
  }

  private static JsonArrayBuilder ranked(Map<String, Long> counts, long samples, int top) {
    return ranked(counts, samples, top, "samples");
  }

  private static JsonArrayBuilder ranked(
      Map<String, Long> counts, long samples, int top, String unit) {
    JsonArrayBuilder rows = Json.createArrayBuilder();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(top)
        .forEach(
            e ->
                rows.add(
                    Json.createObjectBuilder()
                        .add("name", e.getKey())
                        .add(unit, e.getValue())
                        .add("share", round(100.0 * e.getValue() / Math.max(1, samples)))));
    return rows;
  }
}
