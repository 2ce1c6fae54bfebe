package org.seatledger.it.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seatledger.it.store.Fixtures.command;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.BookingQueries;
import org.seatledger.booking.api.BookingStatus;
import org.seatledger.booking.api.ConferenceCreated;
import org.seatledger.booking.api.ConferencePublished;
import org.seatledger.booking.api.SeatCapacityChanged;
import org.seatledger.booking.api.SeatTypeAdded;
import org.seatledger.booking.api.SeatsReserved;
import org.seatledger.booking.application.HoldExpiry;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.StreamAppend;
import org.seatledger.it.Http;

/**
 * Hold deadlines come from the log, not from timers: a booking placed "before a restart" (written
 * straight into the log, with a deadline in the past) is expired by this fresh instance, once,
 * while the application's own expiry runs at the same time as a second server would.
 */
@ExtendWith(ArquillianExtension.class)
class ExpiryIT {

  @Deployment
  static WebArchive deployment() {
    return StoreDeployment.of("expiry-it", ExpiryIT.class, Fixtures.class, Http.class);
  }

  @Inject EventStore store;
  @Inject HoldExpiry expiry;
  @Inject BookingQueries queries;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Test
  void anOverdueHoldExpiresExactlyOnceAndGivesItsSeatsBack() throws Exception {
    String conference = UUID.randomUUID().toString();
    String booking = UUID.randomUUID().toString();
    publishedConference(conference, 5);
    overdueHold(conference, booking, 2, ExpectedVersion.exactly(1));
    assertEquals(2, queries.availability(conference).orElseThrow().seatTypes().get(0).held());

    Future<Integer> one = executor.submit(expiry::expireOverdue);
    Future<Integer> two = executor.submit(expiry::expireOverdue);
    one.get(60, TimeUnit.SECONDS);
    two.get(60, TimeUnit.SECONDS);
    expiry.expireOverdue();

    assertEquals(BookingStatus.EXPIRED, queries.booking(booking).orElseThrow().status());
    List<RecordedEvent> events = store.readStream("booking-" + booking, 1, 100);
    assertEquals(
        List.of("BookingPlaced", "BookingExpired"),
        events.stream().map(RecordedEvent::type).toList(),
        "expired once, however many rounds ran");
    assertEquals("system", events.get(1).recordedBy());
    assertEquals("expire-" + booking, events.get(1).commandId());
    var seats = queries.availability(conference).orElseThrow().seatTypes().get(0);
    assertEquals(List.of(0, 5), List.of(seats.held(), seats.available()), "the seats are back");
  }

  @Test
  void aClientThatSendsTheExpirysCommandIdAsItsKeyCannotStopTheExpiry() {
    String conference = UUID.randomUUID().toString();
    String booking = UUID.randomUUID().toString();
    // the id the expiry will use, taken first by a client for a command of its own
    var squat =
        Http.admin()
            .postJson(
                "/api/conferences",
                "{\"name\":\"Squat\",\"slug\":\"squat-"
                    + booking.substring(0, 8)
                    + "\",\"startsOn\":\"2027-06-01\",\"endsOn\":\"2027-06-02\",\"venue\":\"Hall\"}",
                "expire-" + booking);
    assertEquals(201, squat.statusCode(), squat.body());
    publishedConference(conference, 3);
    overdueHold(conference, booking, 1, ExpectedVersion.exactly(1));

    expiry.expireOverdue();

    assertEquals(BookingStatus.EXPIRED, queries.booking(booking).orElseThrow().status());
    List<RecordedEvent> events = store.readStream("booking-" + booking, 1, 100);
    assertEquals("expire-" + booking, events.get(1).commandId());
    assertEquals(0, queries.availability(conference).orElseThrow().seatTypes().get(0).held());
  }

