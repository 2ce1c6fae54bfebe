package org.seatledger.booking.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.seatledger.eventlog.api.TimeOrderedIds;

/**
 * Who sends a command, under which id, and why.
 *
 * <p>Command ids are a namespace the server owns. Ids the server makes itself ({@code
 * expire-<booking>}, {@code erase-<subject>}) and new random ids never start with {@value
 * #CLIENT_PREFIX}; every id a client chooses (its {@code Idempotency-Key}) is stored as {@code
 * c:<user>:<key>} through {@link #ofClient}. So no client can take an id the server will need, and
 * one user's key never replays another user's outcome.
 *
 * @param commandId the command's id: the same id twice is carried out once
 * @param correlationId shared by everything one user action causes
 * @param principal the signed-in user
 * @param reason optional free text, at most {@value Limits#REASON} characters
 */
public record CommandContext(
    String commandId, String correlationId, String principal, String reason) {

  /** What every client-chosen command id starts with. */
  public static final String CLIENT_PREFIX = "c:";

  /** The longest Idempotency-Key a client may send. */
  public static final int MAX_CLIENT_KEY = 64;

  private static final int MAX_ID = 100;
  private static final Pattern CLIENT_KEY =
      Pattern.compile("[\\x21-\\x7E]{1," + MAX_CLIENT_KEY + "}");

  public CommandContext {
    if (commandId == null || commandId.isBlank()) {
      commandId = TimeOrderedIds.nextText();
    }
    if (commandId.length() > MAX_ID) {
      throw CommandRefused.invalid("A command id has at most " + MAX_ID + " characters.");
    }
    if (correlationId == null || correlationId.isBlank() || correlationId.length() > MAX_ID) {
      correlationId = commandId;
    }
    if (reason != null && reason.length() > Limits.REASON) {
      // stored beside every event of the command, in a column of that width
      throw CommandRefused.invalid("A reason has at most " + Limits.REASON + " characters.");
    }
  }

  /**
   * A command a client sent, with its optional {@code Idempotency-Key}: the key is scoped to the
   * user, {@code c:<user>:<key>} (or, where that would be too long, {@code c:<user>:h:} and a hash
   * of the key). Without a key the command gets a new id.
   *
   * @throws CommandRefused when the key is not 1 to {@value #MAX_CLIENT_KEY} visible ASCII
   *     characters
   */
  public static CommandContext ofClient(
      String idempotencyKey, String correlationId, String principal, String reason) {
    if (idempotencyKey == null) {
      return new CommandContext(null, correlationId, principal, reason);
    }
    if (!CLIENT_KEY.matcher(idempotencyKey).matches()) {
      throw CommandRefused.invalid(
          "An Idempotency-Key is 1 to "
              + MAX_CLIENT_KEY
              + " visible ASCII characters (letters, digits, punctuation; no spaces).");
    }
    String scoped = CLIENT_PREFIX + principal + ":" + idempotencyKey;
    if (scoped.length() > MAX_ID) {
      scoped = CLIENT_PREFIX + principal + ":h:" + sha256Hex(idempotencyKey).substring(0, 30);
    }
    return new CommandContext(scoped, correlationId, principal, reason);
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
