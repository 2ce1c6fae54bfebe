package org.seatledger.eventlog.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Instants in the one form JSON-B writes them — ISO-8601 in UTC, a four-digit year, seconds and an
 * optional fraction of one to nine digits: {@code 2026-03-01T10:15:30.123Z} — read without a
 * formatter. {@link Instant#parse} resolves every text through a map of parsed fields and was 8 %
 * of a rebuild's samples (every booking and seat event holds one). Any other text, a leap second or
 * a date that does not exist is left to {@link Instant#parse}, which answers or fails as before.
 */
final class IsoInstants {

  private static final int[] SCALE = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
  };

  private IsoInstants() {}

  /** The instant {@code text} names, exactly as {@link Instant#parse} reads it. */
  static Instant parse(String text) {
    Instant read = plain(text);
    return read != null ? read : Instant.parse(text);
  }

  /** The instant of a text in JSON-B's form; null for any other text. */
  private static Instant plain(String text) {
    int length = text.length();
    if (length < 20
        || length == 21
        || length > 30
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(length - 1) != 'Z') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    int nanos = 0;
    if (length > 20) {
      int places = length - 21;
      if (text.charAt(19) != '.') {
        return null;
      }
      int fraction = digits(text, 20, places);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction * SCALE[9 - places];
    }
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > Month.of(month).length(Year.isLeap(year))
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
  }

  /** The decimal number of {@code count} digits at {@code from}; -1 if one is not a digit. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
