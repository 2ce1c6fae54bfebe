package org.seatledger.booking.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.seatledger.booking.api.PersonalDataErasure;
import org.seatledger.booking.eventstore.StoredDataKeys;

/**
 * Crypto-shredding: the events stay exactly as stored (the hash chain still verifies), but the key
 * that opens the person's data is gone.
 */
@ApplicationScoped
public class SubjectErasure implements PersonalDataErasure {

  private static final Logger LOG = Logger.getLogger(SubjectErasure.class.getName());

  @Inject StoredDataKeys keys;

  @Override
  public boolean erase(String subjectId) {
    boolean erased = keys.erase(subjectId);
    if (erased) {
      LOG.info(() -> "Erased the personal data of subject " + subjectId);
    }
    return erased;
  }
}
