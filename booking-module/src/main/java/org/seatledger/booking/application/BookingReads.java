package org.seatledger.booking.application;

import static org.seatledger.booking.application.Kinds.availabilityStream;
import static org.seatledger.booking.application.Kinds.bookingStream;
import static org.seatledger.booking.application.Kinds.conferenceStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.seatledger.booking.api.AttendeesAssigned;
import org.seatledger.booking.api.BookingCancelled;
import org.seatledger.booking.api.BookingConfirmed;
import org.seatledger.booking.api.BookingExpired;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.BookingQueries;
import org.seatledger.booking.api.BookingStatus;
import org.seatledger.booking.api.RecordedEvent;
import org.seatledger.booking.domain.Conference;
import org.seatledger.booking.domain.SeatAvailability;
import org.seatledger.booking.eventstore.EventStore;

/**
 * Queries answered from the aggregates, loaded without the writers' cache (those states belong to
 * the writers): newest snapshot plus the tail.
 */
@ApplicationScoped
public class BookingReads implements BookingQueries {

  @Inject EventStore store;
  @Inject Aggregates aggregates;

  @Override
  public Optional<ConferenceView> conference(String conferenceId) {
    Conference conference =
        aggregates.conferenceRepository().loadWithoutCache(conferenceStream(conferenceId)).state();
    if (!conference.exists()) {
      return Optional.empty();
    }
    return Optional.of(
        new ConferenceView(
            conference.id(),
            conference.name(),
            conference.slug(),
            conference.startsOn(),
            conference.endsOn(),
            conference.venue(),
            conference.published(),
            conference.seatTypeList().stream()
                .map(
                    t ->
                        new SeatTypeView(t.code(), t.name(), t.quantity(), t.price(), t.currency()))
                .toList()));
  }

  @Override
  public List<ConferenceView> conferences() {
    List<ConferenceView> all = new ArrayList<>();
    for (String stream : store.streamsOfType(Kinds.CONFERENCE.streamType())) {
      conference(stream.substring("conference-".length())).ifPresent(all::add);
    }
    return all;
  }

  @Override
  public Optional<AvailabilityView> availability(String conferenceId) {
    long position = store.headPosition();
    Optional<ConferenceView> conference = conference(conferenceId);
    if (conference.isEmpty()) {
      return Optional.empty();
    }
    SeatAvailability seats =
        aggregates
            .availabilityRepository()
            .loadWithoutCache(availabilityStream(conferenceId))
            .state();
    List<SeatCountView> counts =
        conference.get().seatTypes().stream()
            .map(
                t -> {
                  SeatAvailability.Count n = seats.count(t.code());
                  return new SeatCountView(
                      t.code(), t.name(), n.capacity(), n.held(), n.sold(), n.available());
                })
            .toList();
    return Optional.of(new AvailabilityView(conferenceId, position, counts));
  }

  @Override
  public Optional<BookingView> booking(String bookingId) {
    List<RecordedEvent> events = store.readStream(bookingStream(bookingId), 1, 1000);
    if (events.isEmpty()) {
      return Optional.empty();
    }
    BookingPlaced placed = (BookingPlaced) events.get(0).event();
    BookingStatus status = BookingStatus.HELD;
    List<AttendeeView> attendees = List.of();
    for (RecordedEvent event : events) {
      Object e = event.event();
      if (e instanceof BookingConfirmed) {
        status = BookingStatus.CONFIRMED;
      } else if (e instanceof BookingCancelled) {
        status = BookingStatus.CANCELLED;
      } else if (e instanceof BookingExpired) {
        status = BookingStatus.EXPIRED;
      } else if (e instanceof AttendeesAssigned assigned) {
        attendees =
            assigned.attendees().stream()
                .map(a -> new AttendeeView(a.seatType(), a.name(), a.email()))
                .toList();
      }
    }
    return Optional.of(
        new BookingView(
            placed.bookingId(),
            placed.conferenceId(),
            status,
            placed.registrantId(),
            placed.registrantName(),
            placed.registrantEmail(),
            placed.seats(),
            placed.total(),
            placed.currency(),
            placed.holdUntil(),
            attendees,
            events.get(events.size() - 1).streamVersion()));
  }
}
