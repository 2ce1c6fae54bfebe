package org.seatledger.eventlog.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Time as the log records it: UTC, microseconds. */
final class Clock {
  private Clock() {}

  static long micros() {
    return toMicros(Instant.now());
  }

  static long toMicros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  static Instant fromMicros(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}
