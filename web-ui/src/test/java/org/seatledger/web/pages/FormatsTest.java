package org.seatledger.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Money, dates and moments as every page writes them. */
class FormatsTest {

  private final Formats formats = new Formats();

  @Test
  void moneyIsGroupedWithItsCurrencysDecimalsAndCode() {
    assertEquals("1,250.00 EUR", formats.money(new BigDecimal("1250"), "EUR"));
    assertEquals("900.50 EUR", formats.money(new BigDecimal("900.5"), "EUR"));
    assertEquals("12,000 JPY", formats.money(new BigDecimal("12000"), "JPY"));
    assertEquals("0.125 BHD", formats.money(new BigDecimal("0.125"), "BHD"));
    assertEquals("", formats.money(null, "EUR"));
  }

  @Test
  void daysAreCalendarDaysAndARangeOfOneDayIsThatDay() {
    LocalDate may4 = LocalDate.parse("2027-05-04");
    assertEquals("4 May 2027", formats.day(may4));
    assertEquals("4 May 2027 – 6 May 2027", formats.days(may4, may4.plusDays(2)));
    assertEquals("4 May 2027", formats.days(may4, may4));
  }

  @Test
  void aMomentNamesItsZone() {
    Instant moment = Instant.parse("2027-05-04T09:15:30Z");
    assertEquals("4 May 2027, 09:15:30 UTC", formats.moment(moment));
    assertEquals("2027-05-04T09:15:30Z", formats.iso(moment));
  }
}
