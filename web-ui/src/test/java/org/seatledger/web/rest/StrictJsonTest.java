package org.seatledger.web.rest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each way JSON-B alone would store something other than what was sent is refused, with why. */
class StrictJsonTest {

  record Seat(String seatType, String name) {}

  record Body(String name, Map<String, Integer> seats, List<Seat> attendees, BigDecimal price) {}

  @Test
  void whatAClientMeansIsTakenAsItIs() {
    assertDoesNotThrow(
        () ->
            read(
                "{\"name\":\"Ada\\tLovelace\\nLondon\",\"seats\":{\"standard\":2,\"vip\":-1},"
                    + "\"attendees\":[{\"seatType\":\"vip\",\"name\":\"Grace 🌟\"}],"
                    + "\"price\":12.50}"));
    assertDoesNotThrow(() -> read("{\"name\":null,\"price\":1e3}"));
  }

  @Test
  void aWholeNumberMustBeOneAsTyped() {
    assertEquals(
        "Please correct: seats[standard] must be a whole number.",
        refusal("{\"seats\":{\"standard\":1.5}}"));
    assertEquals(
        "Please correct: seats[standard] must be a whole number.",
        refusal("{\"seats\":{\"standard\":\"2\"}}"));
    assertEquals(
        "Please correct: seats[standard] must be a whole number.",
        refusal("{\"seats\":{\"standard\":1e2}}"));
    assertEquals(
        "Please correct: seats[standard] must be a whole number.",
        refusal("{\"seats\":{\"standard\":2.0}}"));
    assertEquals(
        "Please correct: seats[standard] must be a whole number.",
        refusal("{\"seats\":{\"standard\":1e0}}"));
    assertEquals(
        "Please correct: seats[standard] must be a whole number.",
        refusal("{\"seats\":{\"standard\":10E-1}}"));
  }

  @Test
  void otherShapesAreNamedToo() {
    assertEquals("Please correct: price must be a number.", refusal("{\"price\":\"12.50\"}"));
    assertEquals("Please correct: name must be text.", refusal("{\"name\":42}"));
    assertEquals("Please correct: seats must be an object.", refusal("{\"seats\":[1]}"));
    assertEquals(
        "Please correct: attendees[0].name must be text.",
        refusal("{\"attendees\":[{\"seatType\":\"vip\",\"name\":[]}]}"));
    assertEquals("Please correct: the body must be an object.", refusal("[1,2]"));
  }

  @Test
  void unknownFieldsAreRefusedByName() {
    assertEquals(
        "Please correct: colour is not a field of the body; seat is not a field of the body.",
        refusal("{\"name\":\"Ada\",\"seat\":1,\"colour\":\"red\"}"));
    assertEquals(
        "Please correct: attendees[0].email is not a field of attendees[0].",
        refusal("{\"attendees\":[{\"seatType\":\"vip\",\"email\":\"a@b.c\"}]}"));
    assertEquals(
        "Please correct: unused is not a field of the body.", refusal("{\"unused\":null}"));
  }

  @Test
  void aKeyTwiceIsRefused() {
    assertEquals(
        "The request body names 'standard' twice in 'seats'.",
        refusal("{\"seats\":{\"standard\":1,\"standard\":5}}"));
    assertEquals(
        "The request body names 'name' twice in the body.",
        refusal("{\"name\":\"a\",\"name\":\"b\"}"));
  }

  @Test
  void controlCharactersOtherThanTabAndNewlineAreRefused() {
    for (String escaped : List.of("\\u0000", "\\r", "\\u001b", "\\u007f", "\\b")) {
      assertEquals(
          "Text in 'name' holds a control character; only tab and newline are allowed.",
          refusal("{\"name\":\"Ada" + escaped + "\"}"),
          escaped);
    }
    assertEquals(
        "Text in 'name' holds an unpaired surrogate (\\uD800–\\uDFFF).",
        refusal("{\"name\":\"Ada\\ud800\"}"));
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedNotReplaced() {
    byte[] latin1 = "{\"name\":\"Zoë\"}".getBytes(StandardCharsets.ISO_8859_1);
    StrictJson.Refused refused =
        assertThrows(StrictJson.Refused.class, () -> StrictJson.utf8(latin1));
    assertEquals("The request body is not valid UTF-8.", refused.getMessage());
    assertEquals(
        "{\"name\":\"Zoë\"}",
        StrictJson.utf8("{\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void whatIsNotOneJsonValueIsRefused() {
    assertEquals("The request needs a JSON body.", refusal(""));
    assertEquals("The request body is not valid JSON.", refusal("{\"name\":"));
    assertEquals("The request body is not valid JSON.", refusal("{} {}"));
  }

  private static void read(String json) {
    StrictJson.check(StrictJson.parse(json), Body.class);
  }

  private static String refusal(String json) {
    return assertThrows(
            StrictJson.Refused.class, () -> StrictJson.check(StrictJson.parse(json), Body.class))
        .getMessage();
  }
}
