package org.seatledger.web.pages.conferences;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.seatledger.reporting.api.ReportingQueries;
import org.seatledger.reporting.api.ReportingQueries.ConferenceRow;
import org.seatledger.web.pages.PageReads;

/** {@code /conferences?q=…}: the conferences, soonest first, with their seats at a glance. */
@Named
@RequestScoped
public class ConferenceList {

  @Inject ReportingQueries reporting;
  @Inject PageReads reads;

  private String q;
  private List<ConferenceRow> rows;

  /** The page's view action: waits for a command's position, then reads. */
  public void load() {
    reads.await(ReportingQueries.AVAILABILITY);
    rows = reporting.conferences(q);
  }

  public List<ConferenceRow> getRows() {
    if (rows == null) {
      rows = reporting.conferences(q);
    }
    return rows;
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
