package org.seatledger.booking.application;

import static org.seatledger.booking.application.Kinds.availabilityStream;
import static org.seatledger.booking.application.Kinds.bookingStream;
import static org.seatledger.booking.application.Kinds.conferenceStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.seatledger.booking.api.BookingQueries;
import org.seatledger.booking.domain.Booking;
import org.seatledger.booking.domain.BookingParticulars;
import org.seatledger.booking.domain.Conference;
import org.seatledger.booking.domain.SeatAvailability;
import org.seatledger.eventlog.api.AggregateRepository.Loaded;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.RecordedEvent;

/**
 * Queries answered from the aggregates, loaded without the writers' cache (those states belong to
 * the writers): newest snapshot plus the tail.
 */
@ApplicationScoped
public class BookingReads implements BookingQueries {

  /** Conferences loaded together for a list: a few queries per this many. */
  private static final int LOADED_AT_ONCE = 200;

  @Inject EventStore store;
  @Inject Repositories repositories;

  @Override
  public Optional<ConferenceView> conference(String conferenceId) {
    return view(
        repositories.conferenceRepository().loadWithoutCache(conferenceStream(conferenceId)));
  }

  /**
   * Every conference, loaded a few hundred at a time (a few queries each: their snapshots, then
   * their events), never the whole list's aggregates at once nor one conference per query.
   */
  @Override
  public List<ConferenceView> conferences() {
    List<String> streams = store.streamsOfType(Kinds.CONFERENCE.streamType());
    List<ConferenceView> all = new ArrayList<>(streams.size());
    for (int from = 0; from < streams.size(); from += LOADED_AT_ONCE) {
      all.addAll(views(streams.subList(from, Math.min(streams.size(), from + LOADED_AT_ONCE))));
    }
    return all;
  }

  @Override
  public ConferencePage conferences(long page, int size) {
    String type = Kinds.CONFERENCE.streamType();
    long total = store.countStreamsOfType(type);
    // past any count a table holds, and (page - 1) * size cannot overflow
    long skip = page - 1 > Integer.MAX_VALUE ? Long.MAX_VALUE : (page - 1) * size;
    List<ConferenceView> items = views(store.streamsOfType(type, skip, size));
    return new ConferencePage(items, page, size, total);
  }

  private List<ConferenceView> views(List<String> streams) {
    Map<String, Loaded<Conference>> loaded =
        repositories.conferenceRepository().loadAllWithoutCache(streams);
    List<ConferenceView> views = new ArrayList<>(streams.size());
    for (String stream : streams) {
      view(loaded.get(stream)).ifPresent(views::add);
    }
    return views;
  }

  private static Optional<ConferenceView> view(Loaded<Conference> loaded) {
    Conference conference = loaded.state();
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
