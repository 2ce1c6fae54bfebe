package org.seatledger.it.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.util.ArrayList;
import java.util.List;
import org.seatledger.eventlog.api.LogAdvanced;

/** The wake-ups a module would hear after commits, as {@code Reporting} and {@code Audit} do. */
@ApplicationScoped
public class HeardWakeUps {

  private final List<Long> positions = new ArrayList<>();

  void on(@ObservesAsync LogAdvanced advanced) {
    synchronized (positions) {
      positions.add(advanced.position());
      positions.notifyAll();
    }
  }

  /** Waits until a wake-up has named {@code position} or a later one; false when none did. */
  boolean awaitReaching(long position, long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    synchronized (positions) {
      while (highest() < position) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          return false;
        }
        positions.wait(left);
      }
      return true;
    }
  }

  /** Every wake-up heard so far, in the order heard. */
  List<Long> heard() {
    synchronized (positions) {
      return new ArrayList<>(positions);
    }
  }

  private long highest() {
    return positions.stream().mapToLong(Long::longValue).max().orElse(-1);
  }
}
