package org.seatledger.booking.application;

import static org.seatledger.booking.application.Kinds.bookingStream;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.seatledger.booking.api.BookingCommand;
import org.seatledger.booking.api.BookingCommand.CreateConference;
import org.seatledger.booking.api.BookingCommand.OnBooking;
import org.seatledger.booking.api.BookingCommand.OnConference;
import org.seatledger.booking.api.BookingCommands;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.CommandContext;
import org.seatledger.booking.api.CommandOutcome;
import org.seatledger.booking.api.CommandRefused;
import org.seatledger.booking.api.CommandResult;
import org.seatledger.eventlog.api.EventStore;

/**
 * Carries out booking commands: routes each to the writer of its conference ({@link
 * ConferenceWriter}, one per conference on this server), whose batches {@link BatchRunner} decides
 * and appends, and waits for its result.
 *
 * <h2>Cross-aggregate steps are one transaction</h2>
 *
 * Placing a booking appends {@code BookingPlaced} to the booking's stream and {@code SeatsReserved}
 * to the conference's seat availability in the same append; confirming, cancelling and expiring
 * likewise change the booking and the seats together. There is no saga that can stop half-way: a
 * booking is never HELD without its seats held, and seats are never held for a booking that does
 * not exist, whatever crashes or retries happen. Repeating a command (same id) returns its first
 * outcome.
 */
@ApplicationScoped
public class BookingService implements BookingCommands {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Inject EventStore store;
  @Inject BatchRunner batches;

  /**
   * Writers run on threads of their own: never on the server's request threads, which wait for
   * them. Sharing one pool could let waiting requests take every thread (a starvation deadlock).
   */
  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "seatledger.writer-threads", defaultValue = "16")
  int writerThreads;

  private ExecutorService executor;

  private final Map<String, ConferenceWriter> writers = new ConcurrentHashMap<>();
  private final Map<String, String> conferenceOfBooking = new ConcurrentHashMap<>();

  @PostConstruct
  void init() {
    executor = Executors.newFixedThreadPool(writerThreads, threads);
  }

  @PreDestroy
  void stop() {
    executor.shutdown();
  }

  @Override
  public CommandResult handle(BookingCommand command, CommandContext context) {
    String conferenceId = conferenceOf(command, context);
    ConferenceWriter writer =
        writers.computeIfAbsent(
            conferenceId,
            id -> new ConferenceWriter(executor, batch -> batches.process(id, batch)));
    CommandResult result;
    try {
      result = writer.submit(command, context).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "the command was not carried out within " + WAIT.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the command", e);
    }
    if (result.outcome() instanceof CommandOutcome.BookingHeld held) {
      remember(held.bookingId(), conferenceId);
    }
    return result;
  }

  @Override
  public long conflictRetries() {
    return batches.conflictRetries();
  }

  /** The conference whose writer carries out {@code command}. */
  private String conferenceOf(BookingCommand command, CommandContext context) {
    if (command instanceof OnConference onConference) {
      return onConference.conferenceId();
    } else if (command instanceof OnBooking onBooking) {
      return conferenceOfBooking(onBooking.bookingId());
    } else if (command instanceof CreateConference) {
      return DerivedIds.of("conference", context.commandId());
    }
    throw new IllegalArgumentException("no conference for " + command);
  }

  /** The booking's conference: remembered, else read from the booking's first event. */
  private String conferenceOfBooking(String bookingId) {
    String known = conferenceOfBooking.get(bookingId);
    if (known != null) {
      return known;
    }
    String conferenceId =
        store.readStream(bookingStream(bookingId), 1, 1).stream()
            .map(event -> ((BookingPlaced) event.event()).conferenceId())
            .findFirst()
            .orElseThrow(() -> CommandRefused.notFound("There is no booking '" + bookingId + "'."));
    remember(bookingId, conferenceId);
    return conferenceId;
  }

  private void remember(String bookingId, String conferenceId) {
    if (conferenceOfBooking.size() > 100_000) {
      conferenceOfBooking.clear();
    }
    conferenceOfBooking.put(bookingId, conferenceId);
  }
}
