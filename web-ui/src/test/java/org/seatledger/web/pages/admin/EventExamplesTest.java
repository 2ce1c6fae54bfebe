package org.seatledger.web.pages.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.seatledger.web.security.UserEvent;

/** The catalogue's examples are the golden fixtures the build puts beside the event types. */
class EventExamplesTest {

  @Test
  void anExampleIsItsTypesGoldenFixtureIndented() {
    assertEquals(
        Optional.of("{\n    \"roles\": [\n        \"staff\"\n    ],\n    \"username\": \"sam\"\n}"),
        EventExamples.of(UserEvent.UserCreated.class, "UserCreated", 1));
  }

  @Test
  void aVersionWithoutAFixtureHasNoExample() {
    assertEquals(Optional.empty(), EventExamples.of(UserEvent.UserCreated.class, "UserCreated", 2));
  }
}
