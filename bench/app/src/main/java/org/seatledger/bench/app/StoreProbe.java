package org.seatledger.bench.app;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.seatledger.booking.api.BookingEvent;
import org.seatledger.booking.api.ConferenceEvent;
import org.seatledger.booking.api.PersonalDataErased;
import org.seatledger.booking.api.SeatAvailabilityEvent;
import org.seatledger.booking.api.SeatCapacityChanged;
import org.seatledger.booking.api.SeatsCommitted;
import org.seatledger.booking.api.SeatsReleased;
import org.seatledger.booking.api.SeatsReserved;
import org.seatledger.booking.api.SlugClaimed;
import org.seatledger.booking.application.Kinds;
import org.seatledger.booking.domain.SeatAvailability;
import org.seatledger.eventlog.api.AggregateRepository;
import org.seatledger.eventlog.api.CommandMetadata;
import org.seatledger.eventlog.api.EventSourced;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.eventlog.api.StreamAppend;
import org.seatledger.eventlog.api.TimeOrderedIds;
import org.seatledger.eventlog.store.Snapshots;
import org.seatledger.eventlog.store.SnapshottingRepository;
import org.seatledger.eventlog.store.StoreSettings;

/**
 * The event store measured inside the server, on the server's own data source and pool, next to the
 * JDBC ceilings of the same table shape on the same pool.
 *
 * <p>Longer than a class of the application should be: each endpoint is one measurement with its
 * own set-up and timing loop, and they are kept side by side so that a ceiling and the figure it
 * bounds are measured the same way.
 */
@Path("store")
@Produces(MediaType.APPLICATION_JSON)
public class StoreProbe {

  @Inject EventStore store;
  @Inject Snapshots snapshots;
  @Inject StoreSettings settings;

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private static final String COLUMNS =
      "global_position, event_id, stream_id, stream_type, stream_version, event_type,"
          + " schema_version, payload, recorded_at, recorded_by, command_id, correlation_id,"
          + " causation_id, reason, previous_hash, hash";

