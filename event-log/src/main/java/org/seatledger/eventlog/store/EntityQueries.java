package org.seatledger.eventlog.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lookups of the event log's tables through EclipseLink (JPQL on the entities): earlier
 * commands, stream heads, streams that exist, subjects that have a data key. Command rows are read
 * with EclipseLink's {@code eclipselink.read-only} hint (not registered in the persistence context:
 * nothing of them is compared or written at commit); the other lookups select columns, not
 * entities. Ids go {@value #IDS_PER_QUERY} to a query, well under every database's parameter limit.
 */
final class EntityQueries {
  private EntityQueries() {}

  static final int IDS_PER_QUERY = 500;

  /** The {@code processed_commands} rows of those of {@code commandIds} carried out before. */
  static Map<String, ProcessedCommand> processed(EntityManager em, Collection<String> commandIds) {
    Map<String, ProcessedCommand> found = new HashMap<>();
    for (List<String> ids : chunks(commandIds)) {
      readOnly(
              em.createQuery(
                  "SELECT p FROM ProcessedCommand p WHERE p.commandId IN :ids",
                  ProcessedCommand.class))
          .setParameter("ids", ids)
          .getResultList()
          .forEach(row -> found.put(row.commandId, row));
    }
    return found;
  }

  /**
   * The head (newest version, its hash, the stream's type) of each of {@code streams} that exists.
   * One query: each stream's newest version is a correlated {@code MAX}, which the database answers
   * from the unique index on (stream, version) with one index dive per stream, however long the
   * stream.
   */
  static Map<String, Head> heads(EntityManager em, Collection<String> streams) {
    Map<String, Head> heads = new HashMap<>();
    for (List<String> ids : chunks(streams)) {
      em.createQuery(
              "SELECT e.streamId, e.streamVersion, e.hash, e.streamType FROM StoredEvent e"
                  + " WHERE e.streamId IN :ids AND e.streamVersion ="
                  + " (SELECT MAX(x.streamVersion) FROM StoredEvent x WHERE x.streamId = e.streamId)",
              Object[].class)
          .setParameter("ids", ids)
          .getResultList()
          .forEach(
              row ->
                  heads.put(
                      (String) row[0],
                      new Head(((Number) row[1]).longValue(), (String) row[2], (String) row[3])));
    }
    return heads;
  }

  /** Those of {@code streams} that have a first event. */
  static Set<String> existing(EntityManager em, Collection<String> streams) {
    Set<String> found = new HashSet<>();
    for (List<String> ids : chunks(streams)) {
      found.addAll(
          em.createQuery(
                  "SELECT e.streamId FROM StoredEvent e"
                      + " WHERE e.streamVersion = 1 AND e.streamId IN :ids",
                  String.class)
              .setParameter("ids", ids)
              .getResultList());
    }
    return found;
  }

  /** Those of {@code subjects} that have a row in {@code subject_keys}. */
  static Set<String> keysTaken(EntityManager em, Collection<String> subjects) {
    Set<String> found = new HashSet<>();
    for (List<String> ids : chunks(subjects)) {
      found.addAll(
          em.createQuery(
                  "SELECT k.subjectId FROM SubjectKey k WHERE k.subjectId IN :ids", String.class)
              .setParameter("ids", ids)
              .getResultList());
    }
    return found;
  }

  private static <T> TypedQuery<T> readOnly(TypedQuery<T> query) {
    return query.setHint("eclipselink.read-only", "true");
  }

  private static List<List<String>> chunks(Collection<String> values) {
    List<String> all = new ArrayList<>(new LinkedHashSet<>(values));
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
      chunks.add(all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY)));
    }
    return chunks;
  }
}
