package org.seatledger.bench.driver;

import java.time.Duration;

/**
 * A freshly started JVM runs interpreted code and compiles as it goes: the first seconds of any
 * path are slow. Every path measured later runs here first, unreported.
 */
final class WarmUp {

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
    run.db.awaitProjections(Duration.ofMinutes(5));
  }
}
