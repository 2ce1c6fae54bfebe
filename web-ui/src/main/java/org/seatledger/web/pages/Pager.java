package org.seatledger.web.pages;

import java.util.function.LongFunction;
import org.seatledger.reporting.api.ReportingQueries.Page;

/**
 * A list's pager ({@code WEB-INF/includes/pager.xhtml}): which page is shown, how many there are,
 * which rows of all are on it, and the address of another page of the same list.
 */
public final class Pager {

  private final Page<?> page;
  private final LongFunction<String> links;

  /** For {@code page}, whose page {@code n} is at {@code links.apply(n)}. */
  public Pager(Page<?> page, LongFunction<String> links) {
    this.page = page;
    this.links = links;
  }

  /** The page {@code page=} asks for: 1 when it is missing, not a number or out of range. */
  public static int asked(String parameter) {
    if (parameter == null || !parameter.matches("[0-9]{1,6}")) {
      return 1;
    }
    return Math.max(1, Integer.parseInt(parameter));
  }

  public Page<?> getPage() {
    return page;
  }

  public int getPageNumber() {
    return page.page();
  }

  /** At least 1: an empty list is one empty page. */
  public long getPages() {
    return Math.max(1, (page.total() + page.size() - 1) / page.size());
  }

  /** The number of the page's first row among all, from 1; 0 when the page is empty. */
  public long getFirstShown() {
    return page.items().isEmpty() ? 0 : (long) (page.page() - 1) * page.size() + 1;
  }

  /** The number of the page's last row among all; 0 when the page is empty. */
  public long getLastShown() {
    return page.items().isEmpty() ? 0 : getFirstShown() + page.items().size() - 1;
  }

  public String pageLink(long number) {
    return links.apply(number);
  }
}
