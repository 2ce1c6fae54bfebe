package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.AppendResult;
import org.seatledger.eventlog.api.AppendResult.StreamVersion;
import org.seatledger.eventlog.api.CommandAppend;
import org.seatledger.eventlog.api.CommandMetadata;
import org.seatledger.eventlog.api.ConcurrencyConflict;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.eventlog.api.MasterKeyMismatch;
import org.seatledger.eventlog.api.StreamAppend;
import org.seatledger.eventlog.store.AppendGuards.Found;
import org.seatledger.eventlog.store.BatchOutcome.Refusal;

/**
 * The guards of an append, without a database: given the heads, the commands carried out and the
 * keys stored, which batches of a commit append, which are repeats, which are refused and why.
 */
class AppendGuardsTest {

  private static final long NEXT = 101;
  private static final long AT = 1_700_000_000_000_000L;
  private static final String ACTIVE_KEY = "k-active";

  // ---- expected versions ------------------------------------------------------------------

  @Test
  void aNewStreamStartsAtVersionOneFromTheNextPositionWithItsChainFromGenesis() {
    Prepared.Batch batch = batch(command("c-1", "ok-1", stream("s-1", NO_STREAM, 2)));

    AppendGuards.Decision decision = decide(nothing(), batch);

    assertEquals(
        List.of(
            new BatchOutcome.Appended(
                List.of(
                    new AppendResult(
                        101, 102, List.of(new StreamVersion("s-1", 2)), false, "ok-1")))),
        decision.outcomes());
    List<StoredEvent> rows = decision.events();
    assertEquals(List.of(101L, 102L), positions(rows));
    assertEquals(List.of(1L, 2L), versions(rows));
    assertEquals(HashChain.GENESIS, rows.get(0).previousHash);
    assertChained(rows);
    assertEquals(103, decision.nextPosition());
    assertTrue(decision.writes());
  }

  @Test
  void eachRowCarriesTheCommandsMetadataAndTheCommitsTime() {
    Prepared.Batch batch = batch(command("c-1", "ok", stream("s-1", NO_STREAM, 1)));

    StoredEvent row = decide(nothing(), batch).events().get(0);

    assertEquals("c-1", row.commandId);
    assertEquals("corr-c-1", row.correlationId);
    assertEquals("cause-c-1", row.causationId);
    assertEquals("sam", row.recordedBy);
    assertEquals("because", row.reason);
    assertEquals(AT, row.recordedAtMicros);
    assertEquals("Thing", row.streamType);
    assertEquals("ThingHappened", row.eventType);
    assertEquals(1, row.schemaVersion);
    assertEquals("{\"n\":0}", row.payload);
    ProcessedCommand done = decide(nothing(), batch).processed().get(0);
    assertEquals("c-1", done.commandId);
    assertEquals("ok", done.outcome);
    assertEquals(101L, done.firstPosition);
    assertEquals(101L, done.lastPosition);
    assertEquals(AT, done.recordedAtMicros);
  }

  @Test
  void anAppendToAnExistingStreamContinuesItsVersionsAndItsChain() {
    Prepared.Batch batch =
        batch(command("c-1", "ok", stream("s-1", ExpectedVersion.exactly(7), 2)));

    AppendGuards.Decision decision = decide(heads(Map.of("s-1", head(7))), batch);

    assertEquals(List.of(8L, 9L), versions(decision.events()));
    assertEquals("hash-7", decision.events().get(0).previousHash);
    assertChained(decision.events());
    assertEquals(List.of(new StreamVersion("s-1", 9)), appended(decision, 0).get(0).streams());
  }

  @Test
  void noStreamIsRefusedForAStreamThatExistsAndTheConflictNamesItAndItsVersion() {
    Prepared.Batch batch = batch(command("c-1", "ok", stream("s-1", NO_STREAM, 1)));

    AppendGuards.Decision decision = decide(heads(Map.of("s-1", head(3))), batch);

    assertEquals(new Refusal.VersionMismatch("s-1", 3, NO_STREAM), refusal(decision, 0));
    ConcurrencyConflict conflict =
        assertThrows(ConcurrencyConflict.class, () -> decision.outcomes().get(0).resultsOrThrow());
    assertEquals("s-1", conflict.streamId());
    assertEquals(
        "stream s-1 is at version 3, the writer expected no stream", conflict.getMessage());
    assertNothingWritten(decision);
  }

