package org.seatledger.booking.domain;

import static org.seatledger.booking.api.CommandRefused.conflict;
import static org.seatledger.booking.api.CommandRefused.invalid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.seatledger.booking.api.SeatCapacityChanged;
import org.seatledger.booking.api.SeatsCommitted;
import org.seatledger.booking.api.SeatsReleased;
import org.seatledger.booking.api.SeatsReserved;

/**
 * The seats of one conference: the contended aggregate every booking goes through.
 *
 * <p>Invariant: for every seat type, held + sold never exceeds capacity. A request for more than is
 * left is refused whole (all or nothing), naming what is left of each type asked for.
 */
public final class SeatAvailability {

  /** Counts of one seat type. */
  public record Count(int capacity, int held, int sold) {
    public int available() {
      return capacity - held - sold;
    }
  }

  /** Seats held for a booking until a deadline. */
  public record Hold(Map<String, Integer> seats, Instant holdUntil) {}

  private String conferenceId;
  private final Map<String, Count> counts = new LinkedHashMap<>();
  private final Map<String, Hold> holds = new HashMap<>();

  public List<Object> decideCapacity(String conferenceId, String seatType, int capacity) {
    Count count = counts.getOrDefault(seatType, new Count(0, 0, 0));
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

  public List<Object> decideReserve(
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

  public List<Object> decideCommit(String bookingId) {
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
  public List<Object> decideRelease(
      String bookingId, Map<String, Integer> soldSeats, String reason) {
    Hold hold = holds.get(bookingId);
    if (hold != null) {
      return List.of(new SeatsReleased(conferenceId, bookingId, hold.seats(), reason, false));
    }
    return soldSeats.isEmpty()
        ? List.of()
        : List.of(new SeatsReleased(conferenceId, bookingId, soldSeats, reason, true));
  }

  /** Bookings whose hold deadline has passed at {@code now}. */
  public List<String> overdue(Instant now) {
    return holds.entrySet().stream()
        .filter(hold -> !hold.getValue().holdUntil().isAfter(now))
        .map(Map.Entry::getKey)
        .sorted()
        .collect(Collectors.toList());
  }

  public SeatAvailability evolve(Object event) {
    if (event instanceof SeatCapacityChanged e) {
      conferenceId = e.conferenceId();
      Count c = counts.getOrDefault(e.seatType(), new Count(0, 0, 0));
      counts.put(e.seatType(), new Count(e.capacity(), c.held(), c.sold()));
    } else if (event instanceof SeatsReserved e) {
      conferenceId = e.conferenceId();
      holds.put(e.bookingId(), new Hold(e.seats(), e.holdUntil()));
      e.seats().forEach((type, n) -> adjust(type, n, 0));
    } else if (event instanceof SeatsCommitted e) {
      holds.remove(e.bookingId());
      e.seats().forEach((type, n) -> adjust(type, -n, n));
    } else if (event instanceof SeatsReleased e) {
      if (holds.remove(e.bookingId()) != null) {
        e.seats().forEach((type, n) -> adjust(type, -n, 0));
      } else if (e.wereSold()) {
        e.seats().forEach((type, n) -> adjust(type, 0, -n));
      }
    }
    return this;
  }

  private void adjust(String type, int held, int soldDelta) {
    Count c = counts.getOrDefault(type, new Count(0, 0, 0));
    counts.put(type, new Count(c.capacity(), c.held() + held, c.sold() + soldDelta));
  }

  public Map<String, Count> counts() {
    return Map.copyOf(counts);
  }

  public Count count(String seatType) {
    return counts.getOrDefault(seatType, new Count(0, 0, 0));
  }

  public Map<String, Hold> holds() {
    return Map.copyOf(holds);
  }

  /** For snapshots: rebuilds a state from its parts. */
  static SeatAvailability of(
      String conferenceId, Map<String, Count> counts, Map<String, Hold> holds) {
    SeatAvailability state = new SeatAvailability();
    state.conferenceId = conferenceId;
    state.counts.putAll(counts);
    state.holds.putAll(holds);
    return state;
  }

  String conferenceId() {
    return conferenceId;
  }
}
