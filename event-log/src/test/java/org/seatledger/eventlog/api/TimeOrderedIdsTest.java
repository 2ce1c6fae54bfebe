package org.seatledger.eventlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

  @Test
  void anIdIsAVersion7UuidCarryingTheMillisecondItWasMadeIn() {
    long millis = Instant.parse("2027-05-04T09:00:00.123Z").toEpochMilli();
    UUID id = TimeOrderedIds.at(millis);
    assertEquals(7, id.version());
    assertEquals(2, id.variant(), "the RFC's variant");
    assertEquals(millis, TimeOrderedIds.epochMillis(id));
    assertTrue(id.toString().startsWith("01a549e8-6afb-7"), id.toString());
    assertEquals(id, UUID.fromString(id.toString()), "reads back as any UUID does");
  }

  @Test
  void theTextOfIdsSortsByTheMillisecondTheyWereMadeIn() {
    long start = Instant.parse("2026-12-07T00:00:00Z").toEpochMilli();
    List<String> made = new ArrayList<>();
    for (long step : new long[] {0, 1, 2, 255, 256, 65_535, 65_536, 86_400_000L, 1L << 40}) {
      made.add(TimeOrderedIds.at(start + step).toString());
    }
    List<String> sorted = new ArrayList<>(made);
    sorted.sort(null);
    assertEquals(made, sorted);
  }

  @Test
  void idsOfOneMillisecondDifferInTheirRandomBits() {
    long millis = System.currentTimeMillis();
    Set<UUID> ids = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      UUID id = TimeOrderedIds.at(millis);
      assertTrue(ids.add(id), "repeated " + id);
      assertEquals(millis, TimeOrderedIds.epochMillis(id));
    }
    long before = System.currentTimeMillis();
    long made = TimeOrderedIds.epochMillis(TimeOrderedIds.next());
    assertTrue(made >= before && made <= System.currentTimeMillis(), "now: " + made);
  }
}