  @Test
  void aBacklogOfOverdueHoldsIsExpiredInBoundedStepsInOneRound() {
    String conference = UUID.randomUUID().toString();
    int holds = 620; // more than one expiry command takes (500)
    publishedConference(conference, holds);
    // all in one append: written one by one, the server's own round (every few seconds) would
    // expire the first holds before the backlog is complete
    overdueHolds(conference, holds);
    assertEquals(holds, queries.availability(conference).orElseThrow().seatTypes().get(0).held());

    // one round works the whole backlog off (the server's own scheduled round may share the work)
    expiry.expireOverdue();

    var seats = queries.availability(conference).orElseThrow().seatTypes().get(0);
    assertEquals(List.of(0, holds), List.of(seats.held(), seats.available()), "every seat is back");
    // the events of one transaction share their recorded time: no transaction took them all
    Map<Instant, Long> releasedPerCommit =
        store.readStream("seats-" + conference, 1, 10_000).stream()
            .filter(event -> event.type().equals("SeatsReleased"))
            .collect(Collectors.groupingBy(RecordedEvent::recordedAt, Collectors.counting()));
    assertEquals(holds, releasedPerCommit.values().stream().mapToLong(Long::longValue).sum());
    assertTrue(releasedPerCommit.size() >= 2, "expired in more than one step");
    assertTrue(
        releasedPerCommit.values().stream().allMatch(n -> n <= 500),
        "at most 500 expiries per step: " + releasedPerCommit.values());
  }

  private void publishedConference(String conference, int seats) {
    store.append(
        command(),
        List.of(
            new StreamAppend(
                "conference-" + conference,
                "Conference",
                ExpectedVersion.NO_STREAM,
                List.of(
                    new ConferenceCreated(
                        conference,
                        "Old",
                        "old-" + conference.substring(0, 8),
                        LocalDate.parse("2027-01-01"),
                        LocalDate.parse("2027-01-02"),
                        "V"),
                    new SeatTypeAdded(
                        conference, "standard", "Standard", seats, BigDecimal.TEN, "EUR"),
                    new ConferencePublished(conference))),
            new StreamAppend(
                "seats-" + conference,
                "SeatAvailability",
                ExpectedVersion.NO_STREAM,
                List.of(new SeatCapacityChanged(conference, "standard", seats)))),
        null);
  }

  /** {@code count} bookings of one seat each, with holds whose deadline passed, in one append. */
  private void overdueHolds(String conference, int count) {
    Instant past = Instant.now().minusSeconds(60);
    List<StreamAppend> bookings = new java.util.ArrayList<>();
    List<Object> reserved = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      String booking = UUID.randomUUID().toString();
      bookings.add(placed(conference, booking, 1, past));
      reserved.add(new SeatsReserved(conference, booking, Map.of("standard", 1), past));
    }
    bookings.add(
        new StreamAppend("seats-" + conference, "SeatAvailability", ExpectedVersion.ANY, reserved));
    store.append(command(), bookings, null);
  }

  /** A booking placed with a hold whose deadline passed a minute ago. */
  private void overdueHold(
      String conference, String booking, int seats, ExpectedVersion availabilityAt) {
    Instant past = Instant.now().minusSeconds(60);
    store.append(
        command(),
        List.of(
            placed(conference, booking, seats, past),
            new StreamAppend(
                "seats-" + conference,
                "SeatAvailability",
                availabilityAt,
                List.of(new SeatsReserved(conference, booking, Map.of("standard", seats), past)))),
        null);
  }

  /** The new stream of a booking of {@code seats} standard seats held until {@code holdUntil}. */
  private static StreamAppend placed(
      String conference, String booking, int seats, Instant holdUntil) {
    return new StreamAppend(
        "booking-" + booking,
        "Booking",
        ExpectedVersion.NO_STREAM,
        List.of(
            new BookingPlaced(
                booking,
                conference,
                "r-" + booking,
                "Ada",
                "ada@example.org",
                Map.of("standard", seats),
                BigDecimal.TEN.multiply(BigDecimal.valueOf(seats)),
                "EUR",
                holdUntil)));
  }
}
