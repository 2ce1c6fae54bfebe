package org.seatledger.booking.domain;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.seatledger.booking.api.Attendee;
import org.seatledger.booking.api.BookingEvent;
import org.seatledger.booking.api.BookingStatus;
import org.seatledger.booking.api.EntityView;
import org.seatledger.booking.api.EntityView.Snapshot;
import org.seatledger.booking.api.EntityViews;

/**
 * The auditors' entity views, folded by the aggregates' own {@link Fold}s and rendered as flat
 * fields. A booking's view adds its {@link BookingParticulars} (names, payment, reason, attendees),
 * which the booking aggregate deliberately does not keep.
 *
 * <p>Found by {@link EntityViews#standard()} through {@code META-INF/services}.
 */
public final class AggregateViews implements EntityViews {

  /** A stream type without an entity state: no fields, and no event changes that. */
  private static final EntityView NONE =
      new EntityView() {
        @Override
        public EntityView evolve(Object event) {
          return this;
        }

        @Override
        public SortedMap<String, Object> fields() {
          return Collections.emptySortedMap();
        }
      };

  @Override
  public EntityView initial(String streamType) {
    return switch (streamType) {
      case Conference.STREAM_TYPE ->
          new View<>(
              Conference.INITIAL,
              Conference.FOLD::apply,
              AggregateViews::conference,
              AggregateViews::conferenceSnapshot);
      case SeatAvailability.STREAM_TYPE ->
          new View<>(
              SeatAvailability.INITIAL,
              SeatAvailability.FOLD::apply,
              AggregateViews::seats,
              AggregateViews::seatsSnapshot);
      case Booking.STREAM_TYPE ->
          new View<>(BookingRead.INITIAL, BookingRead::apply, AggregateViews::booking, null);
      default -> NONE;
    };
  }

  @Override
  public Optional<EntityView> fromSnapshot(String streamType, int snapshotVersion, String state) {
    try {
      if (Conference.STREAM_TYPE.equals(streamType)
          && snapshotVersion == Snapshots.CONFERENCE_VERSION) {
        return Optional.of(
            new View<>(
                Snapshots.conference(state),
                Conference.FOLD::apply,
                AggregateViews::conference,
                AggregateViews::conferenceSnapshot));
      }
      if (SeatAvailability.STREAM_TYPE.equals(streamType)
          && snapshotVersion == Snapshots.AVAILABILITY_VERSION) {
        return Optional.of(
            new View<>(
                Snapshots.availability(state),
                SeatAvailability.FOLD::apply,
                AggregateViews::seats,
                AggregateViews::seatsSnapshot));
      }
    } catch (RuntimeException unreadable) {
      // a snapshot only accelerates: the caller replays instead
    }
    return Optional.empty();
  }

  /**
   * A view of one state: evolves by the fold, renders on demand; {@code snapshot} is the
   * aggregate's snapshot form, null for a kind that is not snapshotted.
   */
  private record View<S>(
      S state,
      BiFunction<S, Object, S> fold,
      Function<S, SortedMap<String, Object>> render,
      Function<S, Snapshot> snapshotter)
      implements EntityView {
    @Override
    public EntityView evolve(Object event) {
      S next = fold.apply(state, event);
      return next == state ? this : new View<>(next, fold, render, snapshotter);
    }

    @Override
    public SortedMap<String, Object> fields() {
      return Collections.unmodifiableSortedMap(render.apply(state));
    }

    @Override
    public Optional<Snapshot> snapshot() {
      return snapshotter == null ? Optional.empty() : Optional.of(snapshotter.apply(state));
    }
  }

  private static Snapshot conferenceSnapshot(Conference c) {
    return new Snapshot(Snapshots.CONFERENCE_VERSION, Snapshots.conference(c));
  }

  private static Snapshot seatsSnapshot(SeatAvailability a) {
    return new Snapshot(Snapshots.AVAILABILITY_VERSION, Snapshots.availability(a));
  }

  /** A booking as an auditor reads it: the aggregate's state and the particulars beside it. */
  private record BookingRead(Booking booking, BookingParticulars particulars) {
    static final BookingRead INITIAL = new BookingRead(Booking.INITIAL, BookingParticulars.INITIAL);

    BookingRead apply(Object event) {
      return event instanceof BookingEvent
          ? new BookingRead(
              Booking.FOLD.apply(booking, event), BookingParticulars.FOLD.apply(particulars, event))
          : this;
    }
  }

  private static SortedMap<String, Object> conference(Conference c) {
    SortedMap<String, Object> fields = new TreeMap<>();
    if (c.exists()) {
      fields.put("name", c.name());
      fields.put("slug", c.slug());
      fields.put("startsOn", c.startsOn().toString());
      fields.put("endsOn", c.endsOn().toString());
      fields.put("venue", c.venue());
      fields.put("published", c.published());
    }
    for (Conference.SeatType t : c.seatTypes()) {
      String at = "seatTypes." + t.code() + ".";
      fields.put(at + "name", t.name());
      fields.put(at + "quantity", t.quantity());
      fields.put(at + "price", t.price());
      fields.put(at + "currency", t.currency());
    }
    return fields;
  }

  private static SortedMap<String, Object> seats(SeatAvailability a) {
    SortedMap<String, Object> fields = new TreeMap<>();
    a.counts()
        .forEach(
            (type, n) -> {
              fields.put("seatTypes." + type + ".capacity", n.capacity());
              fields.put("seatTypes." + type + ".held", n.held());
              fields.put("seatTypes." + type + ".sold", n.sold());
            });
    return fields;
  }

  private static SortedMap<String, Object> booking(BookingRead read) {
    SortedMap<String, Object> fields = new TreeMap<>();
    Booking b = read.booking();
    BookingParticulars p = read.particulars();
    if (b.exists()) {
      fields.put("status", b.status().name());
      fields.put("conferenceId", b.conferenceId());
      fields.put("registrant.name", p.registrantName());
      fields.put("registrant.email", p.registrantEmail());
      b.seats().forEach((type, n) -> fields.put("seats." + type, n));
      fields.put("total", b.total());
      fields.put("currency", b.currency());
      fields.put("holdUntil", b.holdUntil().toString());
    }
    if (p.amountPaid() != null) {
      fields.put("payment.reference", p.paymentReference());
      fields.put("payment.amount", p.amountPaid());
    }
    if (b.status() == BookingStatus.CANCELLED) {
      fields.put("cancellationReason", p.cancellationReason());
    }
    List<Attendee> attendees = p.attendees();
    for (int i = 0; i < attendees.size(); i++) {
      fields.put("attendees." + i + ".seatType", attendees.get(i).seatType());
      fields.put("attendees." + i + ".name", attendees.get(i).name());
      fields.put("attendees." + i + ".email", attendees.get(i).email());
    }
    return fields;
  }
}