  @Test
  void exactlyNAppendsOnlyToAStreamAtVersionN() {
    Found atThree = heads(Map.of("s-1", head(3)));
    for (long expected : new long[] {0, 2, 4}) {
      AppendGuards.Decision decision =
          decide(
              atThree,
              batch(command("c-1", "ok", stream("s-1", ExpectedVersion.exactly(expected), 1))));
      assertEquals(
          new Refusal.VersionMismatch("s-1", 3, ExpectedVersion.exactly(expected)),
          refusal(decision, 0),
          "expected " + expected);
    }
    ConcurrencyConflict conflict =
        assertThrows(
            ConcurrencyConflict.class,
            () ->
                decide(
                        atThree,
                        batch(command("c-1", "ok", stream("s-1", ExpectedVersion.exactly(2), 1))))
                    .outcomes()
                    .get(0)
                    .resultsOrThrow());
    assertEquals(
        "stream s-1 is at version 3, the writer expected version 2", conflict.getMessage());

    AppendGuards.Decision atN =
        decide(atThree, batch(command("c-1", "ok", stream("s-1", ExpectedVersion.exactly(3), 1))));
    assertEquals(List.of(4L), versions(atN.events()));
  }

  @Test
  void exactlyNIsRefusedForAStreamThatDoesNotExist() {
    AppendGuards.Decision decision =
        decide(
            nothing(), batch(command("c-1", "ok", stream("s-1", ExpectedVersion.exactly(1), 1))));

    assertEquals(
        new Refusal.VersionMismatch("s-1", 0, ExpectedVersion.exactly(1)), refusal(decision, 0));
  }

  @Test
  void anyVersionAppendsToANewStreamAndToAnExistingOne() {
    AppendGuards.Decision decision =
        decide(
            heads(Map.of("old", head(5))),
            batch(
                command(
                    "c-1",
                    "ok",
                    stream("new", ExpectedVersion.ANY, 1),
                    stream("old", ExpectedVersion.ANY, 1))));

    assertEquals(
        List.of(new StreamVersion("new", 1), new StreamVersion("old", 6)),
        appended(decision, 0).get(0).streams());
    assertEquals(HashChain.GENESIS, decision.events().get(0).previousHash);
    assertEquals("hash-5", decision.events().get(1).previousHash);
  }

  @Test
  void aStreamOfAnotherTypeIsRefusedAsAProgrammingErrorNotAConflict() {
    Found found = heads(Map.of("s-1", new Head(2, "hash-2", "Booking")));
    AppendGuards.Decision decision =
        decide(found, batch(command("c-1", "ok", stream("s-1", ExpectedVersion.ANY, 1))));

    assertEquals(new Refusal.OtherStreamType("s-1", "Booking", "Thing"), refusal(decision, 0));
    IllegalArgumentException wrong =
        assertThrows(
            IllegalArgumentException.class, () -> decision.outcomes().get(0).resultsOrThrow());
    assertEquals("stream s-1 is a Booking, not a Thing", wrong.getMessage());
  }

  // ---- idempotent command ids -------------------------------------------------------------

  @Test
  void aRepeatedCommandReturnsItsFirstOutcomeAndAppendsNothing() {
    AppendResult first = new AppendResult(40, 42, List.of(), true, "{\"bookingId\":\"b-1\"}");
    Found found = new Found(Map.of(), Map.of("c-1", first), Set.of(), null);

    AppendGuards.Decision decision =
        decide(found, batch(command("c-1", "second outcome", stream("s-1", NO_STREAM, 1))));

    assertEquals(List.of(new BatchOutcome.Repeated(first)), decision.outcomes());
    assertEquals(List.of(first), decision.outcomes().get(0).resultsOrThrow());
    assertNothingWritten(decision);
  }

  @Test
  void aRepeatIsAnsweredEvenWhereItsAppendWouldNowConflict() {
    AppendResult first = new AppendResult(40, 40, List.of(), true, "first");
    Found found = new Found(Map.of("s-1", head(1)), Map.of("c-1", first), Set.of(), null);

    AppendGuards.Decision decision =
        decide(found, batch(command("c-1", "again", stream("s-1", NO_STREAM, 1))));

    assertEquals(new BatchOutcome.Repeated(first), decision.outcomes().get(0));
  }

