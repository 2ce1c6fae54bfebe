package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class HashChainTest {

  private static final HashChain.Link LINK =
      new HashChain.Link(
          7,
          "6f1c1a51-9f43-4f1b-8d53-2c8a3f0f3b11",
          "booking-1",
          "Booking",
          3,
          "SeatsReserved",
          2,
          "{\"bookingId\":\"b-1\"}",
          1_700_000_000_123_456L,
          "sam",
          "cmd-1",
          "corr-1",
          "cmd-1",
          null);

  /**
   * The canonical form is part of the stored data's meaning: a hash written today must verify with
   * every later version of the code. If this golden value changes, old logs stop verifying.
   */
  @Test
  void theCanonicalFormIsStable() {
    assertEquals(
        "5dad4a6ae06fd3a6d4920233f8a548502a54bf20f1595db91ed0736e839285dc",
        HashChain.hash(HashChain.GENESIS, LINK));
  }

  @Test
  void everyFieldAndThePreviousHashCount() {
    String original = HashChain.hash(HashChain.GENESIS, LINK);
    assertNotEquals(original, HashChain.hash("1".repeat(64), LINK));
    assertNotEquals(
        original, HashChain.hash(HashChain.GENESIS, withPayload("{\"bookingId\":\"b-2\"}")));
    assertNotEquals(original, HashChain.hash(HashChain.GENESIS, withReason("")));
    HashChain.Link moved =
        new HashChain.Link(
            8,
            LINK.eventId(),
            LINK.streamId(),
            LINK.streamType(),
            LINK.streamVersion(),
            LINK.eventType(),
            LINK.schemaVersion(),
            LINK.payload(),
            LINK.recordedAtMicros(),
            LINK.recordedBy(),
            LINK.commandId(),
            LINK.correlationId(),
            LINK.causationId(),
            LINK.reason());
    assertNotEquals(original, HashChain.hash(HashChain.GENESIS, moved), "the position is covered");
  }

  @Test
  void fieldBoundariesCannotBeShifted() {
    HashChain.Link a = withIds("ab", "c");
    HashChain.Link b = withIds("a", "bc");
    assertNotEquals(HashChain.hash(HashChain.GENESIS, a), HashChain.hash(HashChain.GENESIS, b));
  }

  private static HashChain.Link withPayload(String payload) {
    return new HashChain.Link(
        LINK.globalPosition(),
        LINK.eventId(),
        LINK.streamId(),
        LINK.streamType(),
        LINK.streamVersion(),
        LINK.eventType(),
        LINK.schemaVersion(),
        payload,
        LINK.recordedAtMicros(),
        LINK.recordedBy(),
        LINK.commandId(),
        LINK.correlationId(),
        LINK.causationId(),
        LINK.reason());
  }

  private static HashChain.Link withReason(String reason) {
    return new HashChain.Link(
        LINK.globalPosition(),
        LINK.eventId(),
        LINK.streamId(),
        LINK.streamType(),
        LINK.streamVersion(),
        LINK.eventType(),
        LINK.schemaVersion(),
        LINK.payload(),
        LINK.recordedAtMicros(),
        LINK.recordedBy(),
        LINK.commandId(),
        LINK.correlationId(),
        LINK.causationId(),
        reason);
  }

  private static HashChain.Link withIds(String commandId, String correlationId) {
    return new HashChain.Link(
        LINK.globalPosition(),
        LINK.eventId(),
        LINK.streamId(),
        LINK.streamType(),
        LINK.streamVersion(),
        LINK.eventType(),
        LINK.schemaVersion(),
        LINK.payload(),
        LINK.recordedAtMicros(),
        LINK.recordedBy(),
        commandId,
        correlationId,
        LINK.causationId(),
        LINK.reason());
  }
}
