package org.seatledger.booking.eventstore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code subject_keys} table. */
@ApplicationScoped
public class SubjectKeyRows {

  @PersistenceContext(unitName = "booking")
  EntityManager em;

  @Transactional
  public Optional<String> wrappedKey(String subjectId) {
    return Optional.ofNullable(em.find(SubjectKey.class, subjectId)).map(row -> row.wrappedKey);
  }

  /** Wrapped keys of those of {@code subjectIds} that have one, in one query. */
  @Transactional
  public Map<String, String> wrappedKeys(Collection<String> subjectIds) {
    Map<String, String> keys = new HashMap<>();
    em.createQuery("SELECT k FROM SubjectKey k WHERE k.subjectId IN :ids", SubjectKey.class)
        .setParameter("ids", subjectIds)
        .getResultList()
        .forEach(row -> keys.put(row.subjectId, row.wrappedKey));
    return keys;
  }

  /**
   * Stores a new key in a transaction of its own, committed before the events that use it: a key
   * without events is harmless, events without their key would be unreadable.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void insert(String subjectId, String wrappedKey, long createdAtMicros) {
    SubjectKey row = new SubjectKey();
    row.subjectId = subjectId;
    row.wrappedKey = wrappedKey;
    row.createdAtMicros = createdAtMicros;
    em.persist(row);
    em.flush();
  }

  @Transactional
  public boolean delete(String subjectId) {
    return em.createQuery("DELETE FROM SubjectKey k WHERE k.subjectId = :id")
            .setParameter("id", subjectId)
            .executeUpdate()
        > 0;
  }
}
