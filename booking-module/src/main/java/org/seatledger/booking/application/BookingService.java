package org.seatledger.booking.application;

import static org.seatledger.booking.application.Kinds.availabilityStream;
import static org.seatledger.booking.application.Kinds.bookingStream;
import static org.seatledger.booking.application.Kinds.conferenceStream;
import static org.seatledger.booking.application.Kinds.slugStream;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.seatledger.booking.api.Attendee;
import org.seatledger.booking.api.BookingCommand;
import org.seatledger.booking.api.BookingCommand.AddSeatType;
import org.seatledger.booking.api.BookingCommand.AssignAttendees;
import org.seatledger.booking.api.BookingCommand.CancelBooking;
import org.seatledger.booking.api.BookingCommand.ChangeSeatQuantity;
import org.seatledger.booking.api.BookingCommand.ConfirmBooking;
import org.seatledger.booking.api.BookingCommand.CreateConference;
import org.seatledger.booking.api.BookingCommand.ExpireOverdueHolds;
import org.seatledger.booking.api.BookingCommand.PlaceBooking;
import org.seatledger.booking.api.BookingCommand.PublishConference;
import org.seatledger.booking.api.BookingCommand.UnpublishConference;
import org.seatledger.booking.api.BookingCommands;
import org.seatledger.booking.api.BookingEvent;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.BookingStatus;
import org.seatledger.booking.api.CommandContext;
import org.seatledger.booking.api.CommandRefused;
import org.seatledger.booking.api.CommandResult;
import org.seatledger.booking.api.ConferenceEvent;
import org.seatledger.booking.api.SeatAvailabilityEvent;
import org.seatledger.booking.api.SlugClaimed;
import org.seatledger.booking.domain.Booking;
import org.seatledger.booking.domain.Conference;
import org.seatledger.booking.domain.Placement;
import org.seatledger.booking.domain.SeatAvailability;
import org.seatledger.eventlog.api.AggregateRepository;
import org.seatledger.eventlog.api.Aggregates;
import org.seatledger.eventlog.api.AppendResult;
import org.seatledger.eventlog.api.CommandAppend;
import org.seatledger.eventlog.api.CommandMetadata;
import org.seatledger.eventlog.api.ConcurrencyConflict;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.StreamAppend;

