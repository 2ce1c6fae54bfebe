package org.seatledger.web.rest;

import jakarta.ws.rs.core.Response.Status;

/**
 * Whole numbers from query parameters, read here rather than by the JAX-RS runtime, which answers a
 * parameter that is not a number with a bare 404: here it is a 400 naming the parameter.
 */
final class QueryNumbers {
  private QueryNumbers() {}

  /** The number, or {@code otherwise} when the parameter is absent; 400 outside min..max. */
  static Long whole(String text, String name, long min, long max, Long otherwise) {
    if (text == null || text.isEmpty()) {
      return otherwise;
    }
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new ApiException(
          Status.BAD_REQUEST, name + " must be a whole number, not '" + shortened(text) + "'.");
    }
    if (value < min || value > max) {
      throw new ApiException(
          Status.BAD_REQUEST,
          name
              + " is "
              + (max == Long.MAX_VALUE ? min + " or more" : "between " + min + " and " + max)
              + ".");
    }
    return value;
  }

  /**
   * An {@code atLeast} parameter: the log position a command answered, which a read waits for; null
   * when absent.
   */
  static Long position(String text) {
    return whole(text, "atLeast", 0, Long.MAX_VALUE, null);
  }

  private static String shortened(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
