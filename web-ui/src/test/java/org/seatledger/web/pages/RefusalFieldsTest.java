package org.seatledger.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which field a refusal's sentence is shown next to. */
class RefusalFieldsTest {

  private final RefusalFields fields =
      RefusalFields.of()
          .when("slug", "slug")
          .when("cannot end", "endsOn")
          .when(Pattern.compile("only .*?'([^']+)' left"), m -> "seats_" + m.group(1))
          .when("\\bname\\b", "name");

  @Test
  void theFirstRuleFoundInTheSentenceNamesTheField() {
    assertEquals(
        Optional.of("slug"), fields.fieldOf("The slug 'devconf' is taken by another conference."));
    assertEquals(
        Optional.of("endsOn"),
        fields.fieldOf("A conference cannot end (2027-05-04) before it starts (2027-05-06)."));
    assertEquals(Optional.of("name"), fields.fieldOf("The Name is required."), "any case");
  }

  @Test
  void aRuleCanNameTheFieldFromTheSentence() {
    assertEquals(
        Optional.of("seats_standard"),
        fields.fieldOf("Not enough seats left: only 3 'standard' left."));
  }

  @Test
  void aSentenceNoRuleMatchesGoesToTheSummaryOnly() {
    assertEquals(Optional.empty(), fields.fieldOf("There is no such conference."));
    assertEquals(Optional.empty(), fields.fieldOf("The renamed venue is refused."));
    assertEquals(Optional.empty(), RefusalFields.of().fieldOf("The slug is taken."));
    assertEquals(Optional.empty(), fields.fieldOf(null));
  }
}
