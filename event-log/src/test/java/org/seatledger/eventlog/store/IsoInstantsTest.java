package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Instants read without the formatter must be the very instants {@link Instant#parse} reads, and
 * every text it would refuse is still refused by it.
 */
class IsoInstantsTest {

  @Test
  void everyInstantAsJsonbWritesItReadsAsInstantParseReadsIt() {
    Random random = new Random(20);
    long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      long second = first + (long) (random.nextDouble() * (last - first));
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      String text = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(second, nanos));
      assertEquals(Instant.parse(text), IsoInstants.parse(text), text);
    }
  }

  @Test
  void fractionsOfAnyLengthAndTheEdgesOfDaysReadAsInstantParseReadsThem() {
    for (String text :
        List.of(
            "2026-03-01T10:15:30.1Z",
            "2026-03-01T10:15:30.12Z",
            "2026-03-01T10:15:30.1234Z",
            "2026-03-01T10:15:30.12345Z",
            "2026-03-01T10:15:30.1234567Z",
            "2026-03-01T10:15:30.12345678Z",
            "2026-03-01T10:15:30.000000001Z",
            "2026-03-01T10:15:30.000Z",
            "2024-02-29T23:59:59.999999999Z",
            "2000-02-29T00:00:00Z",
            "1969-12-31T23:59:59Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z")) {
      assertEquals(Instant.parse(text), IsoInstants.parse(text), text);
    }
  }

  @Test
  void whatInstantParseRefusesIsStillRefusedAndWhatElseItReadsIsReadByIt() {
    for (String text :
        List.of(
            "2026-02-29T10:15:30Z",
            "2026-13-01T10:15:30Z",
            "2026-04-31T10:15:30Z",
            "2026-03-01T10:60:00Z",
            "2026-03-01T10:15:30.1234567890Z",
            "2026-03-01 10:15:30Z",
            "2026-03-01T10:15Z",
            "2026-0a-01T10:15:30Z",
            "2026-03-01T10:15:30",
            "")) {
      assertThrows(DateTimeParseException.class, () -> Instant.parse(text), text);
      assertThrows(DateTimeParseException.class, () -> IsoInstants.parse(text), text);
    }
    for (String text :
        List.of(
            "2026-03-01T10:15:30+01:00",
            "+12026-03-01T10:15:30Z",
            "2026-03-01t10:15:30z",
            "2026-03-01T10:15:30.1z",
            "2026-03-01T10:15:30.Z",
            "2026-03-01T24:00:00Z",
            "2016-12-31T23:59:60Z")) {
      assertEquals(Instant.parse(text), IsoInstants.parse(text), text);
    }
  }
}
