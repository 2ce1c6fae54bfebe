package org.seatledger.booking.application;

import static org.seatledger.booking.application.Kinds.availabilityStream;
import static org.seatledger.booking.application.Kinds.bookingStream;
import static org.seatledger.booking.application.Verdict.metadata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.seatledger.booking.api.Attendee;
import org.seatledger.booking.api.BookingCommand;
import org.seatledger.booking.api.BookingCommand.AssignAttendees;
import org.seatledger.booking.api.BookingCommand.CancelBooking;
import org.seatledger.booking.api.BookingCommand.ConfirmBooking;
import org.seatledger.booking.api.BookingCommand.PlaceBooking;
import org.seatledger.booking.api.BookingEvent;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.BookingStatus;
import org.seatledger.booking.api.CommandContext;
import org.seatledger.booking.api.CommandOutcome.AttendeesNamed;
import org.seatledger.booking.api.CommandOutcome.BookingHeld;
import org.seatledger.booking.api.CommandOutcome.BookingStatusSet;
import org.seatledger.booking.api.CommandRefused;
import org.seatledger.booking.api.SeatAvailabilityEvent;
import org.seatledger.booking.application.Verdict.Decided;
import org.seatledger.booking.domain.Booking;
import org.seatledger.booking.domain.Placement;
import org.seatledger.eventlog.api.TimeOrderedIds;

/**
 * Commands on a booking: the booking decides, and what it does to seats goes to the conference's
 * seat availability in the same append — a booking is never HELD without its seats held.
 *
 * @throws CommandRefused from every method, when the rules refuse the command
 */
@ApplicationScoped
public class BookingHandler {

  @Inject Repositories repositories;

  /** Now, for hold deadlines (see {@link Clocks}). */
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "seatledger.hold-timeout", defaultValue = "PT15M")
  Duration holdTimeout;

  /**
   * Prices the seats, holds them until the hold deadline and places the booking, under new
   * time-ordered ids for the booking and the registrant.
   */
  Decided place(String conferenceId, PlaceBooking c, CommandContext context, Work work) {
    String bookingId = TimeOrderedIds.nextText();
    // New ids, sorting by the millisecond they were made: the booking's stream, the registrant's
    // data key and every row keyed by them go in at the end of their indexes, where name-based ids
    // derived from the command went in at random places (one page read each once the log outgrows
    // the buffer pool). New ids name new streams, so the booking's is taken as empty and not read,
    // and no data key is looked up for the registrant. A repeated command (a client's retry, or
    // another server at the same moment) is not found by its ids: the append's guard under the
    // log's lock finds the command carried out and answers with its first outcome, ids and all.
    Placement placement =
        Placement.decide(
            c,
            bookingId,
            TimeOrderedIds.nextText(),
            repositories.conference(work, conferenceId),
            repositories.availability(work, conferenceId),
            repositories.newBooking(work, bookingId),
            clock,
            holdTimeout);
    BookingPlaced placed = placement.placed();
    return Decided.of(
        new BookingHeld(
            bookingId,
            placed.registrantId(),
            placed.holdUntil(),
            placed.total(),
            placed.currency()),
        metadata(context),
        work.changes(
            bookingStream(bookingId),
            placement.booking(),
            availabilityStream(conferenceId),
            placement.seats()),
        Set.of(placed.registrantId()));
  }

  /** Records the payment; the held seats become sold. */
  Decided confirm(String conferenceId, ConfirmBooking c, CommandContext context, Work work) {
    Booking booking = repositories.booking(work, c.bookingId());
    List<BookingEvent> confirmed =
        booking.decideConfirm(c.paymentReference(), c.amount(), c.currency());
    List<SeatAvailabilityEvent> committed =
        confirmed.isEmpty()
            ? List.of()
            : repositories.availability(work, conferenceId).decideCommit(c.bookingId());
    return Decided.of(
        new BookingStatusSet(c.bookingId(), BookingStatus.CONFIRMED),
        metadata(context),
        work.changes(
            bookingStream(c.bookingId()), confirmed, availabilityStream(conferenceId), committed));
  }

  /** Cancels the booking; its seats, held or sold, are given back. */
  Decided cancel(String conferenceId, CancelBooking c, CommandContext context, Work work) {
    Booking booking = repositories.booking(work, c.bookingId());
    List<BookingEvent> cancelled = booking.decideCancel(c.reason());
    // a confirmed booking gives back the seats it bought; a held one its hold
    Map<String, Integer> sold =
        booking.status() == BookingStatus.CONFIRMED ? booking.seats() : Map.of();
    List<SeatAvailabilityEvent> released =
        cancelled.isEmpty()
            ? List.of()
            : repositories
                .availability(work, conferenceId)
                .decideRelease(c.bookingId(), sold, "cancelled");
    return Decided.of(
        new BookingStatusSet(c.bookingId(), BookingStatus.CANCELLED),
        metadata(context),
        work.changes(
            bookingStream(c.bookingId()), cancelled, availabilityStream(conferenceId), released));
  }

  /** Names the attendees, each under a new time-ordered id (see {@link #place}). */
  Decided assign(AssignAttendees c, CommandContext context, Work work) {
    Booking booking = repositories.booking(work, c.bookingId());
    List<Attendee> attendees = new ArrayList<>();
    for (int i = 0; i < c.attendees().size(); i++) {
      BookingCommand.AttendeeInput input = c.attendees().get(i);
      attendees.add(
          new Attendee(TimeOrderedIds.nextText(), input.seatType(), input.name(), input.email()));
    }
    return Decided.of(
        new AttendeesNamed(c.bookingId(), attendees.size()),
        metadata(context),
        work.changes(bookingStream(c.bookingId()), booking.decideAssign(attendees)));
  }
}
