package org.seatledger.bench.app;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/** Runs one loop body on N managed threads until a deadline and counts what they did. */
final class Parallel {
  private Parallel() {}

  /** One round of work; returns how many units (rows, events) it did. */
  interface Round {
    long run() throws Exception;
  }

  /** What N threads did in the time: units done and the seconds it took. */
  record Outcome(long units, double seconds, long failures) {
    double perSecond() {
      return units / seconds;
    }
  }

  static Outcome run(ManagedThreadFactory threads, int n, double seconds, Round round)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n, threads);
    LongAdder units = new LongAdder();
    LongAdder failures = new LongAdder();
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        running.add(
            pool.submit(
                () -> {
                  while (System.nanoTime() < deadline) {
                    try {
                      units.add(round.run());
                    } catch (Exception e) {
                      failures.increment();
                      if (failures.sum() > 100) {
                        throw e;
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    return new Outcome(units.sum(), (System.nanoTime() - start) / 1e9, failures.sum());
  }
}
