package org.seatledger.bench.driver;

/** Durations of one run: the quick run (under 5 minutes) or the full one. */
record Plan(
    boolean quick,
    double storeSeconds,
    double hotSeconds,
    double sweepSeconds,
    double kneeStepSeconds,
    double steadySeconds,
    int[] loadLengths) {
  static Plan of(boolean quick) {
    return quick
        ? new Plan(true, 4, 8, 4, 4, 10, new int[] {10, 1_000, 100_000})
        : new Plan(false, 15, 30, 15, 10, 30, new int[] {10, 100, 1_000, 10_000, 100_000});
  }
}
