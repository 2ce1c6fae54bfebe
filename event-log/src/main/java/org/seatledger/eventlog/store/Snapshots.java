package org.seatledger.eventlog.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code snapshots} table through EclipseLink ({@link StoredSnapshot} entities, JPQL): newest
 * first, a few kept per stream and one per {@code seatledger.snapshot-keep-every} versions for
 * auditors' time travel ({@link SnapshotRetention}). Not on the append path: a snapshot is written
 * after an append committed, in its own transaction.
 */
@ApplicationScoped
public class Snapshots {

  private static final int KEPT_PER_STREAM = 2;

  @PersistenceContext(unitName = "eventlog")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "seatledger.snapshot-keep-every", defaultValue = "1000")
  long keepEvery;

  /** A stored snapshot. */
  public record Snapshot(String streamId, long streamVersion, int snapshotVersion, String state) {}

  /**
   * The newest snapshots of a stream, newest first. In a transaction (joining the caller's), so the
   * connection goes back to the pool at its end: a long-lived writer thread must not keep one.
   */
  @Transactional
  public List<Snapshot> newest(String streamId, int howMany) {
    return em
        .createQuery(
            "SELECT s FROM StoredSnapshot s WHERE s.streamId = :id ORDER BY s.streamVersion DESC",
            StoredSnapshot.class)
        .setParameter("id", streamId)
        .setMaxResults(howMany)
        .getResultList()
        .stream()
        .map(row -> new Snapshot(row.streamId, row.streamVersion, row.snapshotVersion, row.state))
        .toList();
  }

  /** The newest snapshot of a stream at or below {@code version}, if any. */
  @Transactional
  public Optional<Snapshot> atOrBelow(String streamId, long version) {
    return em
        .createQuery(
            "SELECT s FROM StoredSnapshot s WHERE s.streamId = :id AND s.streamVersion <= :version"
                + " ORDER BY s.streamVersion DESC",
            StoredSnapshot.class)
        .setParameter("id", streamId)
        .setParameter("version", version)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .map(row -> new Snapshot(row.streamId, row.streamVersion, row.snapshotVersion, row.state))
        .findFirst();
  }

  /** Streams per query of {@link #newest(Collection)}. */
  private static final int STREAMS_PER_QUERY = 500;

  /**
   * The newest snapshots of many streams (newest first for each; the few kept per stream), read
   * together. Streams without a snapshot are missing from the answer.
   */
  @Transactional
  public Map<String, List<Snapshot>> newest(Collection<String> streamIds) {
    Map<String, List<Snapshot>> found = new HashMap<>();
    List<String> ids = new ArrayList<>(streamIds);
    for (int from = 0; from < ids.size(); from += STREAMS_PER_QUERY) {
      em.createQuery(
              "SELECT s FROM StoredSnapshot s WHERE s.streamId IN :ids"
                  + " ORDER BY s.streamId, s.streamVersion DESC",
              StoredSnapshot.class)
          .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + STREAMS_PER_QUERY)))
          .getResultList()
          .forEach(
              row ->
                  found
                      .computeIfAbsent(row.streamId, id -> new ArrayList<>())
                      .add(
                          new Snapshot(
                              row.streamId, row.streamVersion, row.snapshotVersion, row.state)));
    }
    return found;
  }

  /**
   * Stores a snapshot in its own transaction and drops the stream's older ones but those {@link
   * SnapshotRetention} keeps.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void save(Snapshot snapshot) {
    if (em.find(StoredSnapshot.class, key(snapshot.streamId(), snapshot.streamVersion())) != null) {
      return;
    }
    StoredSnapshot row = new StoredSnapshot();
    row.streamId = snapshot.streamId();
    row.streamVersion = snapshot.streamVersion();
    row.snapshotVersion = snapshot.snapshotVersion();
    row.state = snapshot.state();
    row.takenAtMicros = Clock.micros();
    em.persist(row);
    List<Long> versions =
        em.createQuery(
                "SELECT s.streamVersion FROM StoredSnapshot s WHERE s.streamId = :id"
                    + " ORDER BY s.streamVersion DESC",
                Long.class)
            .setParameter("id", snapshot.streamId())
            .getResultList();
    List<Long> older = SnapshotRetention.toDelete(versions, KEPT_PER_STREAM, keepEvery);
    if (!older.isEmpty()) {
      em.createQuery(
              "DELETE FROM StoredSnapshot s WHERE s.streamId = :id AND s.streamVersion IN :versions")
          .setParameter("id", snapshot.streamId())
          .setParameter("versions", older)
          .executeUpdate();
    }
  }

  private static StoredSnapshot.Key key(String streamId, long version) {
    StoredSnapshot.Key key = new StoredSnapshot.Key();
    key.streamId = streamId;
    key.streamVersion = version;
    return key;
  }
}
