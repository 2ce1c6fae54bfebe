package org.seatledger.it.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seatledger.it.store.Fixtures.append;
import static org.seatledger.it.store.Fixtures.command;
import static org.seatledger.it.store.Fixtures.newStream;
import static org.seatledger.it.store.Fixtures.reserved;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seatledger.booking.api.SeatsReserved;
import org.seatledger.eventlog.api.AggregateRepository;
import org.seatledger.eventlog.api.AggregateRepository.Loaded;
import org.seatledger.eventlog.api.EventSourced;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.eventlog.store.Snapshots;
import org.seatledger.eventlog.store.SnapshottingRepository;

/** Snapshots only accelerate: state from snapshot plus tail equals state from a full replay. */
@ExtendWith(ArquillianExtension.class)
class SnapshotIT {

  private static final int EVERY = 5;

  @Deployment
  static WebArchive deployment() {
    return StoreDeployment.of(
        "snapshot-it", SnapshotIT.class, Fixtures.class, Tally.class, Tallies.class);
  }

  @Inject EventStore store;
  @Inject Snapshots snapshots;

  @Resource(lookup = "jdbc/seatledger-migrations")
  DataSource owner;

  /** A small aggregate whose state depends on every event and on their order. */
  record Tally(int seats, int events, String lastBooking) {}

  static final class Tallies implements EventSourced<Tally> {
    @Override
    public String streamType() {
      return "SeatAvailability";
    }

    @Override
    public Tally initial() {
      return new Tally(0, 0, "");
    }

    @Override
    public Tally evolve(Tally state, Object event) {
      SeatsReserved reserved = (SeatsReserved) event;
      int seats = reserved.seats().values().stream().mapToInt(Integer::intValue).sum();
      return new Tally(state.seats() + seats, state.events() + 1, reserved.bookingId());
    }

    @Override
    public int snapshotVersion() {
      return 1;
    }

    @Override
    public String toSnapshot(Tally state) {
      return Json.createObjectBuilder()
          .add("seats", state.seats())
          .add("events", state.events())
          .add("lastBooking", state.lastBooking())
          .build()
          .toString();
    }

    @Override
    public Tally fromSnapshot(String json) {
      JsonObject o = Json.createReader(new StringReader(json)).readObject();
      return new Tally(o.getInt("seats"), o.getInt("events"), o.getString("lastBooking"));
    }
  }

  private AggregateRepository<Tally> repository() {
    return new SnapshottingRepository<>(new Tallies(), store, snapshots, EVERY, 100);
  }

  @ParameterizedTest(name = "{0} events")
  @ValueSource(ints = {0, 1, EVERY - 1, EVERY, EVERY + 1, 10 * EVERY})
  void snapshotPlusTailEqualsFullReplay(int events) {
    AggregateRepository<Tally> repository = repository();
    String stream = newStream("snap");
    write(repository, stream, events);

    Loaded<Tally> replayed = repository.replay(stream);
    assertEquals(events, replayed.version());
    assertEquals(events, replayed.state().events());
    assertEquals(replayed, repository.loadWithoutCache(stream), "snapshot + tail");
    assertEquals(replayed, repository().load(stream), "a fresh repository, as after a restart");
    assertEquals(replayed, repository.load(stream), "from the cache");
    long newest =
        snapshots.newest(stream, 1).stream()
            .mapToLong(Snapshots.Snapshot::streamVersion)
            .max()
            .orElse(0);
    assertEquals((events / EVERY) * EVERY, newest, "a snapshot every " + EVERY + " events");
  }

  @Test
  void aCorruptedSnapshotIsIgnoredAndTheStreamReplayed() throws SQLException {
    AggregateRepository<Tally> repository = repository();
    String stream = newStream("snap-corrupt");
    write(repository, stream, 2 * EVERY + 2);
    execute("UPDATE snapshots SET state = '{not json' WHERE stream_id = ?", stream);
    assertEquals(repository.replay(stream), repository().load(stream));
  }

