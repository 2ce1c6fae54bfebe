package org.seatledger.it.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.seatledger.booking.api.BookingCommand;
import org.seatledger.booking.api.BookingCommands;
import org.seatledger.booking.api.BookingQueries;
import org.seatledger.booking.api.CommandContext;
import org.seatledger.booking.api.CommandRefused;
import org.seatledger.booking.api.CommandResult;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.projection.Projection;
import org.seatledger.reporting.api.ReportingQueries;
import org.seatledger.reporting.projection.AvailabilityProjection;
import org.seatledger.reporting.projection.BookingsProjection;
import org.seatledger.reporting.projection.StatsProjection;

/**
 * The read models against the log they come from: after many concurrent commands, and after a
 * rebuild taken while commands keep coming, each equals a fresh full replay.
 */
@ExtendWith(ArquillianExtension.class)
class ReadModelIT {

  @Deployment
  static WebArchive deployment() {
    return StoreDeployment.withReporting(
        "read-model-it", ReadModelIT.class, Fixtures.class, Replay.class);
  }

  @Inject BookingCommands commands;
  @Inject BookingQueries queries;
  @Inject ReportingQueries reporting;
  @Inject EventLog log;
  @Inject UserTransaction transaction;

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private static final Map<Projection, List<String[]>> TABLES =
      Map.of(
          new AvailabilityProjection(),
          List.of(
              new String[] {"reporting_conferences", "conference_id"},
              new String[] {"reporting_seat_types", "conference_id, code"}),
          new BookingsProjection(),
          List.of(
              new String[] {"reporting_bookings", "booking_id"},
              new String[] {"reporting_attendees", "booking_id, ordinal"}),
          new StatsProjection(),
          List.of(
              new String[] {"reporting_daily_stats", "conference_id, stat_day"},
              new String[] {"reporting_stat_bookings", "booking_id"}));

  @Test
  void afterFiveHundredMixedCommandsFromEightClientsEveryReadModelEqualsAFullReplay()
      throws Exception {
    List<String> conferences = List.of(conference(40), conference(40), conference(40));
    List<String> bookings = Collections.synchronizedList(new ArrayList<>());
    ExecutorService clients = Executors.newFixedThreadPool(8, threads);
    List<Future<?>> work = new ArrayList<>();
    for (int client = 0; client < 8; client++) {
      int seed = client;
      work.add(
          clients.submit(
              () -> {
                Random random = new Random(seed);
                for (int i = 0; i < 63; i++) {
                  mixedCommand(random, conferences, bookings);
                }
                return null;
              }));
    }
    for (Future<?> done : work) {
      done.get(5, TimeUnit.MINUTES);
    }
    clients.shutdown();

    assertEveryReadModelEqualsAFullReplay();
    // live batches are small; a rebuild folds the whole mixed log in large batches — it must still
    // equal the event-by-event replay
    for (String name :
        List.of(ReportingQueries.AVAILABILITY, ReportingQueries.BOOKINGS, ReportingQueries.STATS)) {
      rebuildAndWait(name);
    }
    assertEveryReadModelEqualsAFullReplay();
    for (String conference : conferences) {
      var fromAggregate = queries.availability(conference).orElseThrow().seatTypes();
      var fromReadModel = reporting.availability(conference).orElseThrow().seatTypes();
      for (int i = 0; i < fromAggregate.size(); i++) {
        assertEquals(
            List.of(
                fromAggregate.get(i).code(),
                fromAggregate.get(i).capacity(),
                fromAggregate.get(i).held(),
                fromAggregate.get(i).sold(),
                fromAggregate.get(i).available()),
            List.of(
                fromReadModel.get(i).code(),
                fromReadModel.get(i).capacity(),
                fromReadModel.get(i).held(),
                fromReadModel.get(i).sold(),
                fromReadModel.get(i).available()),
            "the read model's availability is the aggregate's");
      }
    }
    Map<String, String> names = reporting.conferenceNames();
    for (String conference : conferences) {
      assertEquals("Mix", names.get(conference), "a list names every conference, rebuilt or not");
    }
  }

  @Test
  void aQueryWithAtLeastSeesTheWriteThatReturnedThatPosition() {
    String conference = conference(10);
    for (int i = 1; i <= 5; i++) {
      CommandResult placed = place(conference, 1);
      assertTrue(
          reporting.awaitPosition(
              ReportingQueries.AVAILABILITY, placed.position(), Duration.ofSeconds(2)));
      var availability = reporting.availability(conference).orElseThrow();
      assertTrue(availability.position() >= placed.position());
      assertEquals(
          i, availability.seatTypes().get(0).held(), "the booking just placed is in the model");
    }
  }

