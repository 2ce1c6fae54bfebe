package org.seatledger.web.pages.conferences;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.seatledger.booking.api.BookingCommand.AddSeatType;
import org.seatledger.booking.api.BookingCommand.ChangeSeatQuantity;
import org.seatledger.booking.api.BookingCommand.PublishConference;
import org.seatledger.booking.api.BookingCommand.UnpublishConference;
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
 * {@code /conferences/{id}}: the conference, its seat types with what is held and sold, and for
 * staff the forms to add a seat type, change a quantity, and publish or unpublish (after a
 * confirmation step, {@code ?confirm=publish}).
 *
 * <p>The conference itself comes from its aggregate (always current); held and sold from the
 * availability read model, waited for after a command.
 */
@Named
@RequestScoped
public class ConferencePage {

  static final RefusalFields NEW_SEAT_TYPE_FIELDS =
      RefusalFields.of()
          .when("code|already has a seat type|at most \\d+ seat types", "newCode")
          .when("price|costs at most", "newPrice")
          .when("currency", "newCurrency")
          .when("quantity", "newQuantity")
          .when("\\bname\\b", "newName");

  @Inject BookingQueries queries;
  @Inject ReportingQueries reporting;
  @Inject FormCommands commands;
  @Inject PageReads reads;
  @Inject FacesContext faces;

  private String id;
  private Optional<ConferenceView> conference;
  private Map<String, SeatTypeCount> counts;
  private final Map<String, Integer> quantities = new HashMap<>();

  private String newCode;
  private String newName;
  private Integer newQuantity;
  private BigDecimal newPrice;
  private String newCurrency = "EUR";

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
      // from the route's parameter, not a view parameter: the seat type rows are built with the
      // view, before view parameters are decoded on a postback
      id = faces.getExternalContext().getRequestParameterMap().get("id");
      conference = id == null ? Optional.empty() : queries.conference(id);
      conference.ifPresent(
          c -> c.seatTypes().forEach(t -> quantities.putIfAbsent(t.code(), t.quantity())));
    }
    return conference.orElse(null);
  }

  /**
   * Capacity, held, sold, available of a seat type as the read model has them (null if not yet).
   */
  public SeatTypeCount count(String code) {
    if (counts == null) {
      counts = SeatCounts.of(reporting, id);
    }
    return counts.get(code);
  }

  public void addSeatType() {
    String conferenceId = existing();
    if (conferenceId == null) {
      return;
    }
    commands.send(
        () ->
            new AddSeatType(
                conferenceId,
                newCode,
                newName,
                newQuantity == null ? -1 : newQuantity,
                newPrice,
                newCurrency),
        NEW_SEAT_TYPE_FIELDS,
        "The seat type '" + newCode + "' was added.",
        result -> "/conferences/" + conferenceId);
  }

  public void changeQuantity(String code) {
    String conferenceId = existing();
    if (conferenceId == null) {
      return;
    }
    Integer quantity = quantities.get(code);
    commands.send(
        () -> new ChangeSeatQuantity(conferenceId, code, quantity == null ? -1 : quantity),
        RefusalFields.of().when(".", "quantity_" + code),
        "The quantity of '" + code + "' is now " + quantity + ".",
        result -> "/conferences/" + conferenceId);
  }

  public void publish() {
    String conferenceId = existing();
    if (conferenceId == null) {
      return;
    }
    commands.send(
        () -> new PublishConference(conferenceId),
        RefusalFields.of(),
        "The conference is published: it takes bookings.",
        result -> "/conferences/" + conferenceId);
  }

  public void unpublish() {
    String conferenceId = existing();
    if (conferenceId == null) {
      return;
    }
    commands.send(
        () -> new UnpublishConference(conferenceId),
        RefusalFields.of(),
        "The conference is unpublished: it takes no new bookings.",
        result -> "/conferences/" + conferenceId);
  }

  private String existing() {
    if (getConference() == null) {
      NotFound.answer(faces);
      return null;
    }
    return id;
  }

  public String getId() {
    return id;
  }

  public Map<String, Integer> getQuantities() {
    return quantities;
  }

  public String getNewCode() {
    return newCode;
  }

  public void setNewCode(String newCode) {
    this.newCode = newCode;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }

  public Integer getNewQuantity() {
    return newQuantity;
  }

  public void setNewQuantity(Integer newQuantity) {
    this.newQuantity = newQuantity;
  }

  public BigDecimal getNewPrice() {
    return newPrice;
  }

  public void setNewPrice(BigDecimal newPrice) {
    this.newPrice = newPrice;
  }

  public String getNewCurrency() {
    return newCurrency;
  }

  public void setNewCurrency(String newCurrency) {
    this.newCurrency = newCurrency;
  }
}