/**
 * Carries out booking commands: routes each to its conference's writer, which decides batches of
 * commands against the aggregates and appends their events in one transaction.
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
  /** Looked up once: {@code Json.create…} looks the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Logger LOG = Logger.getLogger(BookingService.class.getName());
  private static final int ATTEMPTS = 5;
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Inject EventStore store;
  @Inject Aggregates aggregates;

  /** Now, for hold deadlines and their expiry (see {@link Clocks}). */
  @Inject Clock clock;

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

  @Inject
  @ConfigProperty(name = "seatledger.hold-timeout", defaultValue = "PT15M")
  Duration holdTimeout;

  /**
   * At most this many holds are expired by one command (one transaction): a backlog — overdue holds
   * piled up while the server was down — is worked off in bounded steps that leave room for other
   * commands of the conference between them.
   */
  static final int EXPIRIES_PER_COMMAND = 500;

  AggregateRepository<Conference> conferences;
  AggregateRepository<SeatAvailability> availabilities;
  AggregateRepository<Booking> bookings;

  private final Map<String, ConferenceWriter> writers = new ConcurrentHashMap<>();
  private final LongAdder conflictRetries = new LongAdder();
  private final Map<String, String> conferenceOfBooking = new ConcurrentHashMap<>();

  @PostConstruct
  void init() {
    executor = Executors.newFixedThreadPool(writerThreads, threads);
    conferences = aggregates.repository(Kinds.CONFERENCE);
    availabilities = aggregates.repository(Kinds.AVAILABILITY);
    bookings = aggregates.repository(Kinds.BOOKING);
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
            conferenceId, id -> new ConferenceWriter(executor, batch -> process(id, batch)));
    try {
      return writer.submit(command, context).get(WAIT.toSeconds(), TimeUnit.SECONDS);
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
  }

  @Override
  public long conflictRetries() {
    return conflictRetries.sum();
  }

  /** For queries: conferences, loaded without the writers' cache. */
  AggregateRepository<Conference> conferenceRepository() {
    return conferences;
  }

  /** For queries: seat availabilities, loaded without the writers' cache. */
  AggregateRepository<SeatAvailability> availabilityRepository() {
    return availabilities;
  }

  /** Duration a placed booking holds its seats. */
  Duration hold() {
    return holdTimeout;
  }

  private String conferenceOf(BookingCommand command, CommandContext context) {
    if (command instanceof CreateConference) {
      return derivedId("conference", context.commandId());
    } else if (command instanceof AddSeatType c) {
      return c.conferenceId();
    } else if (command instanceof ChangeSeatQuantity c) {
      return c.conferenceId();
    } else if (command instanceof PublishConference c) {
      return c.conferenceId();
    } else if (command instanceof UnpublishConference c) {
      return c.conferenceId();
    } else if (command instanceof PlaceBooking c) {
      return c.conferenceId();
    } else if (command instanceof ExpireOverdueHolds c) {
      return c.conferenceId();
    } else if (command instanceof ConfirmBooking c) {
      return conferenceOfBooking(c.bookingId());
    } else if (command instanceof CancelBooking c) {
      return conferenceOfBooking(c.bookingId());
    } else if (command instanceof AssignAttendees c) {
      return conferenceOfBooking(c.bookingId());
    }
    throw new IllegalArgumentException("unknown command " + command);
  }

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
    if (conferenceOfBooking.size() > 100_000) {
      conferenceOfBooking.clear();
    }
    conferenceOfBooking.put(bookingId, conferenceId);
    return conferenceId;
  }

  /** Ids derived from the command id: a repeated command names the same conference or booking. */
  static String derivedId(String kind, String commandId) {
    return UUID.nameUUIDFromBytes((kind + ":" + commandId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** What one command decided: its appends (none: nothing changes) and what to answer. */
  private record Decision(String id, JsonObject outcome, List<CommandAppend> appends) {}

  /**
   * One batch of one conference's writer, retried on fresh state when another server interfered.
   */
  private void process(String conferenceId, List<ConferenceWriter.Pending> batch) {
    List<ConferenceWriter.Pending> open = new ArrayList<>(batch);
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Map<String, AppendResult> repeats =
          store.processed(open.stream().map(p -> p.context().commandId()).toList());
      open.removeIf(
          pending -> {
            AppendResult first = repeats.get(pending.context().commandId());
            if (first != null) {
              pending.result().complete(repeated(first));
            }
            return first != null;
          });
      if (open.isEmpty()) {
        return;
      }
      Work work = new Work(store);
      Map<ConferenceWriter.Pending, Object> answers = new HashMap<>();
      List<ConferenceWriter.Pending> appending = new ArrayList<>();
      List<Decision> decisions = new ArrayList<>();
      for (ConferenceWriter.Pending pending : open) {
        try {
          Decision decision = decide(conferenceId, pending, work);
          if (decision.appends().isEmpty()) {
            answers.put(pending, new CommandResult(decision.id(), 0, false, decision.outcome()));
          } else {
            appending.add(pending);
            decisions.add(decision);
          }
        } catch (CommandRefused refused) {
          answers.put(pending, refused);
        }
      }
      if (!answers.isEmpty() && work.stale()) {
        work.discard(); // answers without an append must rest on the current state: decide again
        continue;
      }
      try {
        List<CommandAppend> appends =
            decisions.stream().flatMap(d -> d.appends().stream()).toList();
        List<AppendResult> results = appends.isEmpty() ? List.of() : store.appendAll(appends);
        work.committed();
        int index = 0;
        for (int i = 0; i < appending.size(); i++) {
          Decision decision = decisions.get(i);
          index += decision.appends().size();
          long position = results.get(index - 1).lastPosition();
          appending
              .get(i)
              .result()
              .complete(new CommandResult(decision.id(), position, false, decision.outcome()));
        }
        answers.forEach(BookingService::answer);
        return;
      } catch (ConcurrencyConflict conflict) {
        work.discard();
        conflictRetries.increment();
        LOG.fine(
            () ->
                "conference "
                    + conferenceId
                    + " changed meanwhile, deciding again: "
                    + conflict.getMessage());
      } catch (RuntimeException failure) {
        work.discard();
        appending.forEach(p -> p.result().completeExceptionally(failure));
        answers.forEach(BookingService::answer);
        return;
      }
    }
    CommandRefused busy =
        CommandRefused.conflict(
            "The conference was changed by others at the same moment several times; try again.");
    open.forEach(p -> p.result().completeExceptionally(busy));
  }

  private static void answer(ConferenceWriter.Pending pending, Object answer) {
    if (answer instanceof CommandResult result) {
      pending.result().complete(result);
    } else {
      pending.result().completeExceptionally((RuntimeException) answer);
    }
  }

  private static CommandResult repeated(AppendResult first) {
    JsonObject outcome =
        first.outcome() == null
            ? JSON.createObjectBuilder().build()
            : JSON.createReader(new java.io.StringReader(first.outcome())).readObject();
    return new CommandResult(outcome.getString("id", null), first.lastPosition(), true, outcome);
  }

  private Decision decide(String conferenceId, ConferenceWriter.Pending pending, Work work) {
    BookingCommand command = pending.command();
    CommandContext context = pending.context();
    if (command instanceof CreateConference c) {
      return createConference(conferenceId, c, context, work);
    } else if (command instanceof AddSeatType c) {
      Conference conference = conference(work, conferenceId);
      List<ConferenceEvent> added =
          conference.decideAddSeatType(c.code(), c.name(), c.quantity(), c.price(), c.currency());
      List<SeatAvailabilityEvent> capacity =
          availability(work, conferenceId).decideCapacity(conferenceId, c.code(), c.quantity());
      return decision(
          conferenceId,
          context,
          JSON.createObjectBuilder().add("code", c.code()),
          work,
          conferenceStream(conferenceId),
          added,
          availabilityStream(conferenceId),
          capacity);
    } else if (command instanceof ChangeSeatQuantity c) {
      List<ConferenceEvent> changed =
          conference(work, conferenceId).decideChangeQuantity(c.code(), c.quantity());
      if (changed.isEmpty()) {
        return unchanged(conferenceId);
      }
      List<SeatAvailabilityEvent> capacity =
          availability(work, conferenceId).decideCapacity(conferenceId, c.code(), c.quantity());
      return decision(
          conferenceId,
          context,
          JSON.createObjectBuilder().add("code", c.code()),
          work,
          conferenceStream(conferenceId),
          changed,
          availabilityStream(conferenceId),
          capacity);
    } else if (command instanceof PublishConference) {
      return decision(
          conferenceId,
          context,
          JSON.createObjectBuilder().add("published", true),
          work,
          conferenceStream(conferenceId),
          conference(work, conferenceId).decidePublish());
    } else if (command instanceof UnpublishConference) {
      return decision(
          conferenceId,
          context,
          JSON.createObjectBuilder().add("published", false),
          work,
          conferenceStream(conferenceId),
          conference(work, conferenceId).decideUnpublish());
    } else if (command instanceof PlaceBooking c) {
      return placeBooking(conferenceId, c, context, work);
    } else if (command instanceof ConfirmBooking c) {
      Booking booking = booking(work, c.bookingId());
      List<BookingEvent> confirmed =
          booking.decideConfirm(c.paymentReference(), c.amount(), c.currency());
      List<SeatAvailabilityEvent> committed =
          confirmed.isEmpty()
              ? List.of()
              : availability(work, conferenceId).decideCommit(c.bookingId());
      return bookingDecision(
          c.bookingId(), "CONFIRMED", context, work, conferenceId, confirmed, committed);
    } else if (command instanceof CancelBooking c) {
      Booking booking = booking(work, c.bookingId());
      List<BookingEvent> cancelled = booking.decideCancel(c.reason());
      List<SeatAvailabilityEvent> released =
          cancelled.isEmpty()
              ? List.of()
              : availability(work, conferenceId)
                  .decideRelease(
                      c.bookingId(),
                      booking.status() == BookingStatus.CONFIRMED ? booking.seats() : Map.of(),
                      "cancelled");
      return bookingDecision(
          c.bookingId(), "CANCELLED", context, work, conferenceId, cancelled, released);
    } else if (command instanceof AssignAttendees c) {
      Booking booking = booking(work, c.bookingId());
      List<Attendee> attendees = new ArrayList<>();
      for (int i = 0; i < c.attendees().size(); i++) {
        BookingCommand.AttendeeInput input = c.attendees().get(i);
        attendees.add(
            new Attendee(
                derivedId("attendee-" + i, context.commandId()),
                input.seatType(),
                input.name(),
                input.email()));
      }
      List<BookingEvent> assigned = booking.decideAssign(attendees);
      return decision(
          c.bookingId(),
          context,
          JSON.createObjectBuilder().add("attendees", attendees.size()),
          work,
          bookingStream(c.bookingId()),
          assigned);
    } else if (command instanceof ExpireOverdueHolds) {
      return expire(conferenceId, context, work);
    }
    throw new IllegalArgumentException("unknown command " + command);
  }

  private Decision createConference(
      String conferenceId, CreateConference c, CommandContext context, Work work) {
    if (work.exists(slugStream(c.slug()))) {
      throw CommandRefused.conflict("The slug '" + c.slug() + "' is taken by another conference.");
    }
    List<ConferenceEvent> created =
        conference(work, conferenceId)
            .decideCreate(conferenceId, c.name(), c.slug(), c.startsOn(), c.endsOn(), c.venue());
    StreamAppend conference = work.append(conferenceStream(conferenceId), created);
    StreamAppend slug =
        work.create(slugStream(c.slug()), "Slug", List.of(new SlugClaimed(c.slug(), conferenceId)));
    JsonObject outcome =
        JSON.createObjectBuilder().add("id", conferenceId).add("slug", c.slug()).build();
    return new Decision(
        conferenceId,
        outcome,
        List.of(
            new CommandAppend(metadata(context), List.of(conference, slug), outcome.toString())));
  }

  private Decision placeBooking(
      String conferenceId, PlaceBooking c, CommandContext context, Work work) {
    String bookingId = derivedId("booking", context.commandId());
    // The booking's id derives from this command's id, which has not been carried out (checked at
    // the start of the batch): its stream is empty, so it is not read. Should it exist after all
    // (another server, same command, same moment), the append's NO_STREAM guard refuses it.
    Placement placement =
        Placement.decide(
            c,
            bookingId,
            derivedId("registrant", context.commandId()),
            conference(work, conferenceId),
            availability(work, conferenceId),
            work.fresh(bookingStream(bookingId), bookings, Kinds.BOOKING),
            clock,
            hold());
    BookingPlaced placed = placement.placed();
    conferenceOfBooking.put(bookingId, conferenceId);
    JsonObject outcome =
        JSON.createObjectBuilder()
            .add("id", bookingId)
            .add("status", "HELD")
            .add("holdUntil", placed.holdUntil().toString())
            .add("total", placed.total())
            .add("currency", placed.currency())
            .add("registrantId", placed.registrantId())
            .build();
    StreamAppend bookingAppend = work.append(bookingStream(bookingId), placement.booking());
    StreamAppend seatsAppend = work.append(availabilityStream(conferenceId), placement.seats());
    return new Decision(
        bookingId,
        outcome,
        List.of(
            new CommandAppend(
                metadata(context), List.of(bookingAppend, seatsAppend), outcome.toString())));
  }

  private Decision expire(String conferenceId, CommandContext context, Work work) {
    SeatAvailability availability = availability(work, conferenceId);
    List<CommandAppend> appends = new ArrayList<>();
    List<String> overdue = availability.overdue(clock);
    List<String> expiring = overdue.subList(0, Math.min(overdue.size(), EXPIRIES_PER_COMMAND));
    work.preload(expiring.stream().map(Kinds::bookingStream).toList(), bookings, Kinds.BOOKING);
    for (String bookingId : expiring) {
      List<BookingEvent> expired = booking(work, bookingId).decideExpire(clock);
      if (expired.isEmpty()) {
        continue;
      }
      List<SeatAvailabilityEvent> released =
          availability.decideRelease(bookingId, Map.of(), "expired");
      String commandId = "expire-" + bookingId;
      JsonObject outcome =
          JSON.createObjectBuilder().add("id", bookingId).add("status", "EXPIRED").build();
      appends.add(
          new CommandAppend(
              new CommandMetadata(
                  commandId,
                  context.correlationId(),
                  "hold-deadline",
                  "system",
                  "the hold deadline passed"),
              List.of(
                  work.append(bookingStream(bookingId), expired),
                  work.append(availabilityStream(conferenceId), released)),
              outcome.toString()));
    }
    JsonObject outcome =
        JSON.createObjectBuilder()
            .add("id", conferenceId)
            .add("expired", appends.size())
            .add("more", overdue.size() > expiring.size())
            .build();
    return new Decision(conferenceId, outcome, appends);
  }

  private Decision bookingDecision(
      String bookingId,
      String status,
      CommandContext context,
      Work work,
      String conferenceId,
      List<BookingEvent> bookingEvents,
      List<SeatAvailabilityEvent> seatEvents) {
    return decision(
        bookingId,
        context,
        JSON.createObjectBuilder().add("status", status),
        work,
        bookingStream(bookingId),
        bookingEvents,
        availabilityStream(conferenceId),
        seatEvents);
  }

  /** A decision over up to two streams; streams without events are left out. */
  private Decision decision(
      String id,
      CommandContext context,
      jakarta.json.JsonObjectBuilder details,
      Work work,
      Object... streamsAndEvents) {
    JsonObject outcome = details.add("id", id).build();
    List<StreamAppend> appends = new ArrayList<>();
    for (int i = 0; i < streamsAndEvents.length; i += 2) {
      List<?> events = (List<?>) streamsAndEvents[i + 1];
      if (!events.isEmpty()) {
        appends.add(work.append((String) streamsAndEvents[i], events));
      }
    }
    return appends.isEmpty()
        ? new Decision(id, outcome, List.of())
        : new Decision(
            id,
            outcome,
            List.of(new CommandAppend(metadata(context), appends, outcome.toString())));
  }

  private static Decision unchanged(String id) {
    return new Decision(id, JSON.createObjectBuilder().add("id", id).build(), List.of());
  }

  private static CommandMetadata metadata(CommandContext context) {
    return new CommandMetadata(
        context.commandId(),
        context.correlationId(),
        context.commandId(),
        context.principal(),
        context.reason());
  }

  private Conference conference(Work work, String conferenceId) {
    return work.state(conferenceStream(conferenceId), conferences, Kinds.CONFERENCE);
  }

  private SeatAvailability availability(Work work, String conferenceId) {
    return work.state(availabilityStream(conferenceId), availabilities, Kinds.AVAILABILITY);
  }

  private Booking booking(Work work, String bookingId) {
    return work.state(bookingStream(bookingId), bookings, Kinds.BOOKING);
  }
}
