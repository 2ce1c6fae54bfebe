package org.seatledger.booking.application;

import static org.seatledger.booking.application.Kinds.availabilityStream;
import static org.seatledger.booking.application.Kinds.bookingStream;
import static org.seatledger.booking.application.Kinds.conferenceStream;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.seatledger.booking.domain.Booking;
import org.seatledger.booking.domain.Conference;
import org.seatledger.booking.domain.SeatAvailability;
import org.seatledger.eventlog.api.AggregateRepository;
import org.seatledger.eventlog.api.Aggregates;

/**
 * The repositories of the three aggregates (one cache each, shared by every writer of this server)
 * and how a batch's {@link Work} loads them by their ids.
 */
@ApplicationScoped
public class Repositories {

  @Inject Aggregates aggregates;

  private AggregateRepository<Conference> conferences;
  private AggregateRepository<SeatAvailability> availabilities;
  private AggregateRepository<Booking> bookings;

  @PostConstruct
  void init() {
    conferences = aggregates.repository(Kinds.CONFERENCE);
    availabilities = aggregates.repository(Kinds.AVAILABILITY);
    bookings = aggregates.repository(Kinds.BOOKING);
  }

  /** For queries: conferences, loaded without the writers' cache. */
  AggregateRepository<Conference> conferenceRepository() {
    return conferences;
  }

  /** For queries: seat availabilities, loaded without the writers' cache. */
  AggregateRepository<SeatAvailability> availabilityRepository() {
    return availabilities;
  }

  Conference conference(Work work, String conferenceId) {
    return work.state(conferenceStream(conferenceId), conferences, Kinds.CONFERENCE);
  }

  SeatAvailability availability(Work work, String conferenceId) {
    return work.state(availabilityStream(conferenceId), availabilities, Kinds.AVAILABILITY);
  }

  Booking booking(Work work, String bookingId) {
    return work.state(bookingStream(bookingId), bookings, Kinds.BOOKING);
  }

  /** A booking the caller knows to be new: see {@link Work#fresh}. */
  Booking newBooking(Work work, String bookingId) {
    return work.fresh(bookingStream(bookingId), bookings, Kinds.BOOKING);
  }

  /** Loads these bookings in a few queries: see {@link Work#preload}. */
  void preloadBookings(Work work, List<String> bookingIds) {
    work.preload(bookingIds.stream().map(Kinds::bookingStream).toList(), bookings, Kinds.BOOKING);
  }
}
