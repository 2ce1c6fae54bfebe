package org.seatledger.it.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seatledger.it.store.Fixtures.append;
import static org.seatledger.it.store.Fixtures.command;
import static org.seatledger.it.store.Fixtures.newStream;
import static org.seatledger.it.store.Fixtures.reserved;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.seatledger.booking.api.ConferencePublished;
import org.seatledger.booking.api.SeatsReserved;
import org.seatledger.eventlog.api.AppendResult;
import org.seatledger.eventlog.api.CommandMetadata;
import org.seatledger.eventlog.api.ConcurrencyConflict;
import org.seatledger.eventlog.api.Decoding;
import org.seatledger.eventlog.api.EventPage;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.StreamAppend;
import org.seatledger.eventlog.api.TimeOrderedIds;

/** The event store inside the server, on the server's database (embedded or MySQL). */
@ExtendWith(ArquillianExtension.class)
class EventStoreIT {

  @Deployment
  static WebArchive deployment() {
    return StoreDeployment.of("event-store-it", EventStoreIT.class, Fixtures.class);
  }

  @Inject EventStore store;
  @Inject UserTransaction transaction;

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  /** Threads with the container's context, as many as a test needs at once. */
  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Test
  void appendedEventsCarryTheirMetadataAndChainInOrder() {
    String stream = newStream("meta");
    SeatsReserved first = reserved(stream, 2);
    SeatsReserved second = reserved(stream, 3);
    AppendResult result =
        store.append(
            command(), List.of(append(stream, ExpectedVersion.NO_STREAM, first, second)), "{}");
    assertEquals(result.firstPosition() + 1, result.lastPosition());

    List<RecordedEvent> events = store.readStream(stream, 1, 10);
    assertEquals(2, events.size());
    RecordedEvent one = events.get(0);
    RecordedEvent two = events.get(1);
    assertEquals(first, one.event());
    assertEquals(second, two.event());
    assertEquals(List.of(1L, 2L), List.of(one.streamVersion(), two.streamVersion()));
    assertEquals("SeatsReserved", one.type());
    assertEquals(2, one.schemaVersion());
    assertEquals("it-tester", one.recordedBy());
    assertEquals("testing", one.reason());
    assertEquals(one.commandId(), one.causationId());
    assertEquals("corr-" + one.commandId(), one.correlationId());
    assertNotNull(one.recordedAt());
    assertEquals("0".repeat(64), one.previousHash(), "a stream's chain starts at zero");
    assertEquals(one.hash(), two.previousHash(), "each event links to the one before");
    assertTrue(store.verify(java.util.Optional.of(stream)).ok());
    assertTrue(store.headPosition() >= result.lastPosition());
    // ids that sort by time, so the event id index grows at its end (TimeOrderedIds)
    UUID id = UUID.fromString(one.eventId());
    assertEquals(7, id.version(), one.eventId());
    long millis = TimeOrderedIds.epochMillis(id);
    assertTrue(
        Math.abs(millis - one.recordedAt().toEpochMilli()) < 60_000,
        one.eventId() + " made at " + one.recordedAt());
  }

