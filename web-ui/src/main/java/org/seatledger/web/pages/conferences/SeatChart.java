package org.seatledger.web.pages.conferences;

import java.util.ArrayList;
import java.util.List;
import org.seatledger.reporting.api.ReportingQueries.SeatTypeCount;

/**
 * The dashboard's horizontal bar chart, laid out on the server so it needs no script: one bar per
 * seat type, sold then held then available, each as wide as its share of the largest capacity. The
 * page renders it as SVG from these numbers.
 */
public record SeatChart(int width, int height, List<Bar> bars) {

  /** Left of the bars: the seat type's name. */
  public static final int LABEL_WIDTH = 160;

  static final int BAR_AREA = 520;
  static final int ROW = 34;
  static final int BAR = 22;

  /** One seat type's bar: x and width of each part, and where its row sits. */
  public record Bar(
      String label,
      String summary,
      int y,
      int textY,
      int soldX,
      int soldWidth,
      int heldX,
      int heldWidth,
      int freeX,
      int freeWidth) {}

  static SeatChart of(List<SeatTypeCount> counts) {
    int largest = 1;
    for (SeatTypeCount c : counts) {
      largest = Math.max(largest, c.capacity());
    }
    List<Bar> bars = new ArrayList<>();
    int y = 6;
    for (SeatTypeCount c : counts) {
      int sold = scaled(c.sold(), largest);
      int held = scaled(c.held(), largest);
      int free = scaled(Math.max(0, c.available()), largest);
      int x = LABEL_WIDTH;
      bars.add(
          new Bar(
              c.name(),
              c.name()
                  + ": "
                  + c.sold()
                  + " sold, "
                  + c.held()
                  + " held, "
                  + c.available()
                  + " available of "
                  + c.capacity(),
              y,
              y + BAR / 2 + 5,
              x,
              sold,
              x + sold,
              held,
              x + sold + held,
              free));
      y += ROW;
    }
    return new SeatChart(LABEL_WIDTH + BAR_AREA + 10, Math.max(y, ROW), bars);
  }

  private static int scaled(int seats, int largest) {
    return (int) Math.round((double) seats * BAR_AREA / largest);
  }

  public int getBarHeight() {
    return BAR;
  }
}
