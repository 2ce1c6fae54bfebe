package org.seatledger.eventlog.api;

/**
 * The log cannot be read as a whole log: a position is missing. No digest is made of a damaged log;
 * a verification says where it is damaged.
 */
public class LogDamaged extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LogDamaged(String message) {
    super(message);
  }
}