  @Test
  void aBatchOfSeveralWithACommandCarriedOutBeforeIsRefusedWholeNamingThatCommand() {
    Found found =
        new Found(
            Map.of(), Map.of("c-2", new AppendResult(9, 9, List.of(), true, "x")), Set.of(), null);

    AppendGuards.Decision decision =
        decide(
            found,
            batch(
                command("c-1", "ok", stream("a", NO_STREAM, 1)),
                command("c-2", "ok", stream("b", NO_STREAM, 1)),
                command("c-3", "ok", stream("c", NO_STREAM, 1))));

    assertEquals(new Refusal.CarriedOutMeanwhile(List.of("c-2")), refusal(decision, 0));
    ConcurrencyConflict conflict =
        assertThrows(ConcurrencyConflict.class, () -> decision.outcomes().get(0).resultsOrThrow());
    assertNull(conflict.streamId(), "no one stream is to blame");
    assertEquals("commands [c-2] of this batch were carried out meanwhile", conflict.getMessage());
    assertNothingWritten(decision);
  }

  @Test
  void theSameCommandTwiceInOneGroupCommitIsWrittenOnceAndTheSecondGetsTheFirstsPositions() {
    Prepared.Batch once = batch(command("c-1", "ok", stream("s-1", NO_STREAM, 2)));
    Prepared.Batch again = batch(command("c-1", "ok", stream("s-1", NO_STREAM, 2)));

    AppendGuards.Decision decision = decide(nothing(), once, again);

    assertEquals(
        new BatchOutcome.Repeated(new AppendResult(101, 102, List.of(), true, "ok")),
        decision.outcomes().get(1));
    assertEquals(2, decision.events().size(), "the events of the first only");
    assertEquals(1, decision.processed().size());
    assertEquals(103, decision.nextPosition());
  }

  @Test
  void aBatchOfSeveralRepeatingACommandWrittenEarlierInTheCommitIsRefused() {
    Prepared.Batch first = batch(command("c-1", "ok", stream("a", NO_STREAM, 1)));
    Prepared.Batch several =
        batch(
            command("c-1", "ok", stream("a", NO_STREAM, 1)),
            command("c-2", "ok", stream("b", NO_STREAM, 1)));

    AppendGuards.Decision decision = decide(nothing(), first, several);

    assertEquals(new Refusal.CarriedOutMeanwhile(List.of("c-1")), refusal(decision, 1));
    assertEquals(List.of("a"), streams(decision.events()));
  }

  // ---- batches in one commit --------------------------------------------------------------

  @Test
  void eachBatchIsCheckedAgainstTheHeadsTheBatchesBeforeItLeft() {
    AppendGuards.Decision decision =
        decide(
            nothing(),
            batch(command("c-1", "ok", stream("s-1", NO_STREAM, 1))),
            batch(command("c-2", "ok", stream("s-1", NO_STREAM, 1))),
            batch(command("c-3", "ok", stream("s-1", ExpectedVersion.exactly(1), 1))));

    assertInstanceOf(BatchOutcome.Appended.class, decision.outcomes().get(0));
    assertEquals(new Refusal.VersionMismatch("s-1", 1, NO_STREAM), refusal(decision, 1));
    assertEquals(List.of(1L, 2L), versions(decision.events()));
    assertChained(decision.events());
  }

  @Test
  void aRefusedBatchTakesNoPositionAndItsNeighboursAreWritten() {
    AppendGuards.Decision decision =
        decide(
            heads(Map.of("taken", head(1))),
            batch(command("c-1", "one", stream("a", NO_STREAM, 2))),
            batch(command("c-2", "two", stream("taken", NO_STREAM, 1))),
            batch(command("c-3", "three", stream("b", NO_STREAM, 1))));

    assertEquals(
        new AppendResult(101, 102, List.of(new StreamVersion("a", 2)), false, "one"),
        appended(decision, 0).get(0));
    assertInstanceOf(BatchOutcome.Refused.class, decision.outcomes().get(1));
    assertEquals(
        new AppendResult(103, 103, List.of(new StreamVersion("b", 1)), false, "three"),
        appended(decision, 2).get(0));
    assertEquals(List.of(101L, 102L, 103L), positions(decision.events()));
    assertEquals(
        List.of("c-1", "c-3"), decision.processed().stream().map(p -> p.commandId).toList());
    assertEquals(104, decision.nextPosition());
  }

