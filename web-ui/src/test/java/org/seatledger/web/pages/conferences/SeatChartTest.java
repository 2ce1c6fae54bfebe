package org.seatledger.web.pages.conferences;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seatledger.reporting.api.ReportingQueries.SeatTypeCount;
import org.seatledger.web.pages.conferences.SeatChart.Bar;

/** The dashboard's bars: sold, held, available side by side, scaled to the largest capacity. */
class SeatChartTest {

  @Test
  void theLargestCapacityFillsTheWidthAndTheOthersTheirShare() {
    SeatChart chart =
        SeatChart.of(List.of(count("standard", 100, 20, 30), count("vip", 10, 0, 10)));
    Bar standard = chart.bars().get(0);
    assertEquals(SeatChart.LABEL_WIDTH, standard.soldX());
    assertEquals(156, standard.soldWidth(), "30 of 100 sold");
    assertEquals(standard.soldX() + 156, standard.heldX());
    assertEquals(104, standard.heldWidth(), "20 of 100 held");
    assertEquals(260, standard.freeWidth(), "50 of 100 available");
    assertEquals(
        SeatChart.BAR_AREA, standard.soldWidth() + standard.heldWidth() + standard.freeWidth());
    Bar vip = chart.bars().get(1);
    assertEquals(52, vip.soldWidth(), "sold out, a tenth of the largest");
    assertEquals(0, vip.freeWidth());
    assertEquals("VIP: 10 sold, 0 held, 0 available of 10", vip.summary());
    assertEquals(standard.y() + SeatChart.ROW, vip.y());
  }

  @Test
  void noSeatTypesDrawAnEmptyChart() {
    assertEquals(List.of(), SeatChart.of(List.of()).bars());
  }

  private static SeatTypeCount count(String code, int capacity, int held, int sold) {
    return new SeatTypeCount(
        code,
        code.equals("vip") ? "VIP" : "Standard",
        capacity,
        held,
        sold,
        capacity - held - sold,
        BigDecimal.TEN,
        "EUR");
  }
}
