package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.AppendResult;
import org.seatledger.eventlog.api.AppendResult.StreamVersion;
import org.seatledger.eventlog.api.CommandAppend;
import org.seatledger.eventlog.api.CommandMetadata;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.eventlog.api.StreamAppend;

/**
 * The committer's memory of its own commits, without a database: when a group can be decided from
 * it (and then exactly as the guards would decide it after a lookup), and when the group is left to
 * the ordinary path.
 */
class KnownTailTest {

  private static final long AT = 1_700_000_000_000_000L;

  private final KnownTail tail = new KnownTail();

  @Test
  void nothingIsDecidedBeforeTheCommittersFirstCommit() {
    assertTrue(tail.plan(List.of(batch(command("c-1", stream("new-1", NO_STREAM)))), AT).isEmpty());
  }

  @Test
  void aGroupOnStreamsThisCommitterWroteContinuesTheirVersionsChainsAndThePositions() {
    AppendGuards.Decision first =
        commitOrdinarily(41, batch(command("c-1", stream("s-1", NO_STREAM))));
    StoredEvent head = first.events().get(0);

    KnownTail.Plan plan =
        tail.plan(
                List.of(
                    batch(command("c-2", stream("s-1", ExpectedVersion.exactly(1)))),
                    batch(command("c-3", stream("new-2", NO_STREAM)))),
                AT)
            .orElseThrow();

    assertEquals(42, plan.first());
    assertEquals(
        List.of(
            new BatchOutcome.Appended(
                List.of(
                    new AppendResult(42, 42, List.of(new StreamVersion("s-1", 2)), false, "ok"))),
            new BatchOutcome.Appended(
                List.of(
                    new AppendResult(
                        43, 43, List.of(new StreamVersion("new-2", 1)), false, "ok")))),
        plan.decision().outcomes());
    StoredEvent next = plan.decision().events().get(0);
    assertEquals(head.hash, next.previousHash, "the chain goes on from the remembered head");
    assertEquals(HashChain.hash(head.hash, next.link()), next.hash);
    assertEquals(44, plan.decision().nextPosition());
    assertNull(plan.masterKeyId());
  }

  @Test
  void aStreamThisCommitterDidNotWriteIsLeftToTheLookup() {
    commitOrdinarily(1, batch(command("c-1", stream("s-1", NO_STREAM))));

    assertTrue(
        tail.plan(List.of(batch(command("c-2", stream("other", ExpectedVersion.exactly(3))))), AT)
            .isEmpty());
    assertTrue(
        tail.plan(List.of(batch(command("c-3", stream("other", ExpectedVersion.ANY)))), AT)
            .isEmpty());
  }

  @Test
  void aGroupTheGuardsWouldRefuseOrAnswerAsARepeatIsLeftToTheOrdinaryPath() {
    commitOrdinarily(1, batch(command("c-1", stream("s-1", NO_STREAM))));

    // behind the remembered head: the ordinary path reads the stream and refuses with its version
    assertTrue(
        tail.plan(List.of(batch(command("c-2", stream("s-1", ExpectedVersion.exactly(0))))), AT)
            .isEmpty());
    // "new" but written by this committer
    assertTrue(tail.plan(List.of(batch(command("c-3", stream("s-1", NO_STREAM)))), AT).isEmpty());
    // the same command twice in one group: the second is a repeat
    assertTrue(
        tail.plan(
                List.of(
                    batch(command("c-4", stream("a", NO_STREAM))),
                    batch(command("c-4", stream("b", NO_STREAM)))),
                AT)
            .isEmpty());
  }

  @Test
  void newDataKeysGoWithTheMasterKeyTheyWereWrappedByAndTwoKeysAreLeftToTheOrdinaryPath() {
    commitOrdinarily(1, batch(command("c-1", stream("s-1", NO_STREAM))));

    KnownTail.Plan plan =
        tail.plan(
                List.of(
                    batch(List.of(key("p-1", "k-1")), command("c-2", stream("b-1", NO_STREAM)))),
                AT)
            .orElseThrow();
    assertEquals("k-1", plan.masterKeyId());
    assertEquals(List.of(key("p-1", "k-1")), plan.decision().keys());

    assertTrue(
        tail.plan(
                List.of(
                    batch(List.of(key("p-2", "k-1")), command("c-3", stream("b-2", NO_STREAM))),
                    batch(List.of(key("p-3", "k-2")), command("c-4", stream("b-3", NO_STREAM)))),
                AT)
            .isEmpty());
  }

