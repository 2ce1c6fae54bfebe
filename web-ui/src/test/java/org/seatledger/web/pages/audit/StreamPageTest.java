package org.seatledger.web.pages.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seatledger.audit.api.AuditQueries.FieldChange;
import org.seatledger.web.pages.audit.StreamPage.Pair;

/** Two states side by side: every field of either, the differing ones marked. */
class StreamPageTest {

  @Test
  void everyFieldOfEitherStateIsShownAndTheChangedOnesAreMarked() {
    JsonObject held =
        Json.createObjectBuilder().add("status", "HELD").add("registrant", "[erased]").build();
    JsonObject confirmed =
        Json.createObjectBuilder()
            .add("status", "CONFIRMED")
            .add("registrant", "[erased]")
            .add("paymentReference", "PAY-1")
            .build();
    List<Pair> pairs =
        StreamPage.pairs(
            held,
            confirmed,
            List.of(
                new FieldChange("status", "HELD", "CONFIRMED"),
                new FieldChange("paymentReference", null, "PAY-1")));
    assertEquals(
        List.of(
            new Pair("status", "HELD", "CONFIRMED", true),
            new Pair("registrant", "[erased]", "[erased]", false),
            new Pair("paymentReference", "—", "PAY-1", true)),
        pairs);
  }

  @Test
  void aStateThatDidNotExistYetShowsDashes() {
    JsonObject placed = Json.createObjectBuilder().add("status", "HELD").build();
    assertEquals(
        List.of(new Pair("status", "—", "HELD", true)),
        StreamPage.pairs(null, placed, List.of(new FieldChange("status", null, "HELD"))));
  }
}
