package org.seatledger.booking.domain;

import static org.seatledger.booking.api.CommandRefused.conflict;
import static org.seatledger.booking.api.CommandRefused.invalid;
import static org.seatledger.booking.api.CommandRefused.notFound;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.seatledger.booking.api.ConferenceCreated;
import org.seatledger.booking.api.ConferenceEvent;
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
 * <p>An immutable state: {@code decide…} methods check the rules and return events (or throw {@link
 * org.seatledger.booking.api.CommandRefused}); {@link #evolve} returns a new state and never
 * throws, since it also replays history. Holds no personal data.
 *
 * @param id null until the conference is created
 * @param seatTypes in the order they were added, codes unique
 */
public record Conference(
    String id,
    String name,
    String slug,
    LocalDate startsOn,
    LocalDate endsOn,
    String venue,
    boolean published,
    List<SeatType> seatTypes) {

  /** A seat type as the conference offers it. */
  public record SeatType(
      String code, String name, int quantity, BigDecimal price, String currency) {
    SeatType withQuantity(int newQuantity) {
      return new SeatType(code, name, newQuantity, price, currency);
    }
  }

  /** What a booking of some seats costs. */
  public record Price(BigDecimal total, String currency) {}

  /** The stream type stored with every event of a conference. */
  public static final String STREAM_TYPE = "Conference";

  /** The state of a conference stream without events. */
  public static final Conference INITIAL =
      new Conference(null, null, null, null, null, null, false, List.of());

  /** How a conference is rebuilt from its stream. */
  public static final Fold<Conference, ConferenceEvent> FOLD =
      new Fold<>(ConferenceEvent.class, INITIAL, Conference::evolve);

  public Conference {
    seatTypes = List.copyOf(seatTypes);
  }

  public boolean exists() {
    return id != null;
  }

  public List<ConferenceEvent> decideCreate(
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

  public List<ConferenceEvent> decideAddSeatType(
      String code, String seatName, int quantity, BigDecimal price, String currency) {
    requireExists();
    if (find(code).isPresent()) {
      throw conflict("The conference already has a seat type '" + code + "'.");
    }
    if (seatTypes.size() >= Limits.SEAT_TYPES) {
      throw conflict("A conference has at most " + Limits.SEAT_TYPES + " seat types.");
    }
    return List.of(new SeatTypeAdded(id, code, seatName, quantity, price, currency));
  }

  /** The conference's side of a quantity change; seat availability checks what is taken. */
  public List<ConferenceEvent> decideChangeQuantity(String code, int quantity) {
    SeatType type = seatType(code);
    if (type.quantity() == quantity) {
      return List.of();
    }
    return List.of(new SeatQuantityChanged(id, code, quantity, type.quantity()));
  }

  public List<ConferenceEvent> decidePublish() {
    requireExists();
    if (seatTypes.isEmpty()) {
      throw conflict("Add at least one seat type before publishing the conference.");
    }
    return published ? List.of() : List.of(new ConferencePublished(id));
  }

  public List<ConferenceEvent> decideUnpublish() {
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
      SeatType type =
          find(wanted.getKey())
              .orElseThrow(
                  () -> invalid("The conference has no seat type '" + wanted.getKey() + "'."));
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
    return find(code)
        .orElseThrow(() -> notFound("The conference has no seat type '" + code + "'."));
  }

  /** The state after {@code event}; this state is left as it is. */
  public Conference evolve(ConferenceEvent event) {
    if (event instanceof ConferenceCreated e) {
      return new Conference(
          e.conferenceId(),
          e.name(),
          e.slug(),
          e.startsOn(),
          e.endsOn(),
          e.venue(),
          published,
          seatTypes);
    }
    if (event instanceof SeatTypeAdded e) {
      return withSeatType(new SeatType(e.code(), e.name(), e.quantity(), e.price(), e.currency()));
    }
    if (event instanceof SeatQuantityChanged e) {
      return find(e.code()).map(t -> withSeatType(t.withQuantity(e.quantity()))).orElse(this);
    }
    if (event instanceof ConferencePublished e) {
      return withPublished(true);
    }
    if (event instanceof ConferenceUnpublished e) {
      return withPublished(false);
    }
    // unreachable while every permitted event has its branch above (Java 17 has no pattern switch)
    throw new IllegalStateException("no evolve for " + event);
  }

  /** A copy with {@code type} in place of the seat type of its code, or added last. */
  private Conference withSeatType(SeatType type) {
    List<SeatType> types = new ArrayList<>(seatTypes);
    int at = types.indexOf(find(type.code()).orElse(null));
    if (at < 0) {
      types.add(type);
    } else {
      types.set(at, type);
    }
    return new Conference(id, name, slug, startsOn, endsOn, venue, published, types);
  }

  private Conference withPublished(boolean open) {
    return new Conference(id, name, slug, startsOn, endsOn, venue, open, seatTypes);
  }

  private Optional<SeatType> find(String code) {
    return seatTypes.stream().filter(t -> t.code().equals(code)).findFirst();
  }

  private void requireExists() {
    if (!exists()) {
      throw notFound("There is no such conference.");
    }
  }
}
