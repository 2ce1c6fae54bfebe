package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The binder that replaces JSON-B on the read path must give the very record JSON-B gives for what
 * JSON-B wrote, and step aside (empty) wherever JSON-B's own rules or its error must decide.
 */
public class RecordBinderTest {

  private static final Jsonb JSONB = JsonbBuilder.create();

  public record Seat(String type, int quantity) {}

  public record Everything(
      String id,
      int count,
      long position,
      Long maybe,
      Integer boxed,
      boolean flag,
      Boolean boxedFlag,
      BigDecimal amount,
      Instant at,
      LocalDate on,
      Map<String, Integer> seats,
      List<String> names,
      List<Seat> nested,
      Seat one) {}

  public record Checked(String id, int quantity) {
    public Checked {
      if (quantity <= 0) {
        throw new IllegalArgumentException("quantity must be positive");
      }
    }
  }

  public record Unknown(String id, java.util.UUID other) {}

  /** Binds the text and its parsed tree: both ways must give the same answer. */
  private static Optional<Object> bind(String json, Class<?> type) {
    Optional<Object> fromTree = RecordBinder.bind(EventSerializer.parse(json), type);
    assertEquals(fromTree, RecordBinder.bind(json, type), "the text binds as its tree: " + json);
    return fromTree;
  }

  @Test
  public void whatJsonbWroteBindsToTheRecordJsonbReads() {
    Everything written =
        new Everything(
            "e-1",
            3,
            9_000_000_000L,
            null,
            7,
            true,
            false,
            new BigDecimal("398.50"),
            Instant.parse("2026-03-01T10:15:30.123456Z"),
            LocalDate.parse("2026-05-04"),
            Map.of("standard", 2, "vip", 1),
            List.of("a", "b"),
            List.of(new Seat("vip", 1), new Seat("standard", 4)),
            new Seat("x", 0));
    String json = JSONB.toJson(written);
    Object bound = bind(json, Everything.class).orElseThrow();
    assertEquals(JSONB.fromJson(json, Everything.class), bound);
    assertEquals(written, bound);
    // the scale of an amount is kept, as JSON-B keeps it (398.50, not 398.5)
    assertEquals("398.50", ((Everything) bound).amount().toPlainString());
  }

  @Test
  public void nullsBindAsJsonbBindsThem() {
    String json =
        "{\"id\":null,\"count\":1,\"position\":2,\"maybe\":null,\"boxed\":null,\"flag\":false,"
            + "\"boxedFlag\":null,\"amount\":null,\"at\":null,\"on\":null,\"seats\":null,"
            + "\"names\":null,\"nested\":null,\"one\":null}";
    assertEquals(JSONB.fromJson(json, Everything.class), bind(json, Everything.class).get());
  }

  @Test
  public void aComponentJsonbLeftOutAsNullReadsAsNull() {
    String json = "{\"count\":1,\"position\":2,\"flag\":true}";
    assertEquals(JSONB.fromJson(json, Everything.class), bind(json, Everything.class).get());
  }

  @Test
  public void aShapeTheBinderIsNotSureOfIsLeftToJsonb() {
    // a number missing, a number as text, a fraction for an int, a number beyond an int
    assertTrue(bind("{\"id\":\"c\"}", Checked.class).isEmpty());
    assertTrue(bind("{\"id\":\"c\",\"quantity\":\"2\"}", Checked.class).isEmpty());
    assertTrue(bind("{\"id\":\"c\",\"quantity\":2.5}", Checked.class).isEmpty());
    assertTrue(bind("{\"id\":\"c\",\"quantity\":3000000000}", Checked.class).isEmpty());
    assertTrue(bind("{\"id\":5,\"quantity\":2}", Checked.class).isEmpty());
    // a component type it does not know
    assertFalse(RecordBinder.binds(Unknown.class));
    assertTrue(bind("{\"id\":\"c\",\"other\":null}", Unknown.class).isEmpty());
  }

  @Test
  public void membersTheRecordDoesNotHaveAreIgnoredAsJsonbIgnoresThem() {
    String json =
        "{\"extra\":{\"a\":[1,{\"b\":null}]},\"id\":\"c\",\"more\":[[],{}],\"quantity\":2,"
            + "\"last\":true}";
    assertEquals(JSONB.fromJson(json, Checked.class), bind(json, Checked.class).get());
  }

  @Test
  public void textThatIsNotOneJsonObjectIsLeftToJsonb() {
    assertTrue(RecordBinder.bind("not json", Checked.class).isEmpty());
    assertTrue(RecordBinder.bind("[1, 2]", Checked.class).isEmpty());
    assertTrue(RecordBinder.bind("{\"id\":\"c\",\"quantity\":2} {}", Checked.class).isEmpty());
    assertTrue(RecordBinder.bind("{\"id\":\"c\",\"quantity\":2", Checked.class).isEmpty());
  }

  @Test
  public void aRecordThatRefusesItsValuesIsLeftToJsonbWhichFailsAsBefore() {
    String json = "{\"id\":\"c\",\"quantity\":0}";
    assertTrue(bind(json, Checked.class).isEmpty());
    assertThrows(JsonbException.class, () -> JSONB.fromJson(json, Checked.class));
    assertEquals(
        new Checked("c", 2),
        bind("{\"id\":\"c\",\"quantity\":2,\"extra\":[1]}", Checked.class).get());
  }
}
