package org.seatledger.booking.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Client command ids live in the client's own corner of the namespace the server owns. */
class CommandContextTest {

  @Test
  void aClientsKeyIsScopedToItsUser() {
    CommandContext sam = CommandContext.ofClient("order-17", null, "sam", null);
    CommandContext kim = CommandContext.ofClient("order-17", null, "kim", null);

    assertEquals("c:sam:order-17", sam.commandId());
    assertNotEquals(sam.commandId(), kim.commandId(), "one user's key never replays another's");
    assertEquals(
        sam.commandId(), CommandContext.ofClient("order-17", null, "sam", null).commandId());
  }

  @Test
  void noClientKeyCanBecomeAnIdTheServerMakes() {
    for (String serverMade : List.of("expire-b-1", "erase-s-1", "expiry-round")) {
      String id = CommandContext.ofClient(serverMade, null, "sam", null).commandId();
      assertTrue(id.startsWith(CommandContext.CLIENT_PREFIX), id);
      assertNotEquals(serverMade, id);
    }
    String fresh = CommandContext.ofClient(null, null, "sam", null).commandId();
    assertTrue(!fresh.startsWith(CommandContext.CLIENT_PREFIX), "new ids are not client ids");
  }

  @Test
  void aLongUserAndKeyAreHashedIntoTheColumnAndStayTheSame() {
    String user = "u".repeat(64);
    String key = "k".repeat(64);
    String id = CommandContext.ofClient(key, null, user, null).commandId();

    assertTrue(id.length() <= 100, id);
    assertTrue(id.startsWith("c:" + user + ":h:"), id);
    assertEquals(id, CommandContext.ofClient(key, null, user, null).commandId());
    assertNotEquals(
        id, CommandContext.ofClient("k".repeat(63) + "j", null, user, null).commandId());
  }

  @Test
  void keysThatAreNotVisibleAsciiAreRefusedWithASentence() {
    for (String bad : List.of("", "with space", "tab\t", "ümlaut", "k".repeat(65), "nul\0")) {
      CommandRefused refused =
          assertThrows(
              CommandRefused.class, () -> CommandContext.ofClient(bad, null, "sam", null), bad);
      assertEquals(CommandRefused.Kind.INVALID, refused.kind());
      assertTrue(refused.getMessage().startsWith("An Idempotency-Key is 1 to 64"));
    }
  }
}
