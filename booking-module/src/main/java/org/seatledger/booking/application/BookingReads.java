package org.seatledger.booking.application;

import static org.seatledger.booking.application.Kinds.availabilityStream;
import static org.seatledger.booking.application.Kinds.bookingStream;
import static org.seatledger.booking.application.Kinds.conferenceStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.seatledger.booking.api.BookingQueries;
import org.seatledger.booking.domain.Booking;
import org.seatledger.booking.domain.BookingParticulars;
import org.seatledger.booking.domain.Conference;
import org.seatledger.booking.domain.SeatAvailability;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.RecordedEvent;

/**
 * Queries answered from the aggregates, loaded without the writers' cache (those states belong to
 * the writers): newest snapshot plus the tail.
 */
@ApplicationScoped
public class BookingReads implements BookingQueries {

  @Inject EventStore store;
  @Inject Repositories repositories;

  @Override
  public Optional<ConferenceView> conference(String conferenceId) {
    Conference conference =
        repositories
            .conferenceRepository()
            .loadWithoutCache(conferenceStream(conferenceId))
            .state();
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
            conference.seatTypes().stream()
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
        repositories
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
    Booking booking = Booking.INITIAL;
    BookingParticulars particulars = BookingParticulars.INITIAL;
    for (RecordedEvent event : events) {
      booking = Booking.FOLD.apply(booking, event.event());
      particulars = BookingParticulars.FOLD.apply(particulars, event.event());
    }
    return Optional.of(
        new BookingView(
            booking.id(),
            booking.conferenceId(),
            booking.status(),
            booking.registrantId(),
            particulars.registrantName(),
            particulars.registrantEmail(),
            booking.seats(),
            booking.total(),
            booking.currency(),
            booking.holdUntil(),
            particulars.attendees().stream()
                .map(a -> new AttendeeView(a.seatType(), a.name(), a.email()))
                .toList(),
            events.get(events.size() - 1).streamVersion()));
  }
}
