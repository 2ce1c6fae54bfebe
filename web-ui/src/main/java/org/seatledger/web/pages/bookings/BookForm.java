package org.seatledger.web.pages.bookings;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.seatledger.booking.api.BookingCommand.PlaceBooking;
import org.seatledger.booking.api.BookingQueries;
import org.seatledger.booking.api.BookingQueries.ConferenceView;
import org.seatledger.reporting.api.ReportingQueries;
import org.seatledger.reporting.api.ReportingQueries.SeatTypeCount;
import org.seatledger.web.pages.FormCommands;
import org.seatledger.web.pages.NotFound;
import org.seatledger.web.pages.PageReads;
import org.seatledger.web.pages.RefusalFields;
import org.seatledger.web.pages.SeatCounts;

/**
 * {@code /conferences/{id}/book}: the registrant and a quantity per seat type, next to what is left
 * of each (the availability read model). The seats are held by the domain, all or nothing; when it
 * refuses ("only 3 'standard' left") the sentence sits next to that seat type's Quantity. A placed
 * booking opens its own page, where the hold's countdown runs.
 */
@Named
@RequestScoped
public class BookForm {

  /** The input of a seat type's quantity is {@code seats_<code>}. */
  static final String SEAT_FIELD = "seats_";

  static final RefusalFields FIELDS =
      RefusalFields.of()
          .when(Pattern.compile("only \\d+ '([^']+)'"), m -> SEAT_FIELD + m.group(1))
          .when(Pattern.compile("seats of '([^']+)'|number of '([^']+)'"), BookForm::seatOf)
          .when("e-mail", "email")
          .when("name", "registrantName");

  @Inject BookingQueries queries;
  @Inject ReportingQueries reporting;
  @Inject FormCommands commands;
  @Inject PageReads reads;
  @Inject FacesContext faces;

  private String id;
  private Optional<ConferenceView> conference;
  private Map<String, SeatTypeCount> counts;
  private final Map<String, Integer> quantities = new HashMap<>();
  private String registrantName;
  private String email;

  /** The view action: 404 for an unknown conference; waits for a command's position. */
  public void load() {
    if (getConference() == null) {
      NotFound.answer(faces);
      return;
    }
    reads.await(ReportingQueries.AVAILABILITY);
    counts = null;
  }

  public ConferenceView getConference() {
    if (conference == null) {
      // the route's parameter: the seat type rows are built with the view, before view parameters
      id = faces.getExternalContext().getRequestParameterMap().get("id");
      conference = id == null ? Optional.empty() : queries.conference(id);
    }
    return conference.orElse(null);
  }

  /** What the read model has of a seat type (null until it has seen it). */
  public SeatTypeCount count(String code) {
    if (counts == null) {
      counts = SeatCounts.of(reporting, id);
    }
    return counts.get(code);
  }

  /** Holds the seats asked for; on success the booking's page. */
  public void place() {
    if (getConference() == null) {
      NotFound.answer(faces);
      return;
    }
    String conferenceId = id;
    Map<String, Integer> seats = new LinkedHashMap<>();
    quantities.forEach(
        (code, quantity) -> {
          if (quantity != null && quantity != 0) {
            seats.put(code, quantity);
          }
        });
    if (seats.isEmpty()) {
      // the command's own sentence shows JSON, meant for API clients
      String sentence = "Enter a Quantity for at least one seat type.";
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, sentence, sentence));
      faces.validationFailed();
      return;
    }
    commands.send(
        () -> new PlaceBooking(conferenceId, registrantName, email, seats),
        FIELDS,
        "The seats are held for " + registrantName + ". Confirm the booking before the hold ends.",
        result -> "/bookings/" + result.id());
  }

  private static String seatOf(java.util.regex.MatchResult match) {
    return SEAT_FIELD + (match.group(1) != null ? match.group(1) : match.group(2));
  }

  public String getId() {
    return id;
  }

  public Map<String, Integer> getQuantities() {
    return quantities;
  }

  public String getRegistrantName() {
    return registrantName;
  }

  public void setRegistrantName(String registrantName) {
    this.registrantName = registrantName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }
}
