package org.seatledger.web.pages.conferences;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.seatledger.reporting.api.ReportingQueries;
import org.seatledger.reporting.api.ReportingQueries.ConferenceRow;
import org.seatledger.reporting.api.ReportingQueries.Page;
import org.seatledger.web.pages.PageReads;
import org.seatledger.web.pages.Pager;

/**
 * {@code /conferences?q=…&page=…}: the conferences, soonest first, with their seats at a glance, a
 * page at a time — only the page's conferences have their seats summed, however many conferences
 * there are. The address carries the search and the page.
 */
@Named
@RequestScoped
public class ConferenceList {

  /** Conferences per page. */
  static final int SIZE = 50;

  @Inject ReportingQueries reporting;
  @Inject PageReads reads;
  @Inject FacesContext faces;

  private String q;
  private Page<ConferenceRow> page;

  /** The page's view action: waits for a command's position; the page is read when rendered. */
  public void load() {
    reads.await(ReportingQueries.AVAILABILITY);
  }

  public Page<ConferenceRow> getPage() {
    if (page == null) {
      page = reporting.conferences(q, getPageNumber(), SIZE);
    }
    return page;
  }

  public int getPageNumber() {
    return Pager.asked(faces.getExternalContext().getRequestParameterMap().get("page"));
  }

  public Pager getPager() {
    return new Pager(getPage(), this::pageLink);
  }

  /** The address of page {@code number} of this list, with its search. */
  public String pageLink(long number) {
    StringBuilder link =
        new StringBuilder(faces.getExternalContext().getRequestContextPath())
            .append("/conferences");
    char separator = '?';
    if (isSearching()) {
      link.append(separator).append("q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
      separator = '&';
    }
    if (number > 1) {
      link.append(separator).append("page=").append(number);
    }
    return link.toString();
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q == null ? null : q.strip();
  }

  public boolean isSearching() {
    return q != null && !q.isEmpty();
  }
}
