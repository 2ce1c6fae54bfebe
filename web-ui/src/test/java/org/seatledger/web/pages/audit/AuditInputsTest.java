package org.seatledger.web.pages.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.seatledger.audit.api.AuditQueries.Point;

/** What the auditor pages read from their addresses, and the sentence for what they cannot. */
class AuditInputsTest {

  @Test
  void aMomentIsAnInstantOrADateTimeLocalValueReadAsUtc() {
    Instant at = Instant.parse("2027-05-04T09:00:00Z");
    assertEquals(Optional.of(at), AuditInputs.moment("2027-05-04T09:00:00Z", "asOf"));
    assertEquals(Optional.of(at), AuditInputs.moment("2027-05-04T09:00", "asOf"));
    assertEquals(Optional.of(at), AuditInputs.moment(" 2027-05-04T09:00:00 ", "asOf"));
    assertEquals(Optional.empty(), AuditInputs.moment("  ", "asOf"));
    AuditInputs.Refused refused =
        assertThrows(AuditInputs.Refused.class, () -> AuditInputs.moment("yesterday", "asOf"));
    assertEquals(
        "asOf: 'yesterday' is not a moment; give a date and time such as 2027-05-04T09:00 (UTC).",
        refused.getMessage());
  }

  @Test
  void aVersionIsAWholeNumber() {
    assertEquals(Optional.of(7L), AuditInputs.version("7", "version"));
    assertEquals(Optional.empty(), AuditInputs.version(null, "version"));
    assertEquals(
        "version: '-1' is not a version (0, 1, 2, …).",
        assertThrows(AuditInputs.Refused.class, () -> AuditInputs.version("-1", "version"))
            .getMessage());
    assertThrows(
        AuditInputs.Refused.class, () -> AuditInputs.version("99999999999999999999", "version"));
  }

  @Test
  void twoPointsAreVersionsOrMomentsSeparatedByAComma() {
    Point[] pair = AuditInputs.pair("2, 2027-05-04T09:00", "compare").orElseThrow();
    assertEquals(Point.version(2), pair[0]);
    assertEquals(Point.asOf(Instant.parse("2027-05-04T09:00:00Z")), pair[1]);
    assertEquals(Optional.empty(), AuditInputs.pair("", "compare"));
    assertThrows(AuditInputs.Refused.class, () -> AuditInputs.pair("3", "compare"));
    assertThrows(AuditInputs.Refused.class, () -> AuditInputs.pair("3,", "compare"));
    assertThrows(AuditInputs.Refused.class, () -> AuditInputs.pair("1,2,3", "compare"));
  }

  @Test
  void valuesAreShownAsAPersonReadsThem() {
    assertEquals("—", AuditInputs.shown(null));
    assertEquals("—", AuditInputs.shown(jakarta.json.JsonValue.NULL));
    assertEquals("HELD", AuditInputs.shown(Json.createValue("HELD")));
    assertEquals("[erased]", AuditInputs.shown("[erased]"));
    assertEquals("50.00", AuditInputs.shown(new BigDecimal("50.00")));
    assertEquals("{\"a\":1}", AuditInputs.shown(Json.createObjectBuilder().add("a", 1).build()));
  }
}
