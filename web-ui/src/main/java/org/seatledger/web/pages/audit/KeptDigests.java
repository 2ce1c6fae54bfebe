package org.seatledger.web.pages.audit;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.seatledger.eventlog.api.LogDigest;

/**
 * Reads a digest an auditor kept (the JSON {@code /api/audit/digest} gave) pasted back into the
 * integrity page, with the same rules as the API's check: the format if named, a position, a 64-hex
 * digest, checkpoints rising and within the position.
 */
final class KeptDigests {

  /** A pasted text that is not a kept digest, with the sentence to show. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String sentence) {
      super(sentence, null, false, false);
    }
  }

  private static final JsonProvider JSON = JsonProvider.provider();
  private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
  private static final int MAX_CHARS = 64 * 1024;
  private static final int MAX_CHECKPOINTS = 256;

  private KeptDigests() {}

  static LogDigest read(String text) throws Unreadable {
    if (text == null || text.isBlank()) {
      throw new Unreadable("Paste the digest you kept (the JSON file you downloaded).");
    }
    if (text.length() > MAX_CHARS) {
      throw new Unreadable("That is longer than any digest (64 KiB at most).");
    }
    JsonObject json;
    try (var reader = JSON.createReader(new StringReader(text.trim()))) {
      json = reader.readObject();
    } catch (JsonException | IllegalStateException notJson) {
      throw new Unreadable("That is not a digest: paste the whole JSON file, from { to }.");
    }
    JsonValue format = json.get("format");
    if (format != null
        && !(format instanceof JsonString
            && LogDigest.FORMAT.equals(((JsonString) format).getString()))) {
      throw new Unreadable("This server checks digests of the form '" + LogDigest.FORMAT + "'.");
    }
    long position = number(json.get("position"), "position");
    String digest = hex(json.get("digest"), "digest");
    String lastHash =
        json.get("lastHash") == null
                || json.get("lastHash").getValueType() == JsonValue.ValueType.NULL
            ? null
            : hex(json.get("lastHash"), "lastHash");
    List<LogDigest.Checkpoint> checkpoints = new ArrayList<>();
    JsonValue listed = json.get("checkpoints");
    if (listed != null && listed.getValueType() != JsonValue.ValueType.NULL) {
      if (!(listed instanceof JsonArray) || ((JsonArray) listed).size() > MAX_CHECKPOINTS) {
        throw new Unreadable("checkpoints: a list of at most " + MAX_CHECKPOINTS + " entries.");
      }
      long previous = 0;
      for (JsonValue entry : (JsonArray) listed) {
        if (!(entry instanceof JsonObject)) {
          throw new Unreadable("checkpoints: each is a position and a digest.");
        }
        long at = number(((JsonObject) entry).get("position"), "a checkpoint's position");
        if (at <= previous || at > position) {
          throw new Unreadable(
              "checkpoints: positions rise and are at most the digest's position; "
                  + at
                  + " is not.");
        }
        previous = at;
        checkpoints.add(
            new LogDigest.Checkpoint(
                at, hex(((JsonObject) entry).get("digest"), "a checkpoint's digest")));
      }
    }
    return new LogDigest(position, lastHash, digest, Instant.EPOCH, checkpoints);
  }

  private static long number(JsonValue value, String name) throws Unreadable {
    if (!(value instanceof JsonNumber) || !((JsonNumber) value).isIntegral()) {
      throw new Unreadable(name + ": a whole number is missing.");
    }
    try {
      long number = ((JsonNumber) value).longValueExact();
      if (number < 0) {
        throw new Unreadable(name + ": 0 or more.");
      }
      return number;
    } catch (ArithmeticException tooLarge) {
      throw new Unreadable(name + ": too large.");
    }
  }

  private static String hex(JsonValue value, String name) throws Unreadable {
    if (!(value instanceof JsonString)
        || !HEX64.matcher(((JsonString) value).getString()).matches()) {
      throw new Unreadable(name + ": 64 hex digits are missing.");
    }
    return ((JsonString) value).getString().toLowerCase(Locale.ROOT);
  }
}