  @Test
  void aBatchIsAllOrNothingAndALaterCommandsConflictDropsTheEarlierCommandsRows() {
    AppendGuards.Decision decision =
        decide(
            heads(Map.of("b", head(4))),
            batch(
                command("c-1", "ok", stream("a", NO_STREAM, 1)),
                command("c-2", "ok", stream("b", ExpectedVersion.exactly(3), 1))),
            batch(command("c-3", "ok", stream("a", NO_STREAM, 1))));

    assertEquals(
        new Refusal.VersionMismatch("b", 4, ExpectedVersion.exactly(3)), refusal(decision, 0));
    assertEquals(
        new AppendResult(101, 101, List.of(new StreamVersion("a", 1)), false, "ok"),
        appended(decision, 1).get(0),
        "the refused batch left stream a as it was");
  }

  @Test
  void commandsOfOneBatchSeeTheStreamAsTheCommandsBeforeThemLeftIt() {
    AppendGuards.Decision decision =
        decide(
            nothing(),
            batch(
                command("c-1", "one", stream("s-1", NO_STREAM, 2)),
                command("c-2", "two", stream("s-1", ExpectedVersion.exactly(2), 1))));

    assertEquals(
        List.of(
            new AppendResult(101, 102, List.of(new StreamVersion("s-1", 2)), false, "one"),
            new AppendResult(103, 103, List.of(new StreamVersion("s-1", 3)), false, "two")),
        appended(decision, 0));
    assertChained(decision.events());
  }

  @Test
  void oneCommandAcrossStreamsGetsOneProcessedRowSpanningAllItsEvents() {
    AppendGuards.Decision decision =
        decide(
            nothing(),
            batch(command("c-1", "ok", stream("a", NO_STREAM, 2), stream("b", NO_STREAM, 1))));

    ProcessedCommand done = decision.processed().get(0);
    assertEquals(101L, done.firstPosition);
    assertEquals(103L, done.lastPosition);
    assertEquals(List.of("a", "a", "b"), streams(decision.events()));
    assertEquals(HashChain.GENESIS, decision.events().get(2).previousHash, "b has its own chain");
  }

  @Test
  void aCommitWhereEveryBatchIsRefusedWritesNothing() {
    AppendGuards.Decision decision =
        decide(
            heads(Map.of("s-1", head(1))),
            batch(command("c-1", "ok", stream("s-1", NO_STREAM, 1))));

    assertFalse(decision.writes());
    assertEquals(NEXT, decision.nextPosition());
  }

  // ---- data keys --------------------------------------------------------------------------

  @Test
  void aNewDataKeyIsWrittenWithItsBatch() {
    AppendGuards.Decision decision =
        decide(nothing(), batchWithKeys(List.of(key("r-1", ACTIVE_KEY)), "c-1", "a"));

    assertEquals(List.of(key("r-1", ACTIVE_KEY)), decision.keys());
    assertInstanceOf(BatchOutcome.Appended.class, decision.outcomes().get(0));
  }

  @Test
  void aKeyStoredMeanwhileForANewSubjectRefusesTheBatchNamingTheSubject() {
    Found found = new Found(Map.of(), Map.of(), Set.of("r-1"), ACTIVE_KEY);

    AppendGuards.Decision decision =
        decide(found, batchWithKeys(List.of(key("r-1", ACTIVE_KEY)), "c-1", "a"));

    assertEquals(new Refusal.KeyStoredMeanwhile("r-1"), refusal(decision, 0));
    ConcurrencyConflict conflict =
        assertThrows(ConcurrencyConflict.class, () -> decision.outcomes().get(0).resultsOrThrow());
    assertEquals("a data key for subject r-1 was stored meanwhile", conflict.getMessage());
    assertNothingWritten(decision);
  }

  @Test
  void twoBatchesOfOneCommitCreatingAKeyForTheSameSubjectWriteOnlyTheFirst() {
    AppendGuards.Decision decision =
        decide(
            nothing(),
            batchWithKeys(List.of(key("r-1", ACTIVE_KEY)), "c-1", "a"),
            batchWithKeys(List.of(key("r-1", ACTIVE_KEY)), "c-2", "b"));

    assertInstanceOf(BatchOutcome.Appended.class, decision.outcomes().get(0));
    assertEquals(new Refusal.KeyStoredMeanwhile("r-1"), refusal(decision, 1));
    assertEquals(1, decision.keys().size());
  }

