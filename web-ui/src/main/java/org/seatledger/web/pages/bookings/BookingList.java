package org.seatledger.web.pages.bookings;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.seatledger.booking.api.BookingStatus;
import org.seatledger.reporting.api.ReportingQueries;
import org.seatledger.reporting.api.ReportingQueries.BookingFilter;
import org.seatledger.reporting.api.ReportingQueries.BookingRow;
import org.seatledger.reporting.api.ReportingQueries.Page;
import org.seatledger.web.pages.Formats;
import org.seatledger.web.pages.PageReads;
import org.seatledger.web.pages.Pager;

/**
 * {@code /bookings?q=&conference=&status=&sort=&order=&page=}: the bookings read model's list,
 * searched (name, e-mail, booking id), filtered by conference and status, sorted and paged — one
 * query for the page and one for its count. The address carries the whole state, so a list is
 * bookmarkable and the form is a plain GET form. Parameters it does not know fall back to the
 * defaults (newest first, page 1).
 */
@Named
@RequestScoped
public class BookingList {

  /** Rows per page. */
  static final int SIZE = 25;

  private static final Formats FORMATS = new Formats();

  @Inject ReportingQueries reporting;
  @Inject PageReads reads;
  @Inject FacesContext faces;

  private Page<BookingRow> page;
  private List<ListedBooking> rows;
  private Map<String, String> conferenceNames;

  /** The view action: waits for a command's position, if the address carries one. */
  public void load() {
    reads.await(ReportingQueries.BOOKINGS);
  }

  public Page<BookingRow> getPage() {
    if (page == null) {
      page =
          reporting.bookings(
              new BookingFilter(
                  getConference(),
                  getStatus(),
                  getQuery(),
                  getSort(),
                  isDescending(),
                  getPageNumber(),
                  SIZE));
    }
    return page;
  }

  /** The page's rows as the list shows them. */
  public List<ListedBooking> getRows() {
    if (rows == null) {
      rows =
          getPage().items().stream()
              .map(row -> new ListedBooking(row, this::conferenceName, FORMATS))
              .toList();
    }
    return rows;
  }

  public Pager getPager() {
    return new Pager(getPage(), this::pageLink);
  }

  /** The conferences, for the filter and the list's conference column: id → name. */
  public Map<String, String> getConferenceNames() {
    if (conferenceNames == null) {
      conferenceNames = reporting.conferenceNames();
    }
    return conferenceNames;
  }

  public String conferenceName(String id) {
    return getConferenceNames().getOrDefault(id, id);
  }

  public List<String> getStatuses() {
    return Arrays.stream(BookingStatus.values()).map(Enum::name).toList();
  }

  /** The address of this list sorted by {@code key}: the other direction when already so. */
  public String sortLink(String key) {
    boolean descending = key.equals(getSort()) ? !isDescending() : !key.equals("registrant");
    return link(key, descending, 1);
  }

  /** {@code ascending}, {@code descending} or {@code none}: the column's aria-sort. */
  public String ariaSort(String key) {
    if (!key.equals(getSort())) {
      return "none";
    }
    return isDescending() ? "descending" : "ascending";
  }

  public String pageLink(long number) {
    return link(getSort(), isDescending(), number);
  }

  private String link(String sort, boolean descending, long number) {
    StringBuilder query = new StringBuilder();
    append(query, "q", getQuery());
    append(query, "conference", getConference());
    append(query, "status", getStatus());
    append(query, "sort", sort);
    append(query, "order", descending ? "desc" : "asc");
    append(query, "page", number > 1 ? String.valueOf(number) : null);
    return faces.getExternalContext().getRequestContextPath() + "/bookings?" + query;
  }

  private static void append(StringBuilder query, String name, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    if (query.length() > 0) {
      query.append('&');
    }
    query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
  }

  public String getQuery() {
    String q = parameter("q");
    return q == null || q.isBlank() ? null : q.strip();
  }

  public String getConference() {
    String id = parameter("conference");
    return id == null || id.isBlank() ? null : id;
  }

  public String getStatus() {
    String status = parameter("status");
    return status != null && getStatuses().contains(status) ? status : null;
  }

  public String getSort() {
    String sort = parameter("sort");
    return sort != null && ReportingQueries.BOOKING_SORTS.containsKey(sort) ? sort : "placedAt";
  }

  public boolean isDescending() {
    String order = parameter("order");
    return order == null ? getSort().equals("placedAt") : order.equals("desc");
  }

  public int getPageNumber() {
    return Pager.asked(parameter("page"));
  }

  private String parameter(String name) {
    return faces.getExternalContext().getRequestParameterMap().get(name);
  }
}
