package org.seatledger.web.security;

/**
 * A change to an account that is not made, with the sentence that says why and the form field it is
 * about ({@code null} for the form as a whole). Nothing was stored.
 */
public final class AccountRefused extends Exception {

  /** The HTTP status an API caller gets: 400 for bad input, 404, 409 for a conflict. */
  public enum Kind {
    INVALID,
    NOT_FOUND,
    CONFLICT
  }

  private final transient Kind kind;
  private final String field;

  public AccountRefused(Kind kind, String field, String sentence) {
    super(sentence, null, false, false);
    this.kind = kind;
    this.field = field;
  }

  static AccountRefused invalid(String field, String sentence) {
    return new AccountRefused(Kind.INVALID, field, sentence);
  }

  static AccountRefused noSuchUser(String username) {
    return new AccountRefused(Kind.NOT_FOUND, null, "There is no user named '" + username + "'.");
  }

  public Kind kind() {
    return kind;
  }

  /** The form field the sentence belongs next to, or null. */
  public String field() {
    return field;
  }
}
