package org.seatledger.eventlog.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.seatledger.eventlog.api.SubjectKeys.KeyState;

/**
 * The {@code subject_keys} table through the {@code eventlog} persistence unit: reads, erasure and
 * the re-wrapping of a rotation. New keys are inserted by {@link LogWriter}, with the append that
 * needs them.
 */
@ApplicationScoped
public class SubjectKeyRows {

  /**
   * What an erased subject's row holds instead of a key. The row stays as a tombstone: the subject
   * never gets a key again (no later event can make their data readable), and erasing them again is
   * told apart from erasing someone who never had personal data.
   */
  static final String ERASED = "erased";

  /** A stored data key, wrapped by the master key {@code keyId} (null on rows older than ids). */
  public record Wrapped(String subjectId, String keyId, String wrappedKey) {
    /** The subject was erased: the row holds no key. */
    public boolean erased() {
      return ERASED.equals(wrappedKey);
    }
  }

  /** Subjects per query of {@link #wrappedKeys}: well under every database's parameter limit. */
  private static final int SUBJECTS_PER_READ = 1_000;

  @PersistenceContext(unitName = "eventlog")
  EntityManager em;

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  @Transactional
  public Optional<Wrapped> wrappedKey(String subjectId) {
    return Optional.ofNullable(em.find(SubjectKey.class, subjectId)).map(SubjectKeyRows::wrapped);
  }

  /**
   * Wrapped keys of those of {@code subjectIds} that have one, in one query per {@link
   * #SUBJECTS_PER_READ}. Plain JDBC on the transaction's connection: a rebuild asks this for the
   * new people of every page, and as a JPQL query each row became a managed entity in the
   * persistence context first (6 % of the bookings list's rebuild). Rows are only ever written by
   * statements sent at once or flushed before the transaction ends ({@link JpaLogWriter} flushes
   * and clears), so the query sees what the entity manager would have.
   */
  @Transactional
  public Map<String, Wrapped> wrappedKeys(Collection<String> subjectIds) {
    try (Connection c = dataSource.getConnection()) {
      return wrappedKeys(c, subjectIds);
    } catch (SQLException e) {
      throw new IllegalStateException("the data keys cannot be read: " + e.getMessage(), e);
    }
  }

  /** {@link #wrappedKeys(Collection)} on a given connection. */
  static Map<String, Wrapped> wrappedKeys(Connection c, Collection<String> subjectIds)
      throws SQLException {
    Map<String, Wrapped> keys = new HashMap<>();
    List<String> ids = new ArrayList<>(subjectIds);
    for (int from = 0; from < ids.size(); from += SUBJECTS_PER_READ) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + SUBJECTS_PER_READ));
      try (PreparedStatement query =
          c.prepareStatement(
              "SELECT subject_id, key_id, wrapped_key FROM subject_keys WHERE subject_id IN ("
                  + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                  + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          query.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            String keyId = rows.getString(2);
            String subject = rows.getString(1);
            keys.put(
                subject,
                new Wrapped(subject, keyId == null ? null : keyId.strip(), rows.getString(3)));
          }
        }
      }
    }
    return keys;
  }

  @Transactional
  public KeyState state(String subjectId) {
    return wrappedKey(subjectId)
        .map(row -> row.erased() ? KeyState.ERASED : KeyState.PRESENT)
        .orElse(KeyState.NONE);
  }

  /**
   * Replaces the subject's key by a tombstone, in one statement.
   *
   * @return the state before: PRESENT when the key was deleted now
   */
  @Transactional
  public KeyState erase(String subjectId) {
    int erased =
        em.createQuery(
                "UPDATE SubjectKey k SET k.wrappedKey = :erased, k.keyId = NULL"
                    + " WHERE k.subjectId = :id AND k.wrappedKey <> :erased")
            .setParameter("erased", ERASED)
            .setParameter("id", subjectId)
            .executeUpdate();
    return erased > 0 ? KeyState.PRESENT : state(subjectId);
  }

  /** How many data keys each master key wraps, by key id ("none" for rows older than key ids). */
  @Transactional
  public Map<String, Long> countByKeyId() {
    Map<String, Long> counts = new LinkedHashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT key_id, COUNT(*) FROM subject_keys WHERE wrapped_key <> ?"
                    + " GROUP BY key_id ORDER BY key_id")
            .setParameter(1, ERASED)
            .getResultList();
    for (Object[] row : rows) {
      counts.put(
          row[0] == null ? "none" : row[0].toString().strip(), ((Number) row[1]).longValue());
    }
    return counts;
  }

  /** Up to {@code limit} keys wrapped by master key {@code keyId}. */
  @Transactional
  public List<Wrapped> wrappedBy(String keyId, int limit) {
    return em
        .createQuery(
            "SELECT k FROM SubjectKey k WHERE k.keyId = :keyId ORDER BY k.subjectId",
            SubjectKey.class)
        .setParameter("keyId", keyId)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(SubjectKeyRows::wrapped)
        .toList();
  }

  /**
   * Replaces re-wrapped keys, in one transaction, each only if still wrapped by {@code fromKeyId}
   * (a key erased meanwhile stays erased).
   *
   * @return how many rows were replaced
   */
  @Transactional(TxType.REQUIRES_NEW)
  public int replace(String fromKeyId, List<Wrapped> rewrapped) {
    int replaced = 0;
    for (Wrapped key : rewrapped) {
      replaced +=
          em.createNativeQuery(
                  "UPDATE subject_keys SET key_id = ?, wrapped_key = ?"
                      + " WHERE subject_id = ? AND key_id = ?")
              .setParameter(1, key.keyId())
              .setParameter(2, key.wrappedKey())
              .setParameter(3, key.subjectId())
              .setParameter(4, fromKeyId)
              .executeUpdate();
    }
    return replaced;
  }

  private static Wrapped wrapped(SubjectKey row) {
    return new Wrapped(row.subjectId, row.keyId == null ? null : row.keyId.strip(), row.wrappedKey);
  }
}
