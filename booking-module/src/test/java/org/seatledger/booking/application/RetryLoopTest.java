package org.seatledger.booking.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.seatledger.booking.application.RetryLoop.Attempt;
import org.seatledger.booking.application.RetryLoop.Conflict;
import org.seatledger.booking.application.RetryLoop.Ending;
import org.seatledger.booking.application.RetryLoop.Failed;
import org.seatledger.booking.application.RetryLoop.Settled;
import org.seatledger.booking.application.RetryLoop.Stale;
import org.seatledger.eventlog.api.ConcurrencyConflict;

/** What a batch's writer does after each attempt, with the attempts scripted: no store. */
class RetryLoopTest {

  private final RetryLoop loop = new RetryLoop(RetryLoop.ATTEMPTS);

  @Test
  void aBatchAnotherServerGotAheadOfIsDecidedAgainUntilItSettles() {
    Script script = new Script(conflict(), conflict(), new Settled());

    Ending ending = loop.run(script);

    assertEquals(3, ending.attempts());
    assertInstanceOf(Settled.class, ending.last());
    assertFalse(ending.gaveUp());
  }

  @Test
  void answersRestingOnOutdatedCachedStateAreDecidedAgain() {
    Script script = new Script(new Stale(), new Settled());

    Ending ending = loop.run(script);

    assertEquals(2, ending.attempts());
    assertFalse(ending.gaveUp());
  }

  @Test
  void aBatchThatKeepsLosingIsDecidedFiveTimesAndThenGivenUp() {
    Script script = new Script(conflict(), new Stale(), conflict(), new Stale(), conflict());

    Ending ending = loop.run(script);

    assertEquals(5, ending.attempts());
    assertTrue(ending.gaveUp(), "the commands still open are refused as busy");
    assertEquals(0, script.left(), "every scripted attempt was made");
  }

  @Test
  void noSixthAttemptIsMade() {
    Supplier<Attempt> alwaysConflicting =
        new Script(conflict(), conflict(), conflict(), conflict(), conflict(), new Settled());

    Ending ending = loop.run(alwaysConflicting);

    assertEquals(5, ending.attempts());
    assertTrue(ending.gaveUp());
    assertEquals(1, ((Script) alwaysConflicting).left(), "the sixth was never asked for");
  }

  @Test
  void aFailureThatIsNotAConflictIsNeverRetried() {
    // the database down, a master key that does not match: deciding again would not cure it
    Script script = new Script(new Failed(new IllegalStateException("database down")), conflict());

    Ending ending = loop.run(script);

    assertEquals(1, ending.attempts());
    assertInstanceOf(Failed.class, ending.last());
    assertFalse(ending.gaveUp(), "the failed commands were told why; they are not 'busy'");
  }

  @Test
  void whatIsRetriedIsExactlyAConflictOrStaleAnswers() {
    assertEquals(
        List.of(true, true, false, false),
        List.of(
            conflict().retried(),
            new Stale().retried(),
            new Settled().retried(),
            new Failed(new RuntimeException()).retried()));
  }

  private static Conflict conflict() {
    return new Conflict(new ConcurrencyConflict("seats-c1", "expected version 3, found 4"));
  }

  /** Attempts that come to what the test says, in order. */
  private static final class Script implements Supplier<Attempt> {
    private final Deque<Attempt> attempts;

    Script(Attempt... attempts) {
      this.attempts = new ArrayDeque<>(List.of(attempts));
    }

    @Override
    public Attempt get() {
      return attempts.removeFirst();
    }

    int left() {
      return attempts.size();
    }
  }
}
