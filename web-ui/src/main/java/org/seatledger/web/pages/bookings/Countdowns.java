package org.seatledger.web.pages.bookings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The time left of a hold, as the page is rendered ({@code #{countdowns.left(holdUntil)}}): {@code
 * js/countdown.js} keeps it running in the browser; without scripts it is right as of loading and
 * the deadline beside it is the time that counts.
 */
@Named
@ApplicationScoped
public class Countdowns {

  private final Clock clock = Clock.systemUTC();

  /** {@code "14 min 5 s left"}, {@code "1 h 2 min left"}, or that the hold is over. */
  public String left(Instant until) {
    return until == null ? "" : text(Duration.between(clock.instant(), until));
  }

  static String text(Duration left) {
    long seconds = left.getSeconds();
    if (seconds <= 0) {
      return "Hold ended; releasing the seats";
    }
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    long rest = seconds % 60;
    if (hours > 0) {
      return hours + " h " + minutes + " min left";
    }
    return minutes > 0 ? minutes + " min " + rest + " s left" : rest + " s left";
  }
}
