package org.seatledger.web.security;

/**
 * A change to an account that is not made, with the sentence that says why and the form field it is
 * about ({@code null} for the form as a whole). Nothing was stored.
 */
public final class AccountRefused extends Exception {

  /**
   * The HTTP status an API caller gets: 400 for bad input, 404, 409 for a conflict, 429 (with
   * {@link #retryAfterSeconds}) for a try that must wait.
   */
  public enum Kind {
    INVALID,
    NOT_FOUND,
    CONFLICT,
    THROTTLED
  }

  private final transient Kind kind;
  private final String field;
  private final long retryAfterSeconds;

  public AccountRefused(Kind kind, String field, String sentence) {
    this(kind, field, sentence, 0);
  }

  private AccountRefused(Kind kind, String field, String sentence, long retryAfterSeconds) {
    super(sentence, null, false, false);
    this.kind = kind;
    this.field = field;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static AccountRefused invalid(String field, String sentence) {
    return new AccountRefused(Kind.INVALID, field, sentence);
  }

  static AccountRefused noSuchUser(String username) {
    return new AccountRefused(Kind.NOT_FOUND, null, "There is no user named '" + username + "'.");
  }

  /** Too many wrong current passwords: the next try is not even checked for a while. */
  static AccountRefused throttled(String field, long retryAfterSeconds) {
    return new AccountRefused(
        Kind.THROTTLED,
        field,
        "Too many wrong current passwords; try again in " + retryAfterSeconds + " seconds.",
        retryAfterSeconds);
  }

  public Kind kind() {
    return kind;
  }

  /** For {@link Kind#THROTTLED}: how many seconds to wait; 0 otherwise. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The form field the sentence belongs next to, or null. */
  public String field() {
    return field;
  }
}
