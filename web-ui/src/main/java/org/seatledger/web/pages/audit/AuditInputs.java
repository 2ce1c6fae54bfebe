package org.seatledger.web.pages.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.seatledger.audit.api.AuditQueries.Point;

/**
 * Reads the auditor pages' query parameters: versions, moments and points. A moment is an ISO-8601
 * instant ({@code 2027-05-04T09:00:00Z}) or what a {@code datetime-local} input sends ({@code
 * 2027-05-04T09:00}, read as UTC, as the pages label it). Each method answers empty for a blank
 * value and throws {@link Refused} with a sentence for one it cannot read.
 */
final class AuditInputs {

  /** A parameter that cannot be read, with the sentence to show. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String sentence) {
      super(sentence, null, false, false);
    }
  }

  private AuditInputs() {}

  static Optional<Long> version(String text, String name) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String trimmed = text.trim();
    if (trimmed.length() > 18 || !trimmed.chars().allMatch(Character::isDigit)) {
      throw new Refused(name + ": '" + shortened(trimmed) + "' is not a version (0, 1, 2, …).");
    }
    return Optional.of(Long.parseLong(trimmed));
  }

  static Optional<Instant> moment(String text, String name) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String trimmed = text.trim();
    try {
      return Optional.of(Instant.parse(trimmed));
    } catch (DateTimeException notAnInstant) {
      try {
        return Optional.of(LocalDateTime.parse(trimmed).toInstant(ZoneOffset.UTC));
      } catch (DateTimeException notLocal) {
        throw new Refused(
            name
                + ": '"
                + shortened(trimmed)
                + "' is not a moment; give a date and time such as 2027-05-04T09:00 (UTC).");
      }
    }
  }

  /** One point: all digits is a version, anything else a moment. */
  static Point point(String text, String name) {
    String trimmed = text.trim();
    if (!trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit)) {
      return Point.version(version(trimmed, name).orElseThrow());
    }
    return Point.asOf(
        moment(trimmed, name).orElseThrow(() -> new Refused(name + ": a point is missing.")));
  }

  /** {@code a,b}: two points. */
  static Optional<Point[]> pair(String text, String name) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String[] parts = text.split(",", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new Refused(
          name + ": give two points separated by a comma, such as 3,7 (versions) or moments.");
    }
    return Optional.of(new Point[] {point(parts[0], name), point(parts[1], name)});
  }

  /** A value of a state or a diff as a person reads it: text as is, nothing as a dash. */
  static String shown(Object value) {
    if (value == null
        || (value instanceof jakarta.json.JsonValue
            && ((jakarta.json.JsonValue) value).getValueType()
                == jakarta.json.JsonValue.ValueType.NULL)) {
      return "—";
    }
    if (value instanceof jakarta.json.JsonString) {
      return ((jakarta.json.JsonString) value).getString();
    }
    if (value instanceof java.math.BigDecimal) {
      return ((java.math.BigDecimal) value).toPlainString();
    }
    return value.toString();
  }

  private static String shortened(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
