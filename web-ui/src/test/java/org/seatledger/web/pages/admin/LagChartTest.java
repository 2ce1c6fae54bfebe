package org.seatledger.web.pages.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The read-models page's lag chart: the last minutes kept, each line scaled to its own maximum. */
class LagChartTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final Duration WINDOW = Duration.ofMinutes(10);

  @Test
  void eachLineIsScaledToItsOwnLargestValueAndNowIsTheRightEdge() {
    LagChart chart =
        LagChart.of(
            List.of(
                new LagHistory.Sample(NOW.minus(WINDOW), 0, 0),
                new LagHistory.Sample(NOW.minus(WINDOW.dividedBy(2)), 200, 1_500),
                new LagHistory.Sample(NOW, 50, 3_000)),
            NOW,
            WINDOW);
    int bottom = LagChart.HEIGHT - LagChart.PAD;
    int top = LagChart.PAD;
    double quarter = bottom - (bottom - top) * 0.25;
    assertEquals("0.0," + bottom + ".0 80.0," + top + ".0 160.0," + quarter, chart.eventPoints());
    assertEquals(
        "0.0," + bottom + ".0 80.0," + (bottom + top) / 2.0 + " 160.0," + top + ".0",
        chart.timePoints());
    assertEquals("max 200 events, 3 s", chart.getCaption());
    assertEquals(200, chart.maxEvents());
    assertEquals(3_000, chart.maxMillis());
    assertEquals(
        "Lag over the last 10 minutes (3 samples): at most 200 events and 3 s behind; now 50.",
        chart.summary());
  }

  @Test
  void samplesOlderThanTheWindowAreLeftOutAndNoLagIsAFlatLine() {
    LagChart chart =
        LagChart.of(
            List.of(
                new LagHistory.Sample(NOW.minus(Duration.ofMinutes(11)), 900, 9_000),
                new LagHistory.Sample(NOW.minusSeconds(5), 0, 0),
                new LagHistory.Sample(NOW, 0, 0)),
            NOW,
            WINDOW);
    assertEquals(2, chart.samples());
    assertEquals(0, chart.maxEvents(), "the old peak is out of the window");
    assertEquals("158.7,45.0 160.0,45.0", chart.eventPoints(), "flat on the baseline");
  }

  @Test
  void withoutSamplesThereIsNoLineAndTheChartSaysSo() {
    LagChart chart = LagChart.of(List.of(), NOW, WINDOW);
    assertEquals("", chart.eventPoints());
    assertEquals("No lag samples yet.", chart.summary());
  }

  @Test
  void theHistoryKeepsTheNewestSamplesOfEachProjection() {
    LagHistory history = new LagHistory(3);
    for (int i = 1; i <= 5; i++) {
      history.add("reporting.bookings", new LagHistory.Sample(NOW.plusSeconds(i), i, 0));
    }
    history.add("audit.trail", new LagHistory.Sample(NOW, 7, 0));
    assertEquals(
        List.of(3L, 4L, 5L),
        history.samples("reporting.bookings").stream().map(LagHistory.Sample::lagEvents).toList(),
        "the oldest dropped, oldest first");
    assertEquals(1, history.samples("audit.trail").size());
    assertEquals(List.of(), history.samples("reporting.stats"));
  }
}