  @Test
  void whenAnotherWriterCommittedBetweenTwoOfOursTheHeadsRememberedBeforeAreDropped() {
    commitOrdinarily(1, batch(command("c-1", stream("s-1", NO_STREAM))));
    // the next commit of this committer found the log at 5, not 2: someone else wrote 2..4
    commitOrdinarily(5, batch(command("c-2", stream("s-2", NO_STREAM))));

    assertTrue(
        tail.plan(List.of(batch(command("c-3", stream("s-1", ExpectedVersion.exactly(1))))), AT)
            .isEmpty(),
        "s-1 may have moved on");
    assertEquals(
        6,
        tail.plan(List.of(batch(command("c-4", stream("s-2", ExpectedVersion.exactly(1))))), AT)
            .orElseThrow()
            .first());
  }

  @Test
  void afterAMissTheNextGroupsGoTheOrdinaryWayTwiceAsManyForEveryMissInARow() {
    commitOrdinarily(1, batch(command("c-0", stream("s-0", NO_STREAM))));
    assertEquals(1, missThenCountOrdinaryGroups());
    assertEquals(2, missThenCountOrdinaryGroups());
    assertEquals(4, missThenCountOrdinaryGroups());

    KnownTail.Plan plan = tail.plan(List.of(newStreamBatch()), AT).orElseThrow();
    tail.committedInOneTrip(plan);
    assertEquals(1, missThenCountOrdinaryGroups(), "a one-trip commit starts again at one");
  }

  @Test
  void aFailureForgetsEverything() {
    commitOrdinarily(1, batch(command("c-1", stream("s-1", NO_STREAM))));

    tail.forget();

    assertTrue(tail.plan(List.of(newStreamBatch()), AT).isEmpty());
  }

  /** A miss, then ordinary commits until a group is planned again: how many went the other way. */
  private int missThenCountOrdinaryGroups() {
    tail.missed();
    int ordinary = 0;
    long position = 1000;
    while (tail.plan(List.of(newStreamBatch()), AT).isEmpty()) {
      ordinary++;
      tail.committed(position, position + 1, List.of());
      position++;
    }
    return ordinary;
  }

  private int counter;

  private Prepared.Batch newStreamBatch() {
    counter++;
    return batch(command("n-" + counter, stream("n-" + counter, NO_STREAM)));
  }

  /** An ordinary commit at {@code first}, decided as the lookup would with every stream new. */
  private AppendGuards.Decision commitOrdinarily(long first, Prepared.Batch... batches) {
    AppendGuards.Decision decision =
        AppendGuards.decide(Arrays.asList(batches), AppendGuards.Found.NOTHING, first, AT);
    tail.committed(first, decision.nextPosition(), decision.events());
    return decision;
  }

  // ---- fixture ----------------------------------------------------------------------------

  private static final ExpectedVersion NO_STREAM = ExpectedVersion.NO_STREAM;

  private static Prepared.Stream stream(String streamId, ExpectedVersion expected) {
    StreamAppend append = new StreamAppend(streamId, "Thing", expected, List.of("event"));
    return new Prepared.Stream(
        append, List.of(new EventSerializer.Serialized("ThingHappened", 1, "{\"n\":1}")));
  }

  private static Prepared.Command command(String commandId, Prepared.Stream... streams) {
    List<StreamAppend> appends = new ArrayList<>();
    for (Prepared.Stream stream : streams) {
      appends.add(stream.append());
    }
    CommandMetadata metadata =
        new CommandMetadata(commandId, "corr-" + commandId, "cause-" + commandId, "sam", null);
    return new Prepared.Command(new CommandAppend(metadata, appends, "ok"), Arrays.asList(streams));
  }

  private static Prepared.Batch batch(Prepared.Command... commands) {
    return new Prepared.Batch(Arrays.asList(commands), List.of());
  }

  private static Prepared.Batch batch(List<AppendKeys.NewKey> keys, Prepared.Command command) {
    return new Prepared.Batch(List.of(command), keys);
  }

  private static AppendKeys.NewKey key(String subjectId, String keyId) {
    return new AppendKeys.NewKey(subjectId, keyId, "wrapped-" + subjectId, AT);
  }
}
