package org.seatledger.bench.driver;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** The two ways of loading the server: N clients back to back, or requests at a constant rate. */
final class Load {
  private Load() {}

  /** One second of a constant-rate step: its requests by due time, and how long they took. */
  record Second(int index, int requests, int over200Millis, long maxMicros) {}

  /** What one load step saw. */
  static final class Step {
    final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

    /** The answers to a lead-in's requests: in no figure but the errors and the bookings made. */
    final Map<Integer, LongAdder> leadInStatuses = new ConcurrentHashMap<>();

    final Histogram latencyMicros;
    final double seconds;
    final double offeredPerSecond;
    final long notSent;
    private final List<Second> timeline;

    Step(Histogram latencyMicros, double seconds, double offeredPerSecond, long notSent) {
      this(latencyMicros, seconds, offeredPerSecond, notSent, List.of());
    }

    Step(
        Histogram latencyMicros,
        double seconds,
        double offeredPerSecond,
        long notSent,
        List<Second> timeline) {
      this.latencyMicros = latencyMicros;
      this.seconds = seconds;
      this.offeredPerSecond = offeredPerSecond;
      this.notSent = notSent;
      this.timeline = timeline;
    }

    /** The {@code n} seconds whose slowest request took longest (constant-rate steps only). */
    List<Second> worstSeconds(int n) {
      return timeline.stream()
          .sorted(Comparator.comparingLong(Second::maxMicros).reversed())
          .limit(n)
          .toList();
    }

    long count(int status) {
      return count(statuses, status);
    }

    /** Answers with {@code status}, the lead-in's included (every booking it made counts). */
    long countWithLeadIn(int status) {
      return count(status) + count(leadInStatuses, status);
    }

    long total() {
      return statuses.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /**
     * Answers that are not 201 (created) or 409 (refused on purpose): errors, the lead-in's
     * included.
     */
    long errors() {
      return errors(statuses) + errors(leadInStatuses);
    }

    private static long count(Map<Integer, LongAdder> answers, int status) {
      LongAdder n = answers.get(status);
      return n == null ? 0 : n.sum();
    }

    private static long errors(Map<Integer, LongAdder> answers) {
      long all = answers.values().stream().mapToLong(LongAdder::sum).sum();
      return all - count(answers, 201) - count(answers, 409);
    }

    double completedPerSecond() {
      return total() / seconds;
    }

    double createdPerSecond() {
      return count(201) / seconds;
    }

    double percentileMillis(double p) {
      return latencyMicros.getValueAtPercentile(p) / 1000.0;
    }

    Map<String, Long> statusCounts() {
      Map<String, Long> counts = new TreeMap<>();
      statuses.forEach((status, n) -> counts.put(String.valueOf(status), n.sum()));
      return counts;
    }
  }

  /**
   * {@code clients} threads, each sending its next request as soon as the last one was answered,
   * for {@code seconds}. Measures the throughput a fixed population of clients gets.
   */
  static Step closed(
      Api api, int clients, double seconds, LongFunction<HttpRequest> requestOfClient)
      throws Exception {
    return closed(api, clients, 0, seconds, requestOfClient, () -> {});
  }