  /**
   * A read model reads the log in pages of the types it folds: each page holds the events of those
   * types in log order and covers a range of positions, cut at the newest event, so that the next
   * page starts where it ended and nothing in between is lost.
   */
  @Test
  void aPageOfSomeTypesHoldsTheirEventsInLogOrderAndEndsAtTheNewest() {
    String stream = newStream("typed");
    SeatsReserved one = reserved(stream, 1);
    SeatsReserved three = reserved(stream, 3);
    SeatsReserved six = reserved(stream, 6);
    AppendResult result =
        store.append(
            command(),
            List.of(
                append(
                    stream,
                    ExpectedVersion.NO_STREAM,
                    one,
                    new ConferencePublished(stream),
                    three,
                    new ConferencePublished(stream),
                    new ConferencePublished(stream),
                    six)),
            null);
    long before = result.firstPosition() - 1;

    EventPage first = store.readPage(before, 4, Set.of(SeatsReserved.class));
    assertEquals(4, first.scanned(), "a page covers as many positions as asked for");
    assertEquals(before + 4, first.lastPosition());
    assertEquals(List.of(one, three), eventsOf(stream, first));
    assertEquals(
        List.of(before + 1, before + 3),
        first.events().stream().map(RecordedEvent::globalPosition).toList());

    EventPage second =
        store.readPage(
            first.lastPosition(), 4, Set.of(SeatsReserved.class, ConferencePublished.class));
    assertEquals(
        List.of(new ConferencePublished(stream), six),
        eventsOf(stream, second),
        "the rest of the append, the types mixed in log order");
    assertTrue(second.lastPosition() >= result.lastPosition());
    assertEquals(second.lastPosition() - first.lastPosition(), second.scanned());

    EventPage atTheHead;
    long head;
    do { // the server's own work may append meanwhile: then the newest is read again
      head = store.headPosition();
      atTheHead = store.readPage(head, 4, Set.of(SeatsReserved.class));
    } while (store.headPosition() != head);
    assertEquals(0, atTheHead.scanned(), "nothing after the newest event");
    assertEquals(head, atTheHead.lastPosition());
    assertTrue(atTheHead.events().isEmpty());
  }

  /**
   * A reader that keeps only what the log says about its events (the audit trail keeps positions
   * and hashes) gets every event's place, metadata and hashes exactly as a full read gives them,
   * and none of its data; choosing types still works.
   */
  @Test
  void aPageReadWithoutDataHoldsEveryEventsMetadataAndHashesAndNoneOfItsData() {
    String stream = newStream("metadata");
    AppendResult result =
        store.append(
            command(),
            List.of(
                append(
                    stream,
                    ExpectedVersion.NO_STREAM,
                    reserved(stream, 2),
                    new ConferencePublished(stream),
                    reserved(stream, 5))),
            null);
    long before = result.firstPosition() - 1;

    EventPage full = store.readPage(before, 3, Set.of(), Decoding.FULL);
    EventPage bare = store.readPage(before, 3, Set.of(), Decoding.METADATA_ONLY);

    assertEquals(full.lastPosition(), bare.lastPosition());
    assertEquals(3, bare.scanned());
    assertEquals(
        full.events().stream().map(RecordedEvent::withoutData).toList(),
        bare.events(),
        "positions, streams, versions, ids, types, times, authors and hashes as a full read has them");
    assertTrue(full.events().stream().allMatch(RecordedEvent::dataRead));
    assertTrue(bare.events().stream().noneMatch(RecordedEvent::dataRead));
    assertTrue(bare.events().stream().allMatch(e -> e.data().isEmpty()));

    EventPage typed =
        store.readPage(before, 3, Set.of(ConferencePublished.class), Decoding.METADATA_ONLY);
    assertEquals(
        List.of(before + 2),
        typed.events().stream().map(RecordedEvent::globalPosition).toList(),
        "only the type asked for");
    assertEquals(3, typed.scanned());
  }

  private static List<Object> eventsOf(String stream, EventPage page) {
    return page.events().stream()
        .filter(event -> event.streamId().equals(stream))
        .map(RecordedEvent::event)
        .toList();
  }

  /**
   * The streams of a type come a page at a time, oldest first, whatever was appended to the older
   * ones since: pages that meet without a gap or an overlap, and a count of all of them.
   */
  @Test
  void theStreamsOfATypeComeAPageAtATimeOldestFirst() {
    String type = "Paged" + UUID.randomUUID().toString().substring(0, 8);
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String stream = newStream("paged");
      store.append(
          command(),
          List.of(
              new StreamAppend(
                  stream, type, ExpectedVersion.NO_STREAM, List.of(reserved(stream, 1)))),
          null);
      created.add(stream);
    }
    store.append(
        command(),
        List.of(
            new StreamAppend(
                created.get(0),
                type,
                ExpectedVersion.exactly(1),
                List.of(reserved(created.get(0), 2)))),
        null);

