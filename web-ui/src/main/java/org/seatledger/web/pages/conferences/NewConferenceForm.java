package org.seatledger.web.pages.conferences;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.Normalizer;
import java.time.LocalDate;
import org.seatledger.booking.api.BookingCommand.CreateConference;
import org.seatledger.web.pages.FormCommands;
import org.seatledger.web.pages.RefusalFields;

/**
 * {@code /conferences/new}: name, slug (suggested from the name by {@code js/slug.js}, made from it
 * here when left empty), dates and venue. The domain checks everything; its refusals sit next to
 * their field.
 */
@Named
@RequestScoped
public class NewConferenceForm {

  static final RefusalFields FIELDS =
      RefusalFields.of()
          .when("slug", "slug")
          .when("cannot end|endsOn", "endsOn")
          .when("startsOn", "startsOn")
          .when("venue", "venue")
          .when("\\bname\\b", "name");

  @Inject FormCommands commands;

  private String name;
  private String slug;
  private LocalDate startsOn;
  private LocalDate endsOn;
  private String venue;

  public void create() {
    commands.send(
        () -> new CreateConference(name, slugOrDefault(), startsOn, endsOn, venue),
        FIELDS,
        "The conference was created. Add its seat types, then publish it.",
        result -> "/conferences/" + result.id());
  }

  private String slugOrDefault() {
    if (slug != null && !slug.isBlank()) {
      return slug.strip();
    }
    String made = slugOf(name);
    slug = made;
    return made;
  }

  /** {@code "DevConf 2027 — Lyon"} → {@code devconf-2027-lyon}; the same rule as js/slug.js. */
  static String slugOf(String name) {
    if (name == null) {
      return "";
    }
    String plain =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase()
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (plain.length() > 60) {
      plain = plain.substring(0, 60).replaceAll("-+$", "");
    }
    return plain;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public LocalDate getStartsOn() {
    return startsOn;
  }

  public void setStartsOn(LocalDate startsOn) {
    this.startsOn = startsOn;
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }

  public void setEndsOn(LocalDate endsOn) {
    this.endsOn = endsOn;
  }

  public String getVenue() {
    return venue;
  }

  public void setVenue(String venue) {
    this.venue = venue;
  }
}
