package org.seatledger.booking.domain;

import static org.seatledger.booking.api.CommandRefused.conflict;
import static org.seatledger.booking.api.CommandRefused.invalid;
import static org.seatledger.booking.api.CommandRefused.notFound;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seatledger.booking.api.ConferenceCreated;
import org.seatledger.booking.api.ConferencePublished;
import org.seatledger.booking.api.ConferenceUnpublished;
import org.seatledger.booking.api.Limits;
import org.seatledger.booking.api.SeatQuantityChanged;
import org.seatledger.booking.api.SeatTypeAdded;

/**
 * A conference: created unpublished under a unique slug, offers seat types, takes bookings only
 * while published. Offers at most {@link Limits#SEAT_TYPES} seat types; a booking's total is at
 * most {@link Limits#MAX_TOTAL} (see {@link Limits} for why).
 *
 * <p>{@code decide…} methods check the rules and return events (or throw {@link
 * org.seatledger.booking.api.CommandRefused}); {@link #evolve} only changes state and never throws,
 * since it also replays history. Holds no personal data.
 */
public final class Conference {

  /** A seat type as the conference offers it. */
  public record SeatType(
      String code, String name, int quantity, BigDecimal price, String currency) {}

  /** What a booking of some seats costs. */
  public record Price(BigDecimal total, String currency) {}

  private String id;
  private String name;
  private String slug;
  private LocalDate startsOn;
  private LocalDate endsOn;
  private String venue;
  private boolean published;
  private final Map<String, SeatType> seatTypes = new LinkedHashMap<>();

  public boolean exists() {
    return id != null;
  }

  public List<Object> decideCreate(
      String conferenceId,
      String name,
      String slug,
      LocalDate startsOn,
      LocalDate endsOn,
      String venue) {
    if (exists()) {
      throw conflict("The conference " + conferenceId + " exists already.");
    }
    if (endsOn.isBefore(startsOn)) {
      throw invalid(
          "A conference cannot end (" + endsOn + ") before it starts (" + startsOn + ").");
    }
    return List.of(new ConferenceCreated(conferenceId, name, slug, startsOn, endsOn, venue));
  }

  public List<Object> decideAddSeatType(
      String code, String seatName, int quantity, BigDecimal price, String currency) {
    requireExists();
    if (seatTypes.containsKey(code)) {
      throw conflict("The conference already has a seat type '" + code + "'.");
    }
    if (seatTypes.size() >= Limits.SEAT_TYPES) {
      throw conflict("A conference has at most " + Limits.SEAT_TYPES + " seat types.");
    }
    return List.of(new SeatTypeAdded(id, code, seatName, quantity, price, currency));
  }

  /** The conference's side of a quantity change; seat availability checks what is taken. */
  public List<Object> decideChangeQuantity(String code, int quantity) {
    SeatType type = seatType(code);
    if (type.quantity() == quantity) {
      return List.of();
    }
    return List.of(new SeatQuantityChanged(id, code, quantity, type.quantity()));
  }

  public List<Object> decidePublish() {
    requireExists();
    if (seatTypes.isEmpty()) {
      throw conflict("Add at least one seat type before publishing the conference.");
    }
    return published ? List.of() : List.of(new ConferencePublished(id));
  }

  public List<Object> decideUnpublish() {
    requireExists();
    return published ? List.of(new ConferenceUnpublished(id)) : List.of();
  }

  /**
   * The total of a booking of {@code seats} (count per seat type code), refused when a type is
   * unknown, the types are priced in different currencies, or the total exceeds {@link
   * Limits#MAX_TOTAL} — which prices within {@link Limits#MAX_PRICE} never reach, but prices
   * accepted before that limit existed may.
   */
  public Price price(Map<String, Integer> seats) {
    requireExists();
    BigDecimal total = BigDecimal.ZERO;
    String currency = null;
    for (Map.Entry<String, Integer> wanted : seats.entrySet()) {
      SeatType type = seatTypes.get(wanted.getKey());
      if (type == null) {
        throw invalid("The conference has no seat type '" + wanted.getKey() + "'.");
      }
      if (currency != null && !currency.equals(type.currency())) {
        throw invalid("Seat types priced in different currencies cannot be booked together.");
      }
      currency = type.currency();
      total = total.add(type.price().multiply(BigDecimal.valueOf(wanted.getValue())));
    }
    if (total.compareTo(Limits.MAX_TOTAL) > 0) {
      throw invalid(
          "A booking's total is at most "
              + Limits.MAX_TOTAL_TEXT
              + "; this one would be "
              + total.toPlainString()
              + ".");
    }
    return new Price(total, currency);
  }

  /** Refuses bookings while the conference is not open for them. */
  public void requireOpenForBookings() {
    requireExists();
    if (!published) {
      throw conflict("The conference '" + name + "' is not published; it takes no bookings.");
    }
  }

  public SeatType seatType(String code) {
    requireExists();
    SeatType type = seatTypes.get(code);
    if (type == null) {
      throw notFound("The conference has no seat type '" + code + "'.");
    }
    return type;
  }

  public Conference evolve(Object event) {
    if (event instanceof ConferenceCreated e) {
      id = e.conferenceId();
      name = e.name();
      slug = e.slug();
      startsOn = e.startsOn();
      endsOn = e.endsOn();
      venue = e.venue();
    } else if (event instanceof SeatTypeAdded e) {
      seatTypes.put(
          e.code(), new SeatType(e.code(), e.name(), e.quantity(), e.price(), e.currency()));
    } else if (event instanceof SeatQuantityChanged e) {
      seatTypes.computeIfPresent(
          e.code(),
          (code, t) -> new SeatType(code, t.name(), e.quantity(), t.price(), t.currency()));
    } else if (event instanceof ConferencePublished) {
      published = true;
    } else if (event instanceof ConferenceUnpublished) {
      published = false;
    }
    return this;
  }

  private void requireExists() {
    if (!exists()) {
      throw notFound("There is no such conference.");
    }
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String slug() {
    return slug;
  }

  public LocalDate startsOn() {
    return startsOn;
  }

  public LocalDate endsOn() {
    return endsOn;
  }

  public String venue() {
    return venue;
  }

  public boolean published() {
    return published;
  }

  public Map<String, SeatType> seatTypes() {
    return Map.copyOf(seatTypes);
  }

  /** Seat types in the order they were added. */
  public List<SeatType> seatTypeList() {
    return List.copyOf(seatTypes.values());
  }
}