  @Test
  void aSnapshotOfAnotherSchemaVersionIsIgnored() throws SQLException {
    AggregateRepository<Tally> repository = repository();
    String stream = newStream("snap-old");
    write(repository, stream, EVERY + 1);
    execute(
        "UPDATE snapshots SET snapshot_version = 0, state = ? WHERE stream_id = ?",
        "{\"seats\":999,\"events\":999,\"lastBooking\":\"x\"}",
        stream);
    assertEquals(repository.replay(stream), repository().load(stream));
  }

  @Test
  void theCacheSeesEventsAppendedElsewhere() {
    AggregateRepository<Tally> repository = repository();
    String stream = newStream("snap-cache");
    write(repository, stream, 3);
    repository.load(stream);
    store.append(
        command(), List.of(append(stream, ExpectedVersion.exactly(3), reserved(stream, 4))), null);
    Loaded<Tally> loaded = repository.load(stream);
    assertEquals(4, loaded.version(), "another server's append is read from the store");
    assertEquals(repository.replay(stream), loaded);
    assertTrue(loaded.state().seats() > 0);
  }

  /**
   * Loading many streams at once gives each the state a load of its own gives: streams without
   * events, with and without snapshots, one whose snapshot is corrupt, one cached and then appended
   * to elsewhere, one that does not exist — in one call, with a fresh repository and a warm one.
   */
  @Test
  void loadingManyStreamsAtOnceGivesEachTheStateOfItsOwnLoad() throws SQLException {
    AggregateRepository<Tally> repository = repository();
    List<String> streams = new ArrayList<>();
    for (int events : new int[] {1, 2, EVERY - 1, EVERY, EVERY + 1, 3 * EVERY + 2}) {
      String stream = newStream("many");
      write(repository, stream, events);
      streams.add(stream);
    }
    String corrupt = newStream("many-corrupt");
    write(repository, corrupt, 2 * EVERY + 1);
    execute("UPDATE snapshots SET state = '{not json' WHERE stream_id = ?", corrupt);
    streams.add(corrupt);
    String movedOn = newStream("many-moved");
    write(repository, movedOn, 3);
    store.append(
        command(),
        List.of(append(movedOn, ExpectedVersion.exactly(3), reserved(movedOn, 2))),
        null);
    streams.add(movedOn);
    String missing = newStream("many-missing");
    streams.add(missing);

    Map<String, Loaded<Tally>> cold = repository().loadAll(streams);
    Map<String, Loaded<Tally>> warm = repository.loadAll(streams);
    AggregateRepository<Tally> queries = repository();
    Map<String, Loaded<Tally>> queried = queries.loadAllWithoutCache(streams);
    assertEquals(streams, List.copyOf(cold.keySet()), "every stream asked for, in order");
    assertEquals(
        streams, List.copyOf(queried.keySet()), "every stream a query asked for, in order");
    for (String stream : streams) {
      Loaded<Tally> replayed = repository.replay(stream);
      assertEquals(replayed, cold.get(stream), stream + ", after a restart");
      assertEquals(replayed, warm.get(stream), stream + ", partly from the cache");
      assertEquals(replayed, queried.get(stream), stream + ", for a query");
      assertNull(queries.cached(stream), stream + ": a query's load fills no writer's cache");
    }
    assertEquals(4, warm.get(movedOn).version(), "another server's append is read");
    assertEquals(0, cold.get(missing).version(), "a stream without events");
  }

  private void write(AggregateRepository<Tally> repository, String stream, int events) {
    Tallies kind = new Tallies();
    Loaded<Tally> current = new Loaded<>(kind.initial(), 0);
    for (int i = 0; i < events; i++) {
      SeatsReserved event = reserved(stream, 1 + i % 3);
      store.append(
          command(),
          List.of(append(stream, ExpectedVersion.exactly(current.version()), event)),
          null);
      Loaded<Tally> next = new Loaded<>(kind.evolve(current.state(), event), current.version() + 1);
      repository.appended(stream, current.version(), next);
      current = next;
    }
  }

  private void execute(String sql, Object... parameters) throws SQLException {
    try (Connection c = owner.getConnection();
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }
}