  /**
   * Appends of one event each to a new stream, from {@code threads} threads, through {@link
   * EventStore#append}: version guard, idempotency row, hash chain, group commit.
   */
  @POST
  @Path("appends")
  public JsonObject appends(
      @QueryParam("threads") @DefaultValue("32") int n,
      @QueryParam("seconds") @DefaultValue("10") double seconds)
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    AtomicLong counter = new AtomicLong();
    Parallel.Outcome outcome =
        Parallel.run(
            threads,
            n,
            seconds,
            () -> {
              String id = "bench-" + run + "-" + counter.incrementAndGet();
              // a stream type of its own: these are not conferences (the hold expiry, which visits
              // every seat availability, must not see thousands of them)
              store.append(
                  new CommandMetadata(id, id, id, "bench", "benchmark append"),
                  List.of(
                      new StreamAppend(
                          id,
                          "BenchStream",
                          ExpectedVersion.NO_STREAM,
                          List.of(new SeatCapacityChanged(id, "standard", 100)))),
                  null);
              return 1;
            });
    return result(outcome, n).add("commandIdPrefix", "bench-" + run + "-").build();
  }

  /**
   * The ceiling: raw JDBC inserts of event-sized rows into a copy of the events table, with no
   * lock, no guard and no chain. {@code batch} 1: one row per commit; more: that many rows per
   * commit in one batched statement.
   */
  @POST
  @Path("ceiling")
  public JsonObject ceiling(
      @QueryParam("threads") @DefaultValue("32") int n,
      @QueryParam("seconds") @DefaultValue("10") double seconds,
      @QueryParam("batch") @DefaultValue("1") int batch)
      throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS bench_ceiling LIKE events");
      s.execute("TRUNCATE TABLE bench_ceiling");
    }
    String payload =
        "{\"conferenceId\":\""
            + UUID.randomUUID()
            + "\",\"seatType\":\"standard\",\"capacity\":100}";
    String hash = "ab".repeat(32);
    AtomicLong positions = new AtomicLong();
    Parallel.Outcome outcome =
        Parallel.run(
            threads,
            n,
            seconds,
            () -> {
              try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement insert =
                    c.prepareStatement(
                        "INSERT INTO bench_ceiling ("
                            + COLUMNS
                            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                  for (int i = 0; i < batch; i++) {
                    long position = positions.incrementAndGet();
                    String id = UUID.randomUUID().toString();
                    insert.setLong(1, position);
                    insert.setString(2, TimeOrderedIds.nextText()); // as the store makes them
                    insert.setString(3, "bench-" + id);
                    insert.setString(4, "BenchStream");
                    insert.setLong(5, 1);
                    insert.setString(6, "SeatCapacityChanged");
                    insert.setInt(7, 1);
                    insert.setString(8, payload);
                    insert.setLong(9, System.currentTimeMillis() * 1000);
                    insert.setString(10, "bench");
                    insert.setString(11, id);
                    insert.setString(12, id);
                    insert.setString(13, id);
                    insert.setString(14, "benchmark append");
                    insert.setString(15, hash);
                    insert.setString(16, hash);
                    if (batch == 1) {
                      insert.executeUpdate();
                    } else {
                      insert.addBatch();
                    }
                  }
                  if (batch > 1) {
                    insert.executeBatch();
                  }
                }
                c.commit();
              }
              return batch;
            });
    return result(outcome, n).add("batch", batch).build();
  }

  /**
   * A plain sequential read of the whole events table, every column, in pages of 5,000 rows by
   * position (as any reader of the log reads it): the ceiling of a rebuild.
   */
  @POST
  @Path("decoded-read")
  public JsonObject decodedRead() {
    long events = 0;
    long after = 0;
    long start = System.nanoTime();
    // the booking module's events, all but a handful of the log: the users' events (web-ui's) are
    // not known to the probe, as they are not to the booking module
    Set<Class<?>> known = new HashSet<>(List.of(SlugClaimed.class, PersonalDataErased.class));
    for (Class<?> sealed :
        List.of(BookingEvent.class, ConferenceEvent.class, SeatAvailabilityEvent.class)) {
      known.addAll(List.of(sealed.getPermittedSubclasses()));
    }
    org.seatledger.eventlog.api.EventPage page;
    do {
      page = store.readPage(after, 2000, known);
      events += page.events().size();
      after = page.lastPosition();
    } while (page.scanned() == 2000);
    double seconds = (System.nanoTime() - start) / 1e9;
    return Json.createObjectBuilder()
        .add("events", events)
        .add("seconds", seconds)
        .add("eventsPerSecond", events / seconds)
        .build();
  }

  @POST
  @Path("raw-read")
  public JsonObject rawRead() throws Exception {
    long rows = 0;
    long characters = 0;
    long after = 0;
    long start = System.nanoTime();
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM events WHERE global_position > ? ORDER BY global_position LIMIT 5000")) {
      int page;
      do {
        page = 0;
        q.setLong(1, after);
        try (ResultSet rs = q.executeQuery()) {
          ResultSetMetaData meta = rs.getMetaData();
          int columns = meta.getColumnCount();
          while (rs.next()) {
            after = rs.getLong(1);
            for (int i = 2; i <= columns; i++) {
              String value = rs.getString(i);
              characters += value == null ? 0 : value.length();
            }
            page++;
          }
        }
        rows += page;
      } while (page == 5000);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return Json.createObjectBuilder()
        .add("rows", rows)
        .add("characters", characters)
        .add("seconds", seconds)
        .add("rowsPerSecond", rows / seconds)
        .build();
  }

  /**
   * Builds a seat-availability stream of {@code events} events (reservations, confirmations,
   * cancellations, as a selling conference has), with snapshots where the application takes them.
   */
  @POST
  @Path("streams")
  public JsonObject buildStream(@QueryParam("events") @DefaultValue("1000") int events) {
    EventSourced<SeatAvailability> kind = Kinds.AVAILABILITY;
    String conference = "bench-load-" + UUID.randomUUID();
    String stream = "seats-" + conference;
    int every = settings.snapshotEvery();
    List<Object> all = generated(conference, events);
    SeatAvailability state = kind.initial();
    long version = 0;
    for (int from = 0; from < all.size(); from += 2000) {
      List<Object> chunk = all.subList(from, Math.min(all.size(), from + 2000));
      String id = conference + "-" + from;
      store.append(
          new CommandMetadata(id, id, id, "bench", "benchmark stream"),
          List.of(
              new StreamAppend(stream, kind.streamType(), ExpectedVersion.exactly(version), chunk)),
          null);
      for (Object event : chunk) {
        state = kind.evolve(state, event);
        version++;
        if (version % every == 0) {
          snapshots.save(
              new Snapshots.Snapshot(
                  stream, version, kind.snapshotVersion(), kind.toSnapshot(state)));
        }
      }
    }
    return Json.createObjectBuilder()
        .add("stream", stream)
        .add("events", events)
        .add("state", kind.toSnapshot(state))
        .build();
  }

  /**
   * Times loading a stream built by {@link #buildStream} three ways — newest snapshot plus tail,
   * full replay, from the cache — and compares each state with the one the stream was built to.
   */
  @POST
  @Path("aggregate-load")
  public JsonObject aggregateLoad(
      @QueryParam("stream") String stream,
      @QueryParam("state") String expected,
      @QueryParam("repeats") @DefaultValue("21") int repeats) {
    EventSourced<SeatAvailability> kind = Kinds.AVAILABILITY;
    int every = settings.snapshotEvery();
    long expectedVersion = store.streamVersion(stream);
    AggregateRepository<SeatAvailability> repository =
        new SnapshottingRepository<>(kind, store, snapshots, every, 16);
    Map<String, Object> checks = new HashMap<>();
    double snapshotMicros =
        median(
            repeats,
            () -> {
              AggregateRepository.Loaded<SeatAvailability> l = repository.loadWithoutCache(stream);
              checks.put("snapshot", same(kind, l, expected, expectedVersion));
              return l;
            });
    int replays = expectedVersion >= 50_000 ? Math.min(repeats, 3) : repeats;
    double replayMicros =
        median(
            replays,
            () -> {
              AggregateRepository.Loaded<SeatAvailability> l = repository.replay(stream);
              checks.put("replay", same(kind, l, expected, expectedVersion));
              return l;
            });
    repository.load(stream);
    double cacheMicros =
        median(
            repeats,
            () -> {
              AggregateRepository.Loaded<SeatAvailability> l = repository.load(stream);
              checks.put("cache", same(kind, l, expected, expectedVersion));
              return l;
            });
    boolean correct = checks.values().stream().allMatch(Boolean.TRUE::equals);
    return Json.createObjectBuilder()
        .add("events", expectedVersion)
        .add("snapshotEvery", every)
        .add("stateCharacters", expected.length())
        .add("snapshotMicros", snapshotMicros)
        .add("replayMicros", replayMicros)
        .add("cacheMicros", cacheMicros)
        .add("correct", correct)
        .build();
  }

  private static boolean same(
      EventSourced<SeatAvailability> kind,
      AggregateRepository.Loaded<SeatAvailability> loaded,
      String expected,
      long version) {
    return loaded.version() == version && kind.toSnapshot(loaded.state()).equals(expected);
  }

  /** A selling conference: capacity, then bookings reserved, most confirmed, some cancelled. */
  private static List<Object> generated(String conference, int events) {
    List<Object> all = new ArrayList<>();
    all.add(new SeatCapacityChanged(conference, "standard", 10_000_000));
    Instant holdUntil = Instant.parse("2100-01-01T00:00:00Z");
    Map<String, Integer> two = Map.of("standard", 2);
    int booking = 0;
    List<String> confirmed = new ArrayList<>();
    while (all.size() < events) {
      String id = "b" + (++booking);
      all.add(new SeatsReserved(conference, id, two, holdUntil));
      if (booking % 5 == 0) {
        all.add(new SeatsReleased(conference, id, two, "expired", false));
      } else {
        all.add(new SeatsCommitted(conference, id, two));
        confirmed.add(id);
        if (booking % 7 == 0) {
          all.add(new SeatsReleased(conference, confirmed.remove(0), two, "cancelled", true));
        }
      }
    }
    return new ArrayList<>(all.subList(0, events));
  }

  private static double median(int repeats, Supplier<Object> load) {
    long[] micros = new long[repeats];
    for (int i = 0; i < repeats; i++) {
      long start = System.nanoTime();
      load.get();
      micros[i] = (System.nanoTime() - start) / 1000;
    }
    Arrays.sort(micros);
    return micros[repeats / 2];
  }

  private static jakarta.json.JsonObjectBuilder result(Parallel.Outcome outcome, int n) {
    return Json.createObjectBuilder()
        .add("threads", n)
        .add("units", outcome.units())
        .add("seconds", outcome.seconds())
        .add("perSecond", outcome.perSecond())
        .add("failures", outcome.failures());
  }
}
