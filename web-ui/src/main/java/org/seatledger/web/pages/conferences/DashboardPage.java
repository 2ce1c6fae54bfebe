package org.seatledger.web.pages.conferences;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import org.seatledger.booking.api.BookingQueries;
import org.seatledger.booking.api.BookingQueries.ConferenceView;
import org.seatledger.reporting.api.ReportingQueries;
import org.seatledger.reporting.api.ReportingQueries.Availability;
import org.seatledger.reporting.api.ReportingQueries.SeatTypeCount;
import org.seatledger.web.pages.NotFound;
import org.seatledger.web.pages.PageReads;

/**
 * {@code /conferences/{id}/dashboard}: capacity, held, sold and available seats per seat type from
 * the availability read model, as numbers and as a bar chart drawn on the server ({@link
 * SeatChart}). {@code js/dashboard.js} reloads the figures every few seconds while the page is
 * open.
 */
@Named
@RequestScoped
public class DashboardPage {

  @Inject BookingQueries queries;
  @Inject ReportingQueries reporting;
  @Inject PageReads reads;
  @Inject FacesContext faces;

  private ConferenceView conference;
  private Availability availability;
  private Instant readAt;

  public void load() {
    String id = faces.getExternalContext().getRequestParameterMap().get("id");
    conference = id == null ? null : queries.conference(id).orElse(null);
    if (conference == null) {
      NotFound.answer(faces);
      return;
    }
    reads.await(ReportingQueries.AVAILABILITY);
    readAt = Instant.now();
    availability = reporting.availability(id).orElse(new Availability(id, 0, List.of()));
  }

  public ConferenceView getConference() {
    return conference;
  }

  public List<SeatTypeCount> getSeatTypes() {
    return availability == null ? List.of() : availability.seatTypes();
  }

  public SeatTypeCount getTotal() {
    int capacity = 0;
    int held = 0;
    int sold = 0;
    for (SeatTypeCount c : getSeatTypes()) {
      capacity += c.capacity();
      held += c.held();
      sold += c.sold();
    }
    return new SeatTypeCount(
        "", "All seat types", capacity, held, sold, capacity - held - sold, null, null);
  }

  public SeatChart getChart() {
    return SeatChart.of(getSeatTypes());
  }

  /** When the figures were read. */
  public Instant getReadAt() {
    return readAt;
  }

  /** The read model's position the figures are from. */
  public long getPosition() {
    return availability == null ? 0 : availability.position();
  }
}
