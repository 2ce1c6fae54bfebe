package org.seatledger.web.pages.admin;

/**
 * Walks global positions in the order the log hands them out and says whether they run on by one,
 * without a hole or a repeat — the "no event is ever skipped" promise, checked. Start it where an
 * earlier check ended (positions 1 to {@code verifiedUpTo} known present), feed it every position
 * after that; {@link #result} says what it found.
 */
public final class Contiguity {

  /**
   * What a check found.
   *
   * @param contiguous true when every position followed the one before it by one
   * @param checked how many positions were fed
   * @param upTo the last position that followed in order: positions 1 to it are all there
   * @param firstProblem the first position that did not follow (null when contiguous)
   * @param sentence what was found, for a person
   */
  public record Result(
      boolean contiguous, long checked, long upTo, Long firstProblem, String sentence) {}

  private long last;
  private long checked;
  private Long problem;
  private String sentence;

  /** A check from position 1. */
  public Contiguity() {
    this(0);
  }

  /** A check that goes on after {@code verifiedUpTo}: positions 1 to it are known to be there. */
  public Contiguity(long verifiedUpTo) {
    this.last = verifiedUpTo;
  }

  /** The next position the log gave; false once a problem was found (stop feeding). */
  public boolean next(long position) {
    if (problem != null) {
      return false;
    }
    checked++;
    if (position == last + 1) {
      last = position;
      return true;
    }
    problem = position;
    sentence =
        position <= last
            ? "Position " + position + " comes again after " + last + "."
            : "Positions "
                + (last + 1)
                + " to "
                + (position - 1)
                + " are missing before "
                + position
                + ".";
    return false;
  }

  public Result result() {
    if (problem != null) {
      return new Result(false, checked, last, problem, sentence);
    }
    return new Result(
        true,
        checked,
        last,
        null,
        last == 0 ? "The log is empty." : "Positions 1 to " + last + " are all there, once each.");
  }
}
