package org.seatledger.booking.api;

/** A command the rules refuse, with a sentence for the person who sent it. Nothing was stored. */
public class CommandRefused extends RuntimeException {

  /** Why, in HTTP terms: bad input, a clash with the current state, or nothing to act on. */
  public enum Kind {
    INVALID,
    CONFLICT,
    NOT_FOUND
  }

  private final Kind kind;

  public CommandRefused(Kind kind, String sentence) {
    super(sentence, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static CommandRefused invalid(String sentence) {
    return new CommandRefused(Kind.INVALID, sentence);
  }

  public static CommandRefused conflict(String sentence) {
    return new CommandRefused(Kind.CONFLICT, sentence);
  }

  public static CommandRefused notFound(String sentence) {
    return new CommandRefused(Kind.NOT_FOUND, sentence);
  }
}
