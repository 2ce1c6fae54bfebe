package org.seatledger.eventlog.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The per-stream hash chain: {@code hash = SHA-256(previous hash ‖ canonical bytes of the event)}.
 *
 * <p>The canonical bytes are the stored fields in a fixed order, each as its UTF-8 bytes behind a
 * four-byte length ({@code -1} for none). They do not depend on a JSON library's formatting, so a
 * chain written today verifies with any later version of the code. The payload is hashed as stored
 * — personal data in it is ciphertext — so erasing a person's key changes nothing that is hashed.
 * The global position is covered too: moving or swapping rows breaks the chain.
 */
final class HashChain {

  /** The "previous hash" of a stream's first event. */
  static final String GENESIS = "0".repeat(64);

  private static final String FORMAT = "seatledger-event-v1";

  private HashChain() {}

  /** The fields of an event that its hash covers. */
  record Link(
      long globalPosition,
      String eventId,
      String streamId,
      String streamType,
      long streamVersion,
      String eventType,
      int schemaVersion,
      String payload,
      long recordedAtMicros,
      String recordedBy,
      String commandId,
      String correlationId,
      String causationId,
      String reason) {}

  static String hash(String previousHash, Link link) {
    Canonical bytes = new Canonical();
    bytes.add(FORMAT);
    bytes.add(previousHash);
    bytes.add(Long.toString(link.globalPosition()));
    bytes.add(link.eventId());
    bytes.add(link.streamId());
    bytes.add(link.streamType());
    bytes.add(Long.toString(link.streamVersion()));
    bytes.add(link.eventType());
    bytes.add(Integer.toString(link.schemaVersion()));
    bytes.add(link.payload());
    bytes.add(Long.toString(link.recordedAtMicros()));
    bytes.add(link.recordedBy());
    bytes.add(link.commandId());
    bytes.add(link.correlationId());
    bytes.add(link.causationId());
    bytes.add(link.reason());
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java runtime has SHA-256", impossible);
    }
  }

  private static final class Canonical extends ByteArrayOutputStream {
    void add(String field) {
      if (field == null) {
        writeLength(-1);
        return;
      }
      byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
      writeLength(utf8.length);
      writeBytes(utf8);
    }

    private void writeLength(int length) {
      write(length >>> 24);
      write(length >>> 16);
      write(length >>> 8);
      write(length);
    }
  }
}