    assertEquals(5, store.countStreamsOfType(type));
    assertEquals(created, store.streamsOfType(type));
    assertEquals(created.subList(0, 2), store.streamsOfType(type, 0, 2));
    assertEquals(created.subList(2, 4), store.streamsOfType(type, 2, 2));
    assertEquals(created.subList(4, 5), store.streamsOfType(type, 4, 2), "the last page");
    assertEquals(List.of(), store.streamsOfType(type, 5, 2), "past the last page");
    assertEquals(0, store.countStreamsOfType(type + "-none"));
  }

  @Test
  void expectedVersionsAreEnforced() {
    String stream = newStream("expected");
    store.append(
        command(), List.of(append(stream, ExpectedVersion.NO_STREAM, reserved(stream, 1))), null);
    assertThrows(
        ConcurrencyConflict.class,
        () ->
            store.append(
                command(),
                List.of(append(stream, ExpectedVersion.NO_STREAM, reserved(stream, 1))),
                null));
    assertThrows(
        ConcurrencyConflict.class,
        () ->
            store.append(
                command(),
                List.of(append(stream, ExpectedVersion.exactly(5), reserved(stream, 1))),
                null));
    store.append(
        command(), List.of(append(stream, ExpectedVersion.exactly(1), reserved(stream, 1))), null);
    store.append(
        command(), List.of(append(stream, ExpectedVersion.ANY, reserved(stream, 1))), null);
    assertEquals(3, store.streamVersion(stream));
  }

  @Test
  void thirtyTwoWritersRaceForOneStreamAndExactlyOneWinsEachVersion() throws Exception {
    String stream = newStream("race");
    store.append(
        command(), List.of(append(stream, ExpectedVersion.NO_STREAM, reserved(stream, 1))), null);
    int writers = 32;
    int rounds = 3;
    ExecutorService pool = Executors.newFixedThreadPool(writers, threads);
    try {
      for (int round = 1; round <= rounds; round++) {
        long seen = store.streamVersion(stream);
        CyclicBarrier start = new CyclicBarrier(writers);
        List<Future<Object>> attempts = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
          attempts.add(
              pool.submit(
                  () -> {
                    start.await(30, TimeUnit.SECONDS);
                    try {
                      return store.append(
                          command(),
                          List.of(
                              append(stream, ExpectedVersion.exactly(seen), reserved(stream, 1))),
                          null);
                    } catch (ConcurrencyConflict conflict) {
                      return conflict;
                    }
                  }));
        }
        int wins = 0;
        for (Future<Object> attempt : attempts) {
          Object outcome = attempt.get(60, TimeUnit.SECONDS);
          if (outcome instanceof AppendResult won) {
            wins++;
            assertEquals(seen + 1, won.streams().get(0).version());
          } else {
            assertInstanceOf(ConcurrencyConflict.class, outcome, "losers get the typed conflict");
          }
        }
        assertEquals(1, wins, "exactly one of " + writers + " writers wins version " + (seen + 1));
      }
    } finally {
      pool.shutdownNow();
    }
    List<RecordedEvent> events = store.readStream(stream, 1, 1000);
    assertEquals(
        LongStream.rangeClosed(1, 1 + rounds).boxed().toList(),
        events.stream().map(RecordedEvent::streamVersion).toList(),
        "versions run 1..n without gaps");
    assertTrue(store.verify(java.util.Optional.of(stream)).ok());
  }

  @Test
  void aRepeatedCommandIdAppendsNothingAndReturnsTheFirstOutcome() {
    String stream = newStream("idem");
    String commandId = "cmd-" + stream;
    AppendResult first =
        store.append(
            command(commandId),
            List.of(append(stream, ExpectedVersion.ANY, reserved(stream, 2))),
            "{\"n\":1}");
    AppendResult again =
        store.append(
            command(commandId),
            List.of(append(stream, ExpectedVersion.ANY, reserved(stream, 2))),
            "{\"n\":2}");
    assertFalse(first.repeated());
    assertTrue(again.repeated());
    assertEquals("{\"n\":1}", again.outcome());
    assertEquals(first.lastPosition(), again.lastPosition());
    assertEquals(1, store.streamVersion(stream));
  }

  @Test
  void theSameCommandIdArrivingConcurrentlyIsCarriedOutOnce() throws Exception {
    String stream = newStream("idem-race");
    String commandId = "cmd-" + stream;
    int copies = 8;
    CyclicBarrier start = new CyclicBarrier(copies);
    List<Future<AppendResult>> results = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      results.add(
          executor.submit(
              () -> {
                start.await(30, TimeUnit.SECONDS);
                return store.append(
                    command(commandId),
                    List.of(append(stream, ExpectedVersion.ANY, reserved(stream, 1))),
                    "{}");
              }));
    }
    int firstTimes = 0;
    Set<Long> positions = new TreeSet<>();
    for (Future<AppendResult> result : results) {
      AppendResult outcome = result.get(60, TimeUnit.SECONDS);
      firstTimes += outcome.repeated() ? 0 : 1;
      positions.add(outcome.lastPosition());
    }
    assertEquals(1, firstTimes, "carried out once");
    assertEquals(1, positions.size(), "every copy learns the same outcome");
    assertEquals(1, store.streamVersion(stream));
  }

  /**
   * Appends that only start new streams are written without looking anything up first; whatever
   * collides (the stream exists, the command was carried out) must still get its own answer, and
   * the appends committed with it must not suffer.
   */
  @Test
  void appendsStartingNewStreamsAreAnsweredOneByOneWhenOneOfThemCollides() throws Exception {
    String existing = newStream("taken");
    store.append(
        command(),
        List.of(append(existing, ExpectedVersion.NO_STREAM, reserved(existing, 1))),
        null);
    String repeatedId = "cmd-" + newStream("repeat");
    String repeatedStream = newStream("repeat");
    AppendResult first =
        store.append(
            command(repeatedId),
            List.of(append(repeatedStream, ExpectedVersion.NO_STREAM, reserved(repeatedStream, 1))),
            "{\"first\":true}");

    AppendResult again =
        store.append(
            command(repeatedId),
            List.of(append(newStream("other"), ExpectedVersion.NO_STREAM, reserved("x", 1))),
            "{\"first\":false}");
    assertTrue(again.repeated(), "a repeated command to a new stream returns the first outcome");
    assertEquals("{\"first\":true}", again.outcome());
    ConcurrencyConflict exists =
        assertThrows(
            ConcurrencyConflict.class,
            () ->
                store.append(
                    command(),
                    List.of(append(existing, ExpectedVersion.NO_STREAM, reserved(existing, 1))),
                    null));
    assertTrue(exists.getMessage().contains("expected no stream"), exists.getMessage());

    int writers = 24;
    CyclicBarrier start = new CyclicBarrier(writers);
    List<String> fresh = new ArrayList<>();
    List<Future<Object>> outcomes = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(writers, threads);
    try {
      for (int i = 0; i < writers; i++) {
        String stream = i == 0 ? existing : i == 1 ? repeatedStream : newStream("fresh");
        String id = i == 1 ? repeatedId : "cmd-" + stream + "-" + i;
        if (i > 1) {
          fresh.add(stream);
        }
        outcomes.add(
            pool.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  try {
                    return store.append(
                        command(id),
                        List.of(append(stream, ExpectedVersion.NO_STREAM, reserved(stream, 1))),
                        "{}");
                  } catch (ConcurrencyConflict conflict) {
                    return conflict;
                  }
                }));
      }
      assertInstanceOf(ConcurrencyConflict.class, outcomes.get(0).get(60, TimeUnit.SECONDS));
      AppendResult repeated = (AppendResult) outcomes.get(1).get(60, TimeUnit.SECONDS);
      assertTrue(repeated.repeated());
      assertEquals(first.lastPosition(), repeated.lastPosition());
      for (int i = 2; i < writers; i++) {
        AppendResult written = (AppendResult) outcomes.get(i).get(60, TimeUnit.SECONDS);
        assertFalse(written.repeated());
      }
    } finally {
      pool.shutdownNow();
    }
    for (String stream : fresh) {
      assertEquals(1, store.streamVersion(stream), stream + " written once");
      assertTrue(store.verify(java.util.Optional.of(stream)).ok());
    }
    assertEquals(1, store.streamVersion(existing));
    assertEquals(1, store.streamVersion(repeatedStream));
  }

  /**
   * Transaction A takes a position and stays open; B, a later writer, cannot commit before A: a
   * reader polling meanwhile sees neither, then both in order. Never B without A.
   */
  @Test
  void aLaterWriterCannotOvertakeAnOpenEarlierOneAndReadersNeverSkip() throws Exception {
    long start = store.headPosition();
    String streamA = newStream("slow");
    String streamB = newStream("fast");
    CountDownLatch aHoldsItsPosition = new CountDownLatch(1);
    CountDownLatch releaseA = new CountDownLatch(1);
    Future<AppendResult> a =
        executor.submit(
            () -> {
              transaction.begin();
              try {
                AppendResult result =
                    store.append(
                        command(),
                        List.of(append(streamA, ExpectedVersion.NO_STREAM, reserved(streamA, 1))),
                        null);
                aHoldsItsPosition.countDown();
                releaseA.await(60, TimeUnit.SECONDS);
                transaction.commit();
                return result;
              } catch (Exception e) {
                transaction.rollback();
                throw e;
              }
            });
    assertTrue(aHoldsItsPosition.await(30, TimeUnit.SECONDS));
    Future<AppendResult> b =
        executor.submit(
            () ->
                store.append(
                    command(),
                    List.of(append(streamB, ExpectedVersion.NO_STREAM, reserved(streamB, 1))),
                    null));

    long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
    while (System.nanoTime() < until) {
      List<RecordedEvent> seen = store.readAll(start, 100);
      assertTrue(
          seen.stream().noneMatch(e -> e.streamId().equals(streamB)),
          "B must not be visible while A, with a lower position, is open");
      Thread.sleep(50);
    }
    assertFalse(b.isDone(), "B waits for A");

    releaseA.countDown();
    AppendResult committedA = a.get(60, TimeUnit.SECONDS);
    AppendResult committedB = b.get(60, TimeUnit.SECONDS);
    assertTrue(
        committedA.lastPosition() < committedB.firstPosition(), "commit order is position order");
    List<Long> positions =
        store.readAll(start, 100).stream().map(RecordedEvent::globalPosition).toList();
    assertTrue(
        positions.indexOf(committedA.lastPosition())
            < positions.indexOf(committedB.firstPosition()));
  }

  @Test
  void aRolledBackAppendLeavesNoHoleAndNobodyWaitsForIt() throws Exception {
    String doomed = newStream("doomed");
    String next = newStream("next");
    long before = store.headPosition();
    executor
        .submit(
            () -> {
              transaction.begin();
              store.append(
                  command(),
                  List.of(append(doomed, ExpectedVersion.NO_STREAM, reserved(doomed, 1))),
                  null);
              transaction.rollback();
              return null;
            })
        .get(60, TimeUnit.SECONDS);
    AppendResult after =
        store.append(
            command(), List.of(append(next, ExpectedVersion.NO_STREAM, reserved(next, 1))), null);
    List<RecordedEvent> read = store.readAll(before, 100);
    assertTrue(
        read.stream().noneMatch(e -> e.streamId().equals(doomed)),
        "nothing of the rolled-back append");
    for (int i = 0; i < read.size(); i++) {
      assertEquals(before + 1 + i, read.get(i).globalPosition(), "positions stay gap-free");
    }
    assertTrue(read.stream().anyMatch(e -> e.globalPosition() == after.firstPosition()));
  }

  /**
   * A group commit takes its positions before the guards have looked at its appends (on
   * MySQL/MariaDB, in the statement that takes the lock); appends refused or answered as repeats
   * take none, and the positions stay gap-free for the group and for the appends after it.
   */
  @Test
  void refusedAndRepeatedAppendsInAGroupTakeNoPositionAndLeaveNoHole() throws Exception {
    String existing = newStream("seq-existing");
    store.append(
        command(),
        List.of(append(existing, ExpectedVersion.NO_STREAM, reserved(existing, 1))),
        null);
    String repeatedId = "cmd-" + newStream("seq-repeat");
    String repeatedStream = newStream("seq-repeat");
    AppendResult first =
        store.append(
            command(repeatedId),
            List.of(append(repeatedStream, ExpectedVersion.ANY, reserved(repeatedStream, 1))),
            "{}");
    long before = store.headPosition();
    int writers = 24;
    CyclicBarrier start = new CyclicBarrier(writers);
    List<Future<Object>> outcomes = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(writers, threads);
    int written = 0;
    try {
      for (int i = 0; i < writers; i++) {
        int kind = i % 3; // 0: refused (the stream exists), 1: a repeat, 2: written (two events)
        String stream = kind == 0 ? existing : newStream("seq-fresh");
        String id = kind == 1 ? repeatedId : "cmd-" + stream + "-" + i;
        ExpectedVersion expected = kind == 0 ? ExpectedVersion.NO_STREAM : ExpectedVersion.ANY;
        outcomes.add(
            pool.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  try {
                    return store.append(
                        command(id),
                        List.of(append(stream, expected, reserved(stream, 1), reserved(stream, 2))),
                        "{}");
                  } catch (ConcurrencyConflict conflict) {
                    return conflict;
                  }
                }));
      }
      for (int i = 0; i < writers; i++) {
        Object outcome = outcomes.get(i).get(60, TimeUnit.SECONDS);
        switch (i % 3) {
          case 0 -> assertInstanceOf(ConcurrencyConflict.class, outcome);
          case 1 -> assertEquals(first.lastPosition(), ((AppendResult) outcome).lastPosition());
          default -> {
            assertFalse(((AppendResult) outcome).repeated());
            written += 2;
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
    String after = newStream("seq-after");
    AppendResult next =
        store.append(
            command(), List.of(append(after, ExpectedVersion.NO_STREAM, reserved(after, 1))), null);
    assertEquals(
        before + written + 1,
        next.firstPosition(),
        "the next append takes the position right after the group's last event");
    List<RecordedEvent> read = store.readAll(before, 1000);
    assertEquals(written + 1, read.size());
    for (int i = 0; i < read.size(); i++) {
      assertEquals(before + 1 + i, read.get(i).globalPosition(), "positions stay gap-free");
    }
    assertTrue(store.verify(java.util.Optional.empty()).ok(), "the whole log verifies");
  }

  @Test
  void eventsOfOneCommandOnSeveralStreamsAreAllOrNothing() {
    String ok = newStream("multi-ok");
    String taken = newStream("multi-taken");
    store.append(
        command(), List.of(append(taken, ExpectedVersion.NO_STREAM, reserved(taken, 1))), null);
    assertThrows(
        ConcurrencyConflict.class,
        () ->
            store.append(
                command(),
                List.of(
                    append(ok, ExpectedVersion.NO_STREAM, reserved(ok, 1)),
                    append(taken, ExpectedVersion.NO_STREAM, reserved(taken, 1))),
                null));
    assertEquals(0, store.streamVersion(ok), "the other stream got nothing either");
  }

  @Test
  void aDatabaseFailureDuringAnAppendStoresNothing() {
    String stream = newStream("too-long-reason");
    ExecutionException failure =
        assertThrows(
            ExecutionException.class,
            () ->
                executor
                    .submit(
                        () -> {
                          transaction.begin();
                          try {
                            store.append(
                                command(),
                                List.of(
                                    append(stream, ExpectedVersion.NO_STREAM, reserved(stream, 1))),
                                null);
                            throw new IllegalStateException("the database went away before commit");
                          } finally {
                            transaction.rollback();
                          }
                        })
                    .get(60, TimeUnit.SECONDS));
    assertInstanceOf(IllegalStateException.class, failure.getCause());
    assertEquals(0, store.streamVersion(stream));
  }

  /**
   * On MySQL/MariaDB the committer writes a group in one round trip, decided from what its own
   * commits left. Another writer — an append inside a caller's transaction goes round the committer
   * as a second server's would — moves the log under it: the next group is refused by the database,
   * written the ordinary way and answered as before (here a conflict), and the positions stay
   * gap-free. A retry whose only tell is its command id is still answered with the first outcome.
   * (On H2 every group takes the ordinary way; the answers are the same.)
   */
  @Test
  void aGroupDecidedFromTheCommittersOwnCommitsIsAnsweredAsBeforeWhenAnotherWriterMovedTheLog()
      throws Exception {
    String stream = newStream("one-trip");
    long callsBefore = procedureCalls();
    AppendResult first =
        store.append(
            command(),
            List.of(append(stream, ExpectedVersion.NO_STREAM, reserved(stream, 1))),
            null);
    CommandMetadata accented =
        new CommandMetadata(
            "cmd-" + stream + "-2", "corr-é", "cause-2", "it-tester", "réservé — ok");
    store.append(
        accented, List.of(append(stream, ExpectedVersion.exactly(1), reserved(stream, 2))), null);
    executor
        .submit(
            () -> {
              transaction.begin();
              try {
                store.append(
                    command(),
                    List.of(append(stream, ExpectedVersion.exactly(2), reserved(stream, 3))),
                    null);
                transaction.commit();
              } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
              }
              return null;
            })
        .get(60, TimeUnit.SECONDS);

    ConcurrencyConflict stale =
        assertThrows(
            ConcurrencyConflict.class,
            () ->
                store.append(
                    command(),
                    List.of(append(stream, ExpectedVersion.exactly(2), reserved(stream, 4))),
                    null));
    assertTrue(stale.getMessage().contains("version 3"), stale.getMessage());
    store.append(
        command(), List.of(append(stream, ExpectedVersion.exactly(3), reserved(stream, 4))), null);
    String fifthId = "cmd-" + stream + "-5";
    AppendResult fifth =
        store.append(
            command(fifthId),
            List.of(append(stream, ExpectedVersion.exactly(4), reserved(stream, 5))),
            "{\"seat\":\"Zoë 😀\"}");
    String stray = newStream("one-trip-stray");
    AppendResult retried =
        store.append(
            command(fifthId),
            List.of(append(stray, ExpectedVersion.NO_STREAM, reserved(stray, 1))),
            "{}");

    assertTrue(retried.repeated());
    assertEquals(fifth.lastPosition(), retried.lastPosition());
    assertEquals("{\"seat\":\"Zoë 😀\"}", retried.outcome());
    assertEquals(0, store.streamVersion(stray));
    List<RecordedEvent> events = store.readStream(stream, 1, 10);
    assertEquals(
        List.of(1L, 2L, 3L, 4L, 5L), events.stream().map(RecordedEvent::streamVersion).toList());
    assertEquals("réservé — ok", events.get(1).reason());
    assertEquals("corr-é", events.get(1).correlationId());
    List<RecordedEvent> log = store.readAll(first.firstPosition() - 1, 1000);
    for (int i = 0; i < log.size(); i++) {
      assertEquals(
          first.firstPosition() + i, log.get(i).globalPosition(), "positions stay gap-free");
    }
    assertTrue(store.verify(java.util.Optional.of(stream)).ok());
    assertTrue(store.verify(java.util.Optional.empty()).ok(), "the whole log verifies");
    if (callsBefore >= 0) {
      // the second, the refused stale one, the fifth and the retry went as one CALL each
      assertTrue(procedureCalls() - callsBefore >= 4, "the one-trip path ran");
    }
  }

  /** CALL statements the MySQL/MariaDB server ran so far (all sessions); -1 on other databases. */
  private long procedureCalls() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
      if (!product.contains("mysql") && !product.contains("mariadb")) {
        return -1;
      }
      try (Statement statement = c.createStatement();
          ResultSet row = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Com_call_procedure'")) {
        row.next();
        return row.getLong(2);
      }
    }
  }
}