  @Test
  void aRebuildDuringConcurrentWritesEndsEqualToTheIncrementalModel() throws Exception {
    String conference = conference(50_000);
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService writer = Executors.newSingleThreadExecutor(threads);
    Future<Integer> written =
        writer.submit(
            () -> {
              int n = 0;
              while (writing.get()) {
                place(conference, 1);
                n++;
              }
              return n;
            });
    Thread.sleep(300);
    int before = Replay.liveGeneration(dataSource, ReportingQueries.BOOKINGS);
    assertTrue(reporting.rebuild(ReportingQueries.BOOKINGS));
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Replay.liveGeneration(dataSource, ReportingQueries.BOOKINGS) == before
        && Instant.now().isBefore(deadline)) {
      reporting.projections();
      Thread.sleep(100);
    }
    writing.set(false);
    assertTrue(written.get(1, TimeUnit.MINUTES) > 0, "bookings were placed during the rebuild");
    writer.shutdown();
    assertEquals(
        before + 1,
        Replay.liveGeneration(dataSource, ReportingQueries.BOOKINGS),
        "switched to the rebuilt rows");
    assertEveryReadModelEqualsAFullReplay();
  }

  private void rebuildAndWait(String name) throws Exception {
    int before = Replay.liveGeneration(dataSource, name);
    assertTrue(reporting.rebuild(name), name + " rebuild started");
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Replay.liveGeneration(dataSource, name) == before && Instant.now().isBefore(deadline)) {
      reporting.projections();
      Thread.sleep(50);
    }
    assertEquals(before + 1, Replay.liveGeneration(dataSource, name), name + " switched");
  }

  private void assertEveryReadModelEqualsAFullReplay() throws Exception {
    long head = log.headPosition();
    for (String name :
        List.of(ReportingQueries.AVAILABILITY, ReportingQueries.BOOKINGS, ReportingQueries.STATS)) {
      assertTrue(reporting.awaitPosition(name, head, Duration.ofSeconds(60)), name + " caught up");
    }
    for (var entry : TABLES.entrySet()) {
      Projection projection = entry.getKey();
      int live = Replay.liveGeneration(dataSource, projection.name());
      int spare = 1_000_000 + new Random().nextInt(1_000_000);
      Replay.into(projection, spare, log, dataSource, transaction, head);
      try {
        for (String[] table : entry.getValue()) {
          assertEquals(
              Replay.rows(dataSource, table[0], spare, table[1]),
              Replay.rows(dataSource, table[0], live, table[1]),
              table[0] + " equals a full replay");
        }
      } finally {
        Replay.drop(projection, spare, dataSource, transaction);
      }
    }
  }

  private void mixedCommand(Random random, List<String> conferences, List<String> bookings) {
    String conference = conferences.get(random.nextInt(conferences.size()));
    int dice = random.nextInt(100);
    try {
      if (dice < 55 || bookings.isEmpty()) {
        bookings.add(place(conference, 1 + random.nextInt(2)).id());
      } else if (dice < 75) {
        String booking = bookings.get(random.nextInt(bookings.size()));
        var view = queries.booking(booking).orElseThrow();
        send(
            new BookingCommand.ConfirmBooking(
                booking, "PAY-" + random.nextInt(1000), view.total(), view.currency()));
      } else if (dice < 90) {
        send(
            new BookingCommand.CancelBooking(
                bookings.get(random.nextInt(bookings.size())), "changed plans"));
      } else if (dice < 95) {
        send(
            new BookingCommand.AssignAttendees(
                bookings.get(random.nextInt(bookings.size())),
                List.of(
                    new BookingCommand.AttendeeInput(
                        "standard", "Grace Hopper", "grace@example.org"))));
      } else {
        send(
            new BookingCommand.ChangeSeatQuantity(conference, "standard", 30 + random.nextInt(20)));
      }
    } catch (CommandRefused refusedByTheRules) {
      // sold out, not confirmed yet, already cancelled…: refusals are part of the mix
    }
  }

  private String conference(int seats) {
    String id =
        send(new BookingCommand.CreateConference(
                "Mix",
                "mix-" + UUID.randomUUID().toString().substring(0, 12),
                LocalDate.parse("2027-01-01"),
                LocalDate.parse("2027-01-02"),
                "Hall"))
            .id();
    send(
        new BookingCommand.AddSeatType(
            id, "standard", "Standard", seats, new BigDecimal("25.00"), "EUR"));
    send(new BookingCommand.AddSeatType(id, "vip", "VIP", 5, new BigDecimal("90.00"), "EUR"));
    send(new BookingCommand.PublishConference(id));
    return id;
  }

  private CommandResult place(String conference, int seats) {
    return send(
        new BookingCommand.PlaceBooking(
            conference, "Ada Lovelace", "ada@example.org", Map.of("standard", seats)));
  }

  private CommandResult send(BookingCommand command) {
    return commands.handle(command, new CommandContext(null, null, "it-staff", null));
  }
}