  @Test
  void keysWrappedByAMasterKeyTheDatabaseNoLongerNamesAreRefused() {
    AppendGuards.Decision decision =
        decide(nothing(), batchWithKeys(List.of(key("r-1", "k-old")), "c-1", "a"));

    assertEquals(new Refusal.WrappedByAnotherKey("k-old", ACTIVE_KEY), refusal(decision, 0));
    assertThrows(MasterKeyMismatch.class, () -> decision.outcomes().get(0).resultsOrThrow());
    assertNothingWritten(decision);
  }

  @Test
  void keysAreRefusedWhenTheDatabaseNamesNoMasterKey() {
    AppendGuards.Decision decision =
        decide(Found.NOTHING, batchWithKeys(List.of(key("r-1", ACTIVE_KEY)), "c-1", "a"));

    assertEquals(new Refusal.WrappedByAnotherKey(ACTIVE_KEY, null), refusal(decision, 0));
  }

  @Test
  void aBatchWithoutNewKeysIsWrittenWhateverMasterKeyTheDatabaseNames() {
    AppendGuards.Decision decision =
        decide(Found.NOTHING, batch(command("c-1", "ok", stream("a", NO_STREAM, 1))));

    assertInstanceOf(BatchOutcome.Appended.class, decision.outcomes().get(0));
  }

  // ---- skipping the lookup ----------------------------------------------------------------

  @Test
  void onlyACommitThatStartsNothingButNewStreamsMaySkipTheLookup() {
    Prepared.Batch fresh = batch(command("c-1", "ok", stream("a", NO_STREAM, 1)));
    Prepared.Batch any = batch(command("c-2", "ok", stream("b", ExpectedVersion.ANY, 1)));

    assertTrue(AppendGuards.onlyNewStreams(List.of(fresh, fresh)));
    assertFalse(AppendGuards.onlyNewStreams(List.of(fresh, any)));
    assertFalse(
        AppendGuards.onlyNewStreams(
            List.of(batch(command("c-3", "ok", stream("c", ExpectedVersion.exactly(1), 1))))));
  }

  // ---- the positions reserved before the guards run -----------------------------------------

  @Test
  void aCommitReservesExactlyThePositionsItsRowsTakeWhenEveryBatchIsWritten() {
    List<Prepared.Batch> batches =
        List.of(
            batch(
                command("c-1", "ok", stream("a", NO_STREAM, 2), stream("b", NO_STREAM, 1)),
                command("c-2", "ok", stream("a", ExpectedVersion.exactly(2), 3))),
            batch(command("c-3", "ok", stream("c", NO_STREAM, 1))));

    AppendGuards.Decision decision = AppendGuards.decide(batches, nothing(), NEXT, AT);

    assertEquals(7, AppendGuards.eventCount(batches));
    assertEquals(NEXT + AppendGuards.eventCount(batches), decision.nextPosition());
  }

  @Test
  void aRefusedBatchLeavesReservedPositionsTheSequenceMustGiveBack() {
    List<Prepared.Batch> batches =
        List.of(
            batch(command("c-1", "ok", stream("taken", NO_STREAM, 2))),
            batch(command("c-2", "ok", stream("a", NO_STREAM, 1))));

    AppendGuards.Decision decision =
        AppendGuards.decide(batches, heads(Map.of("taken", head(1))), NEXT, AT);

    assertEquals(3, AppendGuards.eventCount(batches));
    assertEquals(NEXT + 1, decision.nextPosition(), "only the written event's position is taken");
  }

  @Test
  void mySqlAndMariaDbLockAndMoveTheSequenceInOneStatementOtherDatabasesSelectForUpdate() {
    assertEquals(SequenceLock.RESERVING, SequenceLock.of("MySQL"));
    assertEquals(SequenceLock.RESERVING, SequenceLock.of("MariaDB"));
    assertEquals(SequenceLock.SELECTING, SequenceLock.of("H2"));
    assertEquals(SequenceLock.SELECTING, SequenceLock.of("Apache Derby"));
  }

  @Test
  void bothPathsLookUpEveryCommandTheStreamsThatMayExistTheNewOnesAndTheSubjectsOfNewKeys() {
    GuardKeys keys =
        GuardKeys.of(
            List.of(
                batch(
                    command(
                        "c1",
                        "ok",
                        stream("booking-1", NO_STREAM, 1),
                        stream("seats-1", ExpectedVersion.exactly(4), 1)),
                    command("c2", "ok", stream("seats-1", NO_STREAM, 1))),
                batchWithKeys(List.of(key("person-1", "k1")), "c3", "booking-2")));

    assertEquals(List.of("c1", "c2", "c3"), keys.commandIds());
    assertEquals(Set.of("seats-1"), keys.existing(), "appended at a version: may exist");
    assertEquals(
        List.of("booking-1", "booking-2"),
        List.copyOf(keys.fresh()),
        "new streams, without one another command appends to at a version");
    assertEquals(List.of("person-1"), keys.subjects());
  }

