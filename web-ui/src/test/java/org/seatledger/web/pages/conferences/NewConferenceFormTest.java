package org.seatledger.web.pages.conferences;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The slug made from the name when the Slug field is left empty (js/slug.js suggests the same). */
class NewConferenceFormTest {

  @Test
  void theSlugIsTheNameInLowerCaseLettersAndDigitsJoinedByDashes() {
    assertEquals("devconf-2027-lyon", NewConferenceForm.slugOf("DevConf 2027 — Lyon"));
    assertEquals("journees-reseau", NewConferenceForm.slugOf("  Journées Réseau!  "));
    assertEquals("script-alert-1-script", NewConferenceForm.slugOf("<script>alert(1)</script>"));
    assertEquals("", NewConferenceForm.slugOf(null));
  }

  @Test
  void aLongNameGivesASlugOfAtMostSixtyCharactersNotEndingInADash() {
    String slug = NewConferenceForm.slugOf("a".repeat(59) + " b" + "c".repeat(20));
    assertEquals("a".repeat(59), slug);
  }
}
