package org.seatledger.booking.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.seatledger.booking.api.PersonalDataErased;
import org.seatledger.booking.api.PersonalDataErasure;
import org.seatledger.booking.eventstore.CommandMetadata;
import org.seatledger.booking.eventstore.EventStore;
import org.seatledger.booking.eventstore.ExpectedVersion;
import org.seatledger.booking.eventstore.StoredDataKeys;
import org.seatledger.booking.eventstore.StreamAppend;

/**
 * Crypto-shredding: the events stay exactly as stored (the hash chain still verifies), but the key
 * that opens the person's data is gone.
 */
@ApplicationScoped
public class SubjectErasure implements PersonalDataErasure {

  private static final Logger LOG = Logger.getLogger(SubjectErasure.class.getName());

  @Inject StoredDataKeys keys;
  @Inject EventStore store;

  @Override
  public boolean erase(String subjectId, String principal) {
    keys.requireMatchingKey(); // the erasure's event is written only by a server that may write
    boolean erased = keys.erase(subjectId);
    if (erased) {
      String commandId = "erase-" + subjectId;
      store.append(
          new CommandMetadata(commandId, commandId, commandId, principal, "personal data erasure"),
          List.of(
              new StreamAppend(
                  "subject-" + subjectId,
                  "DataSubject",
                  ExpectedVersion.ANY,
                  List.of(new PersonalDataErased(subjectId)))),
          null);
      LOG.info(() -> "Erased the personal data of subject " + subjectId);
    }
    return erased;
  }
}
