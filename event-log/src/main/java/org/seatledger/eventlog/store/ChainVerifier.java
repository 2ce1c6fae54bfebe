package org.seatledger.eventlog.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.seatledger.eventlog.api.VerificationReport;

/**
 * Walks the hash chain of one stream, or of the whole log, and reports the first place where the
 * stored data no longer matches: a changed field, an event missing, moved or deleted, events
 * deleted at the end of the log. Reads a page of rows at a time: a stream's with plain JDBC ({@link
 * EventRows}), the whole log's and the sequence row through the {@code eventlog} persistence unit,
 * cleared after every page.
 *
 * <p>No transaction spans the walk: on a log of millions of events it outlasts any transaction
 * timeout (Liberty's is 120 s), and a read view held that long keeps the database from purging old
 * row versions. None is needed: positions are given out and committed in order under the sequence
 * row's lock, so every position below the sequence's value read first has committed, and the walk
 * of the whole log checks exactly those — events appended while it runs are left for the next one.
 */
@ApplicationScoped
public class ChainVerifier {

  private static final int PAGE = 1000;

  @PersistenceContext(unitName = "eventlog")
  EntityManager em;

  @Inject EventRows rows;

  /**
   * The report on one stream, or on the whole log when {@code streamId} is empty; {@code progress}
   * hears the number of events checked after each page.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public VerificationReport verify(Optional<String> streamId, LongConsumer progress) {
    return streamId.map(id -> verifyStream(id, progress)).orElseGet(() -> verifyAll(progress));
  }

  private VerificationReport verifyStream(String streamId, LongConsumer progress) {
    ChainWalk walk = new ChainWalk();
    long from = 1;
    List<StoredEvent> page;
    do {
      page = rows.ofStream(streamId, from, PAGE);
      em.clear();
      for (StoredEvent row : page) {
        Optional<String> broken = walk.check(row);
        if (broken.isPresent()) {
          return new VerificationReport(
              false, walk.checked, row.globalPosition, streamId, broken.get());
        }
        from = row.streamVersion + 1;
      }
      progress.accept(walk.checked);
    } while (page.size() == PAGE);
    String detail =
        walk.checked == 0
            ? "stream " + streamId + " has no events"
            : "all " + walk.checked + " events of stream " + streamId + " match their hashes";
    return new VerificationReport(true, walk.checked, null, streamId, detail);
  }

  private VerificationReport verifyAll(LongConsumer progress) {
    long end = em.find(EventSequence.class, EventSequence.ID).nextPosition();
    ChainWalk walk = new ChainWalk();
    long expectedPosition = 1;
    List<StoredEvent> page;
    do {
      page =
          em.createQuery(
                  "SELECT e FROM StoredEvent e WHERE e.globalPosition >= :from"
                      + " AND e.globalPosition < :end ORDER BY e.globalPosition",
                  StoredEvent.class)
              .setParameter("from", expectedPosition)
              .setParameter("end", end)
              .setMaxResults(PAGE)
              .getResultList();
      em.clear();
      for (StoredEvent row : page) {
        if (row.globalPosition != expectedPosition) {
          return new VerificationReport(
              false,
              walk.checked,
              expectedPosition,
              null,
              "position " + expectedPosition + " is missing: an event was deleted");
        }
        Optional<String> broken = walk.check(row);
        if (broken.isPresent()) {
          return new VerificationReport(
              false, walk.checked, row.globalPosition, null, broken.get());
        }
        expectedPosition++;
      }
      progress.accept(walk.checked);
    } while (page.size() == PAGE);
    if (expectedPosition != end) {
      return new VerificationReport(
          false,
          walk.checked,
          expectedPosition,
          null,
          "the log ends at position "
              + (expectedPosition - 1)
              + " but was written up to "
              + (end - 1)
              + ": events at the end were deleted");
    }
    return new VerificationReport(
        true, walk.checked, null, null, "all " + walk.checked + " events match their hashes");
  }

  /** Follows each stream's chain: versions 1..n, each linked to the previous hash, each intact. */
  private static final class ChainWalk {
    private final Map<String, Head> heads = new HashMap<>();
    long checked;

    Optional<String> check(StoredEvent row) {
      Head head = heads.getOrDefault(row.streamId, Head.NONE);
      String where = "event at position " + row.globalPosition + " (stream " + row.streamId + ")";
      if (row.streamVersion != head.version() + 1) {
        return Optional.of(
            where
                + " has version "
                + row.streamVersion
                + " where "
                + (head.version() + 1)
                + " was expected: an event is missing or was moved");
      }
      if (!row.previousHash.equals(head.hash())) {
        return Optional.of(where + " does not follow the hash of the event before it");
      }
      if (!HashChain.hash(row.previousHash, row.link()).equals(row.hash)) {
        return Optional.of(where + " no longer matches its hash: its stored data was changed");
      }
      heads.put(row.streamId, new Head(row.streamVersion, row.hash, row.streamType));
      checked++;
      return Optional.empty();
    }
  }
}
