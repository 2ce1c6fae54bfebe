package org.seatledger.booking.domain;

import static org.seatledger.booking.api.CommandRefused.conflict;
import static org.seatledger.booking.api.CommandRefused.invalid;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.seatledger.booking.api.SeatAvailabilityEvent;
import org.seatledger.booking.api.SeatCapacityChanged;
import org.seatledger.booking.api.SeatsCommitted;
import org.seatledger.booking.api.SeatsReleased;
import org.seatledger.booking.api.SeatsReserved;

/**
 * The seats of one conference: the contended aggregate every booking goes through.
 *
 * <p>Invariant: for every seat type, held + sold never exceeds capacity. A request for more than is
 * left is refused whole (all or nothing), naming what is left of each type asked for.
 *
 * <p>An immutable state: {@link #evolve} returns a new one, so a cached state can be shared. The
 * open holds are kept in {@link Holds}, which a new state shares with the old but for one bucket.
 *
 * @param conferenceId null until the first event
 * @param counts per seat type code
 * @param holds the open holds by booking id
 */
public record SeatAvailability(String conferenceId, Map<String, Count> counts, Holds holds) {

  /** Counts of one seat type. */
  public record Count(int capacity, int held, int sold) {
    static final Count NONE = new Count(0, 0, 0);

    public int available() {
      return capacity - held - sold;
    }
  }

  /** Seats held for a booking until a deadline. */
  public record Hold(Map<String, Integer> seats, Instant holdUntil) {
    public Hold {
      seats = Map.copyOf(seats);
    }
  }

  /** The stream type stored with every event of a conference's seat availability. */
  public static final String STREAM_TYPE = "SeatAvailability";

  /** The state of a seat-availability stream without events. */
  public static final SeatAvailability INITIAL = new SeatAvailability(null, Map.of(), Holds.NONE);

  /** How a conference's seat availability is rebuilt from its stream. */
  public static final Fold<SeatAvailability, SeatAvailabilityEvent> FOLD =
      new Fold<>(SeatAvailabilityEvent.class, INITIAL, SeatAvailability::evolve);

  public SeatAvailability {
    counts = Map.copyOf(counts);
    Objects.requireNonNull(holds, "holds");
  }

  public List<SeatAvailabilityEvent> decideCapacity(
      String conferenceId, String seatType, int capacity) {
    Count count = count(seatType);
    int taken = count.held() + count.sold();
    if (capacity < taken) {
      throw conflict(
          taken
              + " seats of type '"
              + seatType
              + "' are held or sold; the quantity cannot go below "
              + taken
              + ".");
    }
    return List.of(new SeatCapacityChanged(conferenceId, seatType, capacity));
  }

  public List<SeatAvailabilityEvent> decideReserve(
      String conferenceId, String bookingId, Map<String, Integer> wanted, Instant holdUntil) {
    if (wanted.isEmpty()) {
      throw invalid("Ask for at least one seat.");
    }
    List<String> shortages = new ArrayList<>();
    for (Map.Entry<String, Integer> want : wanted.entrySet()) {
      Count count = counts.get(want.getKey());
      if (count == null) {
        throw invalid("The conference has no seat type '" + want.getKey() + "'.");
      }
      if (want.getValue() == null || want.getValue() <= 0) {
        throw invalid("Ask for a positive number of '" + want.getKey() + "' seats.");
      }
      if (want.getValue() > count.available()) {
        shortages.add(count.available() + " '" + want.getKey() + "'");
      }
    }
    if (!shortages.isEmpty()) {
      throw conflict("Not enough seats left: only " + String.join(", ", shortages) + " left.");
    }
    return List.of(new SeatsReserved(conferenceId, bookingId, wanted, holdUntil));
  }

  public List<SeatAvailabilityEvent> decideCommit(String bookingId) {
    Hold hold = holds.get(bookingId);
    return hold == null
        ? List.of()
        : List.of(new SeatsCommitted(conferenceId, bookingId, hold.seats()));
  }

  /**
   * Gives back the seats of a booking: those it holds, else — when the booking was confirmed — the
   * seats it bought, which the booking knows ({@code soldSeats}; empty when it bought none). The
   * availability does not remember what each booking bought: its state stays as small as the open
   * holds, however many seats a conference sells, so loads and snapshots do not grow with sales.
   */
  public List<SeatAvailabilityEvent> decideRelease(
      String bookingId, Map<String, Integer> soldSeats, String reason) {
    Hold hold = holds.get(bookingId);
    if (hold != null) {
      return List.of(new SeatsReleased(conferenceId, bookingId, hold.seats(), reason, false));
    }
    return soldSeats.isEmpty()
        ? List.of()
        : List.of(new SeatsReleased(conferenceId, bookingId, soldSeats, reason, true));
  }

  /** Bookings whose hold deadline has passed by the clock's now, by id. */
  public List<String> overdue(Clock clock) {
    Instant now = clock.instant();
    List<String> overdue = new ArrayList<>();
    holds.forEach(
        (bookingId, hold) -> {
          if (!hold.holdUntil().isAfter(now)) {
            overdue.add(bookingId);
          }
        });
    overdue.sort(null);
    return overdue;
  }

  /** The state after {@code event}; this state is left as it is. */
  public SeatAvailability evolve(SeatAvailabilityEvent event) {
    if (event instanceof SeatCapacityChanged e) {
      Count c = count(e.seatType());
      return new SeatAvailability(
          e.conferenceId(),
          with(counts, e.seatType(), new Count(e.capacity(), c.held(), c.sold())),
          holds);
    }
    if (event instanceof SeatsReserved e) {
      return new SeatAvailability(
          e.conferenceId(),
          adjusted(e.seats(), 1, 0),
          holds.with(e.bookingId(), new Hold(e.seats(), e.holdUntil())));
    }
    if (event instanceof SeatsCommitted e) {
      return new SeatAvailability(
          conferenceId, adjusted(e.seats(), -1, 1), holds.without(e.bookingId()));
    }
    if (event instanceof SeatsReleased e) {
      if (holds.get(e.bookingId()) != null) {
        return new SeatAvailability(
            conferenceId, adjusted(e.seats(), -1, 0), holds.without(e.bookingId()));
      }
      return e.wereSold()
          ? new SeatAvailability(conferenceId, adjusted(e.seats(), 0, -1), holds)
          : this;
    }
    // unreachable while every permitted event has its branch above (Java 17 has no pattern switch)
    throw new IllegalStateException("no evolve for " + event);
  }

  /** The counts with each type of {@code seats} moved by its quantity times the signs given. */
  private Map<String, Count> adjusted(Map<String, Integer> seats, int heldSign, int soldSign) {
    Map<String, Count> next = new HashMap<>(counts);
    seats.forEach(
        (type, n) -> {
          Count c = next.getOrDefault(type, Count.NONE);
          next.put(type, new Count(c.capacity(), c.held() + heldSign * n, c.sold() + soldSign * n));
        });
    return next;
  }

  private static Map<String, Count> with(Map<String, Count> counts, String type, Count count) {
    Map<String, Count> next = new HashMap<>(counts);
    next.put(type, count);
    return next;
  }

  public Count count(String seatType) {
    return counts.getOrDefault(seatType, Count.NONE);
  }
}