  // ---- fixture ----------------------------------------------------------------------------

  private static final ExpectedVersion NO_STREAM = ExpectedVersion.NO_STREAM;

  private record Spec(String streamId, ExpectedVersion expected, int events) {}

  private static Spec stream(String streamId, ExpectedVersion expected, int events) {
    return new Spec(streamId, expected, events);
  }

  private static Prepared.Command command(String commandId, String outcome, Spec... specs) {
    List<StreamAppend> appends = new ArrayList<>();
    List<Prepared.Stream> streams = new ArrayList<>();
    for (Spec spec : specs) {
      List<Object> events = new ArrayList<>();
      List<EventSerializer.Serialized> serialized = new ArrayList<>();
      for (int i = 0; i < spec.events(); i++) {
        events.add("event " + i);
        serialized.add(new EventSerializer.Serialized("ThingHappened", 1, "{\"n\":" + i + "}"));
      }
      StreamAppend append = new StreamAppend(spec.streamId(), "Thing", spec.expected(), events);
      appends.add(append);
      streams.add(new Prepared.Stream(append, serialized));
    }
    CommandMetadata metadata =
        new CommandMetadata(commandId, "corr-" + commandId, "cause-" + commandId, "sam", "because");
    return new Prepared.Command(new CommandAppend(metadata, appends, outcome), streams);
  }

  private static Prepared.Batch batch(Prepared.Command... commands) {
    return new Prepared.Batch(Arrays.asList(commands), List.of());
  }

  private static Prepared.Batch batchWithKeys(
      List<AppendKeys.NewKey> keys, String commandId, String streamId) {
    return new Prepared.Batch(
        List.of(command(commandId, "ok", stream(streamId, NO_STREAM, 1))), keys);
  }

  private static AppendKeys.NewKey key(String subjectId, String keyId) {
    return new AppendKeys.NewKey(subjectId, keyId, "wrapped-" + subjectId, AT);
  }

  private static Head head(long version) {
    return new Head(version, "hash-" + version, "Thing");
  }

  private static Found nothing() {
    return new Found(Map.of(), Map.of(), Set.of(), ACTIVE_KEY);
  }

  private static Found heads(Map<String, Head> heads) {
    return new Found(new HashMap<>(heads), Map.of(), Set.of(), ACTIVE_KEY);
  }

  private static AppendGuards.Decision decide(Found found, Prepared.Batch... batches) {
    return AppendGuards.decide(Arrays.asList(batches), found, NEXT, AT);
  }

  private static Refusal refusal(AppendGuards.Decision decision, int batch) {
    return assertInstanceOf(BatchOutcome.Refused.class, decision.outcomes().get(batch)).refusal();
  }

  private static List<AppendResult> appended(AppendGuards.Decision decision, int batch) {
    return assertInstanceOf(BatchOutcome.Appended.class, decision.outcomes().get(batch)).results();
  }

  private static void assertNothingWritten(AppendGuards.Decision decision) {
    assertFalse(decision.writes());
    assertEquals(List.of(), decision.events());
    assertEquals(List.of(), decision.processed());
    assertEquals(List.of(), decision.keys());
    assertEquals(NEXT, decision.nextPosition(), "no position taken");
  }

  /** Each row follows the one before it in its stream and matches its own hash. */
  private static void assertChained(List<StoredEvent> rows) {
    Map<String, String> last = new HashMap<>();
    for (StoredEvent row : rows) {
      if (last.containsKey(row.streamId)) {
        assertEquals(last.get(row.streamId), row.previousHash, "linked at " + row.globalPosition);
      }
      assertEquals(HashChain.hash(row.previousHash, row.link()), row.hash);
      last.put(row.streamId, row.hash);
    }
  }

  private static List<Long> positions(List<StoredEvent> rows) {
    return rows.stream().map(row -> row.globalPosition).toList();
  }

  private static List<Long> versions(List<StoredEvent> rows) {
    return rows.stream().map(row -> row.streamVersion).toList();
  }

  private static List<String> streams(List<StoredEvent> rows) {
    return rows.stream().map(row -> row.streamId).toList();
  }
}
