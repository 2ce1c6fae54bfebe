package org.seatledger.bench.driver;

import static org.seatledger.bench.driver.Results.round;

import jakarta.json.Json;
import java.time.Duration;

/**
 * A freshly started JVM runs interpreted code and compiles as it goes: the first seconds of any
 * path are slow, and on two cores the compilers go on taking a large share of the CPU for minutes
 * (quick run 7dbed60f: the C2 compiler thread used 40–60 % of the server's CPU through the first
 * two minutes of hot-conference rounds, which then booked 370–540 bookings/s against 898 in a later
 * round). Every path measured later runs here first, unreported; then both booking paths run in
 * turn, at the hot phases' {@value HotConference#CLIENTS} clients, until the compiler threads use
 * under {@value #SETTLED_SHARE} of the server's CPU over a round, or the time is up. The report
 * says how long that took and the compilers' share in the last round.
 */
final class WarmUp {

  /** The compilers' share of the server's CPU over a round at which the JIT counts as settled. */
  static final double SETTLED_SHARE = 0.05;

  private WarmUp() {}

  static void run(Run run) throws Exception {
    Api probe = run.probe;
    double seconds = run.plan.quick() ? 5 : 15;
    Run.log("warming up for about " + (int) (4 * seconds) + " s (not reported)");
    probe.must("store/ceiling?threads=8&seconds=" + seconds / 2 + "&batch=1", null);
    probe.must("store/ceiling?threads=8&seconds=" + seconds / 2 + "&batch=100", null);
    probe.must("store/appends?threads=8&seconds=" + seconds, null);
    String id = run.conference(Run.MAX_SEATS, Run.TYPES);
    run.accepted(
        Load.closed(run.staff, 16, seconds, client -> run.booking(run.staff, id)).count(201));
    String rivalId =
        probe
            .must("rival/reset?conferences=1&capacity=100000000", null)
            .getJsonArray("conferences")
            .getString(0);
    Load.closed(run.rival, 16, seconds, client -> run.rivalBooking(rivalId));
    settle(run, rivalId);
    run.db.awaitProjections(Duration.ofMinutes(5));
  }

  /**
   * Rounds of both booking paths until the JIT compilers have settled ({@link #SETTLED_SHARE}), at
   * most 2 minutes in a quick run and 5 in a full one.
   */
  private static void settle(Run run, String rivalId) throws Exception {
    double roundSeconds = run.plan.quick() ? 5 : 10;
    double limitSeconds = run.plan.quick() ? 120 : 300;
    long start = System.nanoTime();
    int rounds = 0;
    double share;
    double elapsed;
    do {
      String id = run.conference(Run.MAX_SEATS, Run.TYPES); // never sold out
      double cpu = run.process.cpuSeconds();
      double compilers = run.process.compilerCpuSeconds();
      run.accepted(
          Load.closed(
                  run.staff,
                  HotConference.CLIENTS,
                  roundSeconds,
                  client -> run.booking(run.staff, id))
              .count(201));
      Load.closed(
          run.rival, HotConference.CLIENTS, roundSeconds, client -> run.rivalBooking(rivalId));
      share =
          (run.process.compilerCpuSeconds() - compilers)
              / Math.max(0.01, run.process.cpuSeconds() - cpu);
      rounds++;
      elapsed = (System.nanoTime() - start) / 1e9;
      Run.log(
          "  warm-up round "
              + rounds
              + ": the JIT compilers took "
              + Math.round(100 * share)
              + " % of the server's CPU");
    } while (share >= SETTLED_SHARE && elapsed < limitSeconds);
    run.results.figures.add(
        "warm_up",
        Json.createObjectBuilder()
            .add("rounds", rounds)
            .add("round_seconds", roundSeconds)
            .add("seconds", round(elapsed))
            .add("compiler_share_last_round", round(share))
            .add("settled", share < SETTLED_SHARE));
  }
}
