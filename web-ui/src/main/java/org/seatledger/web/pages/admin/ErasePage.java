package org.seatledger.web.pages.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.seatledger.audit.api.AuditQueries;
import org.seatledger.booking.api.BookingQueries;
import org.seatledger.booking.api.BookingQueries.BookingView;
import org.seatledger.booking.api.PersonalDataErasure;
import org.seatledger.booking.api.PersonalDataErasure.Erasure;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.reporting.api.ReportingQueries;
import org.seatledger.reporting.api.ReportingQueries.BookingFilter;
import org.seatledger.reporting.api.ReportingQueries.BookingRow;
import org.seatledger.web.pages.FormAnswers;

/**
 * {@code /admin/erase}: find a person by booking id, name or e-mail ({@code ?q=}); see what an
 * erasure of them does ({@code &subject=}: how many events name them, which bookings) before
 * confirming; then the result — the erasure's position, and whether every read model has applied
 * it. The same service as {@code POST /api/subjects/{id}/erase}.
 */
@Named
@RequestScoped
public class ErasePage {

  /** How many bookings a search looks at. */
  static final int FOUND_AT_MOST = 20;

  private static final Duration PATIENCE = Duration.ofSeconds(5);

  /** A person found: their subject id, name and e-mail as the log reads them, their bookings. */
  public record Person(String subjectId, String name, String email, List<String> bookingIds) {}

  /** An erasure's result as shown after the redirect. */
  public record Result(String subjectId, long position, long events, Map<String, String> readModels)
      implements java.io.Serializable {
    /** The read models and their state, for the page. */
    public List<Map.Entry<String, String>> models() {
      return List.copyOf(readModels.entrySet());
    }

    public boolean complete() {
      return readModels.values().stream().allMatch("cleaned"::equals);
    }
  }

  @Inject BookingQueries bookings;
  @Inject ReportingQueries reporting;
  @Inject AuditQueries audit;
  @Inject EventStore log;
  @Inject PersonalDataErasure erasure;
  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject FormAnswers answers;

  private List<Person> found;

  public String getQuery() {
    return parameter("q");
  }

  /** The people whose booking has this id, or whose name or e-mail contains the query. */
  public List<Person> getFound() {
    if (found == null) {
      found = search(getQuery());
    }
    return found;
  }

  private List<Person> search(String query) {
    if (query == null) {
      return List.of();
    }
    List<BookingView> views = new ArrayList<>();
    bookings.booking(query.strip()).ifPresent(views::add);
    if (views.isEmpty()) {
      for (BookingRow row :
          reporting
              .bookings(
                  new BookingFilter(null, null, query.strip(), "placedAt", true, 1, FOUND_AT_MOST))
              .items()) {
        bookings.booking(row.id()).ifPresent(views::add);
      }
    }
    Map<String, Person> people = new LinkedHashMap<>();
    for (BookingView view : views) {
      Person known = people.get(view.registrantId());
      List<String> ids = new ArrayList<>(known == null ? List.of() : known.bookingIds());
      ids.add(view.id());
      people.put(
          view.registrantId(),
          new Person(view.registrantId(), view.registrantName(), view.registrantEmail(), ids));
    }
    return List.copyOf(people.values());
  }

  /** The person an erasure is previewed for ({@code &subject=}), among those found. */
  public Person getChosen() {
    String subject = parameter("subject");
    return subject == null
        ? null
        : getFound().stream().filter(p -> p.subjectId().equals(subject)).findFirst().orElse(null);
  }

  /** How many events of the log name the chosen person. */
  public long getEventsNaming() {
    Person chosen = getChosen();
    return chosen == null ? 0 : log.countNaming(chosen.subjectId());
  }

  public String previewAddress(Person person) {
    return "/admin/erase?q="
        + URLEncoder.encode(getQuery(), StandardCharsets.UTF_8)
        + "&subject="
        + URLEncoder.encode(person.subjectId(), StandardCharsets.UTF_8);
  }

  public void erase() {
    Person chosen = getChosen();
    if (chosen == null) {
      answers.refuse(null, "Search for the person again: they are no longer found.");
      return;
    }
    Optional<Erasure> erased =
        erasure.erase(chosen.subjectId(), security.getCallerPrincipal().getName());
    if (erased.isEmpty()) {
      answers.refuse(null, "There is no personal data of this person to erase.");
      return;
    }
    faces.getExternalContext().getFlash().put("erasure", resultOf(erased.get()));
    answers.done(
        "/admin/erase",
        "The personal data of "
            + chosen.subjectId()
            + " was erased: it reads [erased] everywhere from now on.");
  }

  /** The erasure just made, on the page after it only. */
  public Result getResult() {
    return (Result) faces.getExternalContext().getFlash().get("erasure");
  }

  /** Waits (5 s in all) for every read model to apply the erasure, as the API does. */
  private Result resultOf(Erasure erased) {
    Instant deadline = Instant.now().plus(PATIENCE);
    Map<String, String> models = new LinkedHashMap<>();
    for (ProjectionStatus model : reporting.projections()) {
      boolean cleaned = reporting.awaitPosition(model.name(), erased.position(), left(deadline));
      models.put(model.name(), cleaned ? "cleaned" : "pending");
    }
    for (ProjectionStatus model : audit.projections()) {
      models.put(
          model.name(),
          audit.awaitPosition(erased.position(), left(deadline)) ? "cleaned" : "pending");
    }
    return new Result(erased.subjectId(), erased.position(), erased.events(), models);
  }

  private static Duration left(Instant deadline) {
    Duration left = Duration.between(Instant.now(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private String parameter(String name) {
    String value = faces.getExternalContext().getRequestParameterMap().get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
