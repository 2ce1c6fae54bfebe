package org.seatledger.web.pages.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A projection's lag over the last minutes as a small line chart, laid out on the server so the
 * page draws it as SVG without a script: one line for the lag in events and one for the lag in
 * time, each scaled to its own largest value in the window (both are zero most of the time; what
 * matters is when and how long they rose). Time runs left to right, the right edge is now.
 *
 * @param eventPoints the SVG {@code points} of the events line ("" when there are no samples)
 * @param timePoints the SVG {@code points} of the time line
 * @param maxEvents the largest lag in events in the window
 * @param maxMillis the largest lag in time in the window, in milliseconds
 * @param samples how many samples the window holds
 * @param summary the chart in words, for screen readers and as its tooltip
 */
public record LagChart(
    String eventPoints,
    String timePoints,
    long maxEvents,
    long maxMillis,
    int samples,
    String summary) {

  public static final int WIDTH = 160;
  public static final int HEIGHT = 48;

  /** Room above and below the lines, so a line at zero or at the top stays visible. */
  static final int PAD = 3;

  static LagChart of(List<LagHistory.Sample> samples, Instant now, Duration window) {
    long maxEvents = 0;
    long maxMillis = 0;
    Instant from = now.minus(window);
    StringBuilder events = new StringBuilder();
    StringBuilder time = new StringBuilder();
    List<LagHistory.Sample> shown =
        samples.stream().filter(s -> !s.at().isBefore(from) && !s.at().isAfter(now)).toList();
    for (LagHistory.Sample s : shown) {
      maxEvents = Math.max(maxEvents, s.lagEvents());
      maxMillis = Math.max(maxMillis, s.lagMillis());
    }
    for (LagHistory.Sample s : shown) {
      double x = (double) Duration.between(from, s.at()).toMillis() * WIDTH / window.toMillis();
      point(events, x, y(s.lagEvents(), maxEvents));
      point(time, x, y(s.lagMillis(), maxMillis));
    }
    String summary =
        shown.isEmpty()
            ? "No lag samples yet."
            : "Lag over the last "
                + window.toMinutes()
                + " minutes ("
                + shown.size()
                + " samples): at most "
                + maxEvents
                + (maxEvents == 1 ? " event" : " events")
                + " and "
                + ReadModelsPage.lagText(maxMillis)
                + " behind; now "
                + shown.get(shown.size() - 1).lagEvents()
                + ".";
    return new LagChart(
        events.toString(), time.toString(), maxEvents, maxMillis, shown.size(), summary);
  }

  /** Height of a value on a line scaled to {@code max}: the baseline when max is 0. */
  private static double y(long value, long max) {
    double span = HEIGHT - 2.0 * PAD;
    return max <= 0 ? HEIGHT - PAD : HEIGHT - PAD - span * value / max;
  }

  private static void point(StringBuilder points, double x, double y) {
    if (points.length() > 0) {
      points.append(' ');
    }
    points.append(Math.round(x * 10) / 10.0).append(',').append(Math.round(y * 10) / 10.0);
  }

  public int getWidth() {
    return WIDTH;
  }

  public int getHeight() {
    return HEIGHT;
  }

  /** Under the chart: the largest lag in events and in time, "max 4 events, 5 s". */
  public String getCaption() {
    return "max "
        + maxEvents
        + (maxEvents == 1 ? " event, " : " events, ")
        + ReadModelsPage.lagText(maxMillis);
  }

  /** Where the baseline (lag zero) is drawn. */
  public int getBaseline() {
    return HEIGHT - PAD;
  }
}
