package org.seatledger.booking.application;

import static org.seatledger.booking.application.Kinds.availabilityStream;
import static org.seatledger.booking.application.Kinds.bookingStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.seatledger.booking.api.BookingEvent;
import org.seatledger.booking.api.BookingStatus;
import org.seatledger.booking.api.CommandContext;
import org.seatledger.booking.api.CommandOutcome.BookingStatusSet;
import org.seatledger.booking.api.CommandOutcome.HoldsExpired;
import org.seatledger.booking.api.SeatAvailabilityEvent;
import org.seatledger.booking.application.Verdict.Decided;
import org.seatledger.booking.domain.SeatAvailability;
import org.seatledger.eventlog.api.CommandAppend;
import org.seatledger.eventlog.api.CommandMetadata;

/**
 * Expires a conference's holds whose deadline has passed: each booking's expiry, with the release
 * of its seats, is a command of its own ({@code expire-<booking>}), so two servers expiring the
 * same hold at once append it once.
 */
@ApplicationScoped
public class OverdueHolds {

  /**
   * At most this many holds are expired by one command (one transaction): a backlog — overdue holds
   * piled up while the server was down — is worked off in bounded steps that leave room for other
   * commands of the conference between them.
   */
  static final int EXPIRIES_PER_COMMAND = 500;

  @Inject Repositories repositories;

  /** Now, for what is overdue (see {@link Clocks}). */
  @Inject Clock clock;

  /** One step: up to {@value #EXPIRIES_PER_COMMAND} expiries; says whether more are overdue. */
  Decided expire(String conferenceId, CommandContext context, Work work) {
    SeatAvailability availability = repositories.availability(work, conferenceId);
    List<String> overdue = availability.overdue(clock);
    List<String> expiring = overdue.subList(0, Math.min(overdue.size(), EXPIRIES_PER_COMMAND));
    repositories.preloadBookings(work, expiring);
    List<CommandAppend> appends = new ArrayList<>();
    for (String bookingId : expiring) {
      List<BookingEvent> expired = repositories.booking(work, bookingId).decideExpire(clock);
      if (expired.isEmpty()) {
        continue;
      }
      List<SeatAvailabilityEvent> released =
          availability.decideRelease(bookingId, Map.of(), "expired");
      appends.addAll(
          Decided.of(
                  new BookingStatusSet(bookingId, BookingStatus.EXPIRED),
                  new CommandMetadata(
                      "expire-" + bookingId,
                      context.correlationId(),
                      "hold-deadline",
                      "system",
                      "the hold deadline passed"),
                  work.changes(
                      bookingStream(bookingId),
                      expired,
                      availabilityStream(conferenceId),
                      released))
              .appends());
    }
    return new Decided(
        new HoldsExpired(conferenceId, appends.size(), overdue.size() > expiring.size()), appends);
  }
}
