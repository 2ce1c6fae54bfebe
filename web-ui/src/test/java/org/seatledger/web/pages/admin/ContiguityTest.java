package org.seatledger.web.pages.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContiguityTest {

  @Test
  void positionsOneByOneFromTheFirstAreContiguous() {
    Contiguity check = new Contiguity();
    for (long p = 1; p <= 5; p++) {
      assertTrue(check.next(p));
    }
    assertEquals(
        new Contiguity.Result(true, 5, 5, null, "Positions 1 to 5 are all there, once each."),
        check.result());
  }

  @Test
  void aHoleIsReportedAtThePositionAfterIt() {
    Contiguity check = new Contiguity();
    check.next(1);
    check.next(2);
    assertFalse(check.next(5));
    assertFalse(check.next(6), "nothing more is taken after a problem");
    assertEquals(
        new Contiguity.Result(false, 3, 2, 5L, "Positions 3 to 4 are missing before 5."),
        check.result());
  }

  @Test
  void aRepeatOrAMissingFirstPositionIsAProblem() {
    Contiguity repeat = new Contiguity();
    repeat.next(1);
    repeat.next(2);
    repeat.next(2);
    assertEquals("Position 2 comes again after 2.", repeat.result().sentence());

    Contiguity late = new Contiguity();
    late.next(2);
    assertEquals(2L, late.result().firstProblem());
    assertEquals("The log is empty.", new Contiguity().result().sentence());
  }

  @Test
  void aCheckGoesOnWhereAnEarlierOneEnded() {
    Contiguity check = new Contiguity(100);
    assertTrue(check.next(101));
    assertTrue(check.next(102));
    assertEquals(
        new Contiguity.Result(true, 2, 102, null, "Positions 1 to 102 are all there, once each."),
        check.result());
    Contiguity gap = new Contiguity(100);
    assertFalse(gap.next(103));
    assertEquals("Positions 101 to 102 are missing before 103.", gap.result().sentence());
  }
}
