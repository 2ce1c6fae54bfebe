package org.seatledger.audit.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seatledger.audit.api.AuditQueries.ChainCommand;
import org.seatledger.audit.api.AuditQueries.Entry;

/** The pure parts of search and of causation chains. */
class TrailSearchTest {

  @Test
  void freeTextIsLookedForInLowerCaseWithEveryCharacterTakenLiterally() {
    assertEquals("held for", TrailSearch.needle("Held for"));
    assertEquals("50% off_x!", TrailSearch.needle("50% OFF_x!"));
    assertNull(TrailSearch.needle("  "));
    assertNull(TrailSearch.needle(null));
  }

  @Test
  void aChainGroupsEventsByTheCommandThatAppendedThem() {
    List<ChainCommand> commands =
        CausationChains.commands(
            List.of(
                entry(10, "booking-b1", "place-1"),
                entry(11, "seats-c1", "place-1"),
                entry(15, "booking-b1", "confirm-1")));

    assertEquals(
        List.of("place-1", "confirm-1"), commands.stream().map(ChainCommand::commandId).toList());
    assertEquals(
        List.of(10L, 11L), commands.get(0).events().stream().map(e -> e.globalPosition()).toList());
    assertEquals("sam", commands.get(0).recordedBy());
  }

  private static Entry entry(long position, String stream, String command) {
    return new Entry(
        position,
        stream,
        "Booking",
        1,
        "BookingPlaced",
        Instant.EPOCH,
        "sam",
        "summary",
        null,
        command,
        "corr-1",
        command);
  }
}
