package org.seatledger.booking.application;

import org.seatledger.booking.domain.Booking;
import org.seatledger.booking.domain.Conference;
import org.seatledger.booking.domain.SeatAvailability;
import org.seatledger.booking.domain.Snapshots;
import org.seatledger.eventlog.api.EventSourced;

/** The three kinds of aggregate, their stream ids and how they are rebuilt and snapshotted. */
public final class Kinds {
  private Kinds() {}

  static String conferenceStream(String conferenceId) {
    return "conference-" + conferenceId;
  }

  static String availabilityStream(String conferenceId) {
    return "seats-" + conferenceId;
  }

  static String bookingStream(String bookingId) {
    return "booking-" + bookingId;
  }

  static String slugStream(String slug) {
    return "slug-" + slug;
  }

  static final EventSourced<Conference> CONFERENCE =
      new EventSourced<>() {
        public String streamType() {
          return Conference.STREAM_TYPE;
        }

        public Conference initial() {
          return Conference.INITIAL;
        }

        public Conference evolve(Conference state, Object event) {
          return Conference.FOLD.apply(state, event);
        }

        public int snapshotVersion() {
          return Snapshots.CONFERENCE_VERSION;
        }

        public String toSnapshot(Conference state) {
          return Snapshots.conference(state);
        }

        public Conference fromSnapshot(String json) {
          return Snapshots.conference(json);
        }
      };

  public static final EventSourced<SeatAvailability> AVAILABILITY =
      new EventSourced<>() {
        public String streamType() {
          return SeatAvailability.STREAM_TYPE;
        }

        public SeatAvailability initial() {
          return SeatAvailability.INITIAL;
        }

        public SeatAvailability evolve(SeatAvailability state, Object event) {
          return SeatAvailability.FOLD.apply(state, event);
        }

        public int snapshotVersion() {
          return Snapshots.AVAILABILITY_VERSION;
        }

        public String toSnapshot(SeatAvailability state) {
          return Snapshots.availability(state);
        }

        public SeatAvailability fromSnapshot(String json) {
          return Snapshots.availability(json);
        }
      };

  /** Bookings have a handful of events: replaying them is cheaper than any snapshot. */
  static final EventSourced<Booking> BOOKING =
      new EventSourced<>() {
        public String streamType() {
          return Booking.STREAM_TYPE;
        }

        public Booking initial() {
          return Booking.INITIAL;
        }

        public Booking evolve(Booking state, Object event) {
          return Booking.FOLD.apply(state, event);
        }

        public int snapshotVersion() {
          return 0;
        }

        public String toSnapshot(Booking state) {
          throw new UnsupportedOperationException("bookings are not snapshotted");
        }

        public Booking fromSnapshot(String json) {
          throw new UnsupportedOperationException("bookings are not snapshotted");
        }
      };
}
