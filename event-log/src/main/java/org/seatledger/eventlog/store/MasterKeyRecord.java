package org.seatledger.eventlog.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.Optional;

/**
 * The {@code master_key} table: the one row naming the master key that wraps new data keys.
 *
 * <p>Appends that store new data keys read the row with a lock ({@link LogWriter}) in their own
 * transaction, and a rotation changes it with an update: an append either commits before the change
 * (and the rotation's re-wrap, which starts after it, finds its keys) or sees the new key and is
 * refused. So no data key wrapped by the old key is left behind a rotation.
 */
@ApplicationScoped
public class MasterKeyRecord {

  /** The recorded key's id and fingerprint. */
  public record Active(String keyId, String fingerprint) {}

  @PersistenceContext(unitName = "eventlog")
  EntityManager em;

  @Transactional(TxType.REQUIRES_NEW)
  public Optional<Active> read() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery("SELECT key_id, fingerprint FROM master_key WHERE id = 1")
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(row -> new Active(row[0].toString().strip(), row[1].toString().strip()));
  }

  /**
   * Records {@code key} as the database's master key, and tags the data keys stored before key ids
   * existed as wrapped by it. Fails on a duplicate key when another server recorded one first: read
   * that one then.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void recordFirst(MasterKey key) {
    em.createNativeQuery(
            "INSERT INTO master_key (id, key_id, fingerprint, recorded_at) VALUES (1, ?, ?, ?)")
        .setParameter(1, key.keyId())
        .setParameter(2, key.fingerprint())
        .setParameter(3, Clock.micros())
        .executeUpdate();
    em.createNativeQuery(
            "UPDATE subject_keys SET key_id = ? WHERE key_id IS NULL AND wrapped_key <> '"
                + SubjectKeyRows.ERASED
                + "'")
        .setParameter(1, key.keyId())
        .executeUpdate();
  }

  /**
   * Makes {@code to} the active key if {@code from} still is.
   *
   * @return false when the row names another key by now
   */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean activate(MasterKey from, MasterKey to) {
    return em.createNativeQuery(
                "UPDATE master_key SET key_id = ?, fingerprint = ?, recorded_at = ?"
                    + " WHERE id = 1 AND fingerprint = ?")
            .setParameter(1, to.keyId())
            .setParameter(2, to.fingerprint())
            .setParameter(3, Clock.micros())
            .setParameter(4, from.fingerprint())
            .executeUpdate()
        == 1;
  }
}