  /**
   * As {@link #closed(Api, int, double, LongFunction)}, after a lead-in of {@code leadInSeconds} in
   * which the same clients send the same requests, counted in no figure but the errors and the
   * bookings made: the clients run on without a break into the {@code seconds} measured, and {@code
   * atMeasuredStart} runs (on the caller's thread, while they send) when those begin. A request
   * counts in the measured seconds when it was sent in them.
   */
  static Step closed(
      Api api,
      int clients,
      double leadInSeconds,
      double seconds,
      LongFunction<HttpRequest> requestOfClient,
      Runnable atMeasuredStart)
      throws Exception {
    Recorder recorder = new Recorder(3);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    Map<Integer, LongAdder> leadInStatuses = new ConcurrentHashMap<>();
    long first = System.nanoTime();
    long start = first + (long) (leadInSeconds * 1e9);
    long end = start + (long) (seconds * 1e9);
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      long client = i;
      running.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < end) {
                  HttpRequest request = requestOfClient.apply(client);
                  long sent = System.nanoTime();
                  Api.Answer answer = api.sendRepeatingOnClosedConnection(request);
                  if (sent < start) {
                    leadInStatuses
                        .computeIfAbsent(answer.status(), s -> new LongAdder())
                        .increment();
                    continue;
                  }
                  recorder.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                  statuses.computeIfAbsent(answer.status(), s -> new LongAdder()).increment();
                }
                return null;
              }));
    }
    for (long wait; (wait = start - System.nanoTime()) > 0; ) {
      LockSupport.parkNanos(wait);
    }
    atMeasuredStart.run();
    for (Future<?> f : running) {
      f.get(10, TimeUnit.MINUTES);
    }
    pool.shutdown();
    double took = (System.nanoTime() - start) / 1e9;
    Step step = new Step(recorder.getIntervalHistogram(), took, 0, 0);
    step.statuses.putAll(statuses);
    step.leadInStatuses.putAll(leadInStatuses);
    return step;
  }

  /** {@code clients} threads sending back to back until {@code requests} have been answered. */
  static Step closedCount(
      Api api, int clients, int requests, LongFunction<HttpRequest> requestOfClient)
      throws Exception {
    Recorder recorder = new Recorder(3);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    AtomicLong left = new AtomicLong(requests);
    long start = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      long client = i;
      running.add(
          pool.submit(
              () -> {
                while (left.getAndDecrement() > 0) {
                  HttpRequest request = requestOfClient.apply(client);
                  long sent = System.nanoTime();
                  Api.Answer answer = api.sendRepeatingOnClosedConnection(request);
                  recorder.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                  statuses.computeIfAbsent(answer.status(), s -> new LongAdder()).increment();
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get(10, TimeUnit.MINUTES);
    }
    pool.shutdown();
    Step step = new Step(recorder.getIntervalHistogram(), (System.nanoTime() - start) / 1e9, 0, 0);
    step.statuses.putAll(statuses);
    return step;
  }

  /**
   * Requests at a constant rate, whatever the server does (an open system, as real users are): each
   * latency is measured from the moment the request was due, not from when it could be sent, so a
   * stalled server shows up in the percentiles instead of quietly slowing the load (coordinated
   * omission). At most {@code maxOutstanding} requests are in flight; requests due beyond that are
   * counted as not sent.
   *
   * <p>The sender parks until each request is due, never spins: the driver shares the machine's two
   * cores with the server and the database, and the spin-wait it used (sleep 1 ms, then spin the
   * last 2 ms) burnt 0.4 to 1.0 of a core at 266 to 521 requests/s, CPU taken from the system under
   * test. A park wakes a fraction of a millisecond late on a busy machine; the lateness counts
   * against the server, as the latency is measured from the due time.
   */
  static Step constantRate(
      Api api,
      double perSecond,
      double seconds,
      int maxOutstanding,
      LongFunction<HttpRequest> requestNumber)
      throws Exception {
    return constantRate(
        api, perSecond, LeadIn.NONE, seconds, maxOutstanding, requestNumber, ledIn -> {});
  }

  /**
   * How long a lead-in lasts: at least {@code minSeconds}, then until {@code settled} says so and
   * the server keeps up with the load (both asked once a second) or {@code maxSeconds} have passed.
   * The server keeps up when no request of the lead-in was answered more than {@value
   * #KEEPS_UP_MILLIS} ms after it was due since the last look, and fewer requests are in flight
   * than {@value #KEEPS_UP_MILLIS} ms of the load: a backlog left by the lead-in's first seconds
   * (the driver's own JIT took up to a core there) would otherwise be paid off in the measured
   * seconds and counted as the server's latency at that rate. Once that is decided the lead-in goes
   * on for {@value #LEAD_IN_CLOSING_SECONDS} s more, and {@code ending} runs on the sender's thread
   * at the decision (it must return at once): what the caller reads from the server then (a {@code
   * /metrics} scrape took a third of the server's CPU of the second it ran in) is paid in the
   * lead-in, not in the measured seconds.
   */
  record LeadIn(double minSeconds, double maxSeconds, BooleanSupplier settled, Runnable ending) {
    static final LeadIn NONE = new LeadIn(0, 0, () -> true, () -> {});
  }

  /** How long a lead-in goes on after it was decided to end ({@link LeadIn}). */
  static final double LEAD_IN_CLOSING_SECONDS = 2;

  /** How late a lead-in request may be answered, and how much of the load may be in flight. */
  static final long KEEPS_UP_MILLIS = 200;

  /**
   * As {@link #constantRate(Api, double, double, int, LongFunction)}, after a lead-in at the same
   * rate whose requests are sent and answered like the others but are in no figure but the errors
   * and the bookings made: the load runs on without a break into the {@code seconds} measured, and
   * {@code atMeasuredStart} runs on the sender's thread just before the first measured request is
   * due (it must return at once), given the lead-in's seconds.
   */
  static Step constantRate(
      Api api,
      double perSecond,
      LeadIn leadInRule,
      double seconds,
      int maxOutstanding,
      LongFunction<HttpRequest> requestNumber,
      DoubleConsumer atMeasuredStart)
      throws Exception {
    Recorder recorder = new Recorder(3);
    Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    Map<Integer, LongAdder> leadInStatuses = new ConcurrentHashMap<>();
    Semaphore outstanding = new Semaphore(maxOutstanding);
    AtomicLong notSent = new AtomicLong();
    double intervalNanos = 1e9 / perSecond;
    long first = System.nanoTime();
    // the first measured request and its due time, seconds and rates count from it: known once
    // the lead-in ends
    long leadIn = leadInRule.maxSeconds() <= 0 ? 0 : Long.MAX_VALUE;
    long start = first;
    long total = (long) (perSecond * seconds);
    long nextLook = first + (long) (leadInRule.minSeconds() * 1e9);
    int secondsDue = (int) Math.ceil(seconds) + 1;
    AtomicIntegerArray requestsDue = new AtomicIntegerArray(secondsDue);
    AtomicIntegerArray slowDue = new AtomicIntegerArray(secondsDue);
    AtomicLongArray maxMicrosDue = new AtomicLongArray(secondsDue);
    AtomicLong leadInLate = new AtomicLong(); // answered over KEEPS_UP_MILLIS late since the look
    long mostInFlight = Math.max(1, Math.round(perSecond * KEEPS_UP_MILLIS / 1000.0));
    for (long i = 0; i - leadIn < total; i++) { // leadIn stays Long.MAX_VALUE until it ends
      long due = first + (long) (i * intervalNanos);
      for (long wait; (wait = due - System.nanoTime()) > 0; ) {
        LockSupport.parkNanos(wait);
      }
      if (leadIn == Long.MAX_VALUE && due >= nextLook) {
        double ledIn = (due - first) / 1e9;
        boolean keepsUp =
            leadInLate.getAndSet(0) == 0
                && maxOutstanding - outstanding.availablePermits() < mostInFlight;
        // both asked at every look: the supplier measures from one look to the next
        boolean settled = leadInRule.settled().getAsBoolean();
        if (ledIn >= leadInRule.maxSeconds() || (settled && keepsUp)) {
          leadIn = i + Math.max(1, Math.round(perSecond * LEAD_IN_CLOSING_SECONDS));
          leadInRule.ending().run();
        } else {
          nextLook += 1_000_000_000L;
        }
      }
      if (i == leadIn) {
        start = due;
        atMeasuredStart.accept((due - first) / 1e9);
      }
      if (!outstanding.tryAcquire()) {
        notSent.incrementAndGet();
        continue;
      }
      HttpRequest request = requestNumber.apply(i);
      if (i < leadIn) {
        api.sendAsync(request)
            .whenComplete(
                (answer, failure) -> {
                  if (System.nanoTime() - due > KEEPS_UP_MILLIS * 1_000_000) {
                    leadInLate.incrementAndGet();
                  }
                  int status = answer == null ? -1 : answer.status();
                  leadInStatuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                  outstanding.release();
                });
        continue;
      }
      long measuredFrom = start;
      api.sendAsync(request)
          .whenComplete(
              (answer, failure) -> {
                long micros = Math.max(1, (System.nanoTime() - due) / 1000);
                recorder.recordValue(micros);
                int second = (int) Math.min(secondsDue - 1, (due - measuredFrom) / 1_000_000_000L);
                requestsDue.incrementAndGet(second);
                if (micros > 200_000) {
                  slowDue.incrementAndGet(second);
                }
                maxMicrosDue.accumulateAndGet(second, micros, Math::max);
                int status = answer == null ? -1 : answer.status();
                statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                outstanding.release();
              });
    }
    // wait for the stragglers: their latency counts
    outstanding.tryAcquire(maxOutstanding, 120, TimeUnit.SECONDS);
    double took = (System.nanoTime() - start) / 1e9;
    List<Second> timeline = new ArrayList<>();
    for (int second = 0; second < secondsDue; second++) {
      if (requestsDue.get(second) > 0) {
        timeline.add(
            new Second(
                second, requestsDue.get(second), slowDue.get(second), maxMicrosDue.get(second)));
      }
    }
    Step step = new Step(recorder.getIntervalHistogram(), took, perSecond, notSent.get(), timeline);
    step.statuses.putAll(statuses);
    step.leadInStatuses.putAll(leadInStatuses);
    return step;
  }
}
