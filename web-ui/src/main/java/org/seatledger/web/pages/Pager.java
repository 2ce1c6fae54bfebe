package org.seatledger.web.pages;

import org.seatledger.reporting.api.ReportingQueries.Page;

/**
 * The numbers of a list's pager ({@code WEB-INF/includes/pager.xhtml}): the page an address asks
 * for, how many pages there are and which rows of all are shown.
 */
public final class Pager {

  private Pager() {}

  /** The page {@code page=} asks for: 1 when it is missing, not a number or out of range. */
  public static int asked(String parameter) {
    if (parameter == null || !parameter.matches("[0-9]{1,6}")) {
      return 1;
    }
    return Math.max(1, Integer.parseInt(parameter));
  }

  /** At least 1: an empty list is one empty page. */
  public static long pages(Page<?> page) {
    return Math.max(1, (page.total() + page.size() - 1) / page.size());
  }

  /** The number of the page's first row among all, from 1; 0 when the page is empty. */
  public static long firstShown(Page<?> page) {
    return page.items().isEmpty() ? 0 : (long) (page.page() - 1) * page.size() + 1;
  }

  /** The number of the page's last row among all; 0 when the page is empty. */
  public static long lastShown(Page<?> page) {
    return page.items().isEmpty() ? 0 : firstShown(page) + page.items().size() - 1;
  }
}
