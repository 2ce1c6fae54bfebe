package org.seatledger.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The page addresses with an id inside: which view serves them, and which do not exist. */
class PageAddressesTest {

  private static final String ID = "7d31d546-7dd2-3ab3-baaf-191c54bb5ff9";

  @Test
  void eachAddressWithAnIdIsServedByItsViewWithTheIdAsParameter() {
    assertEquals(
        Optional.of("/conferences/conference.xhtml?id=" + ID),
        PageAddresses.target("/conferences/" + ID));
    assertEquals(
        Optional.of("/conferences/dashboard.xhtml?id=" + ID),
        PageAddresses.target("/conferences/" + ID + "/dashboard"));
    assertEquals(
        Optional.of("/conferences/book.xhtml?id=" + ID),
        PageAddresses.target("/conferences/" + ID + "/book"));
    assertEquals(
        Optional.of("/bookings/booking.xhtml?id=" + ID), PageAddresses.target("/bookings/" + ID));
    assertEquals(
        Optional.of("/audit/stream.xhtml?id=booking-" + ID),
        PageAddresses.target("/audit/streams/booking-" + ID));
    assertEquals(
        Optional.of("/audit/correlation.xhtml?id=" + ID),
        PageAddresses.target("/audit/correlations/" + ID));
  }

  @Test
  void addressesWithoutAnIdAreLeftToTheirOwnViews() {
    assertEquals(Optional.empty(), PageAddresses.target("/conferences"));
    assertEquals(Optional.empty(), PageAddresses.target("/conferences/new"));
    assertEquals(Optional.empty(), PageAddresses.target("/bookings"));
    assertEquals(Optional.empty(), PageAddresses.target("/holds"));
    assertEquals(Optional.empty(), PageAddresses.target("/audit/search"));
    assertEquals(Optional.empty(), PageAddresses.target("/audit/integrity"));
    assertEquals(Optional.empty(), PageAddresses.target("/audit/streams/"));
    assertEquals(
        Optional.of("/conferences/conference.xhtml?id=newer"),
        PageAddresses.target("/conferences/newer"),
        "only 'new' itself is the form");
  }

  @Test
  void nothingElseIsRouted() {
    assertEquals(Optional.empty(), PageAddresses.target("/conferences/" + ID + "/other"));
    assertEquals(Optional.empty(), PageAddresses.target("/conferences/a/b/dashboard"));
    assertEquals(Optional.empty(), PageAddresses.target("/conferences/conference.xhtml"));
    assertEquals(Optional.empty(), PageAddresses.target("/conferences/%2e%2e"));
    assertEquals(Optional.empty(), PageAddresses.target("/bookings/"));
  }

  @Test
  void theViewsBehindTheRoutesAreKnownSoTheyCanBeRefusedAsAddresses() {
    assertTrue(PageAddresses.isRoutedView("/conferences/dashboard.xhtml"));
    assertTrue(PageAddresses.isRoutedView("/bookings/booking.xhtml"));
    assertFalse(PageAddresses.isRoutedView("/conferences/new.xhtml"));
    assertFalse(PageAddresses.isRoutedView("/conferences.xhtml"));
  }
}
