package org.seatledger.booking.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.seatledger.booking.api.PersonalDataErased;
import org.seatledger.booking.api.PersonalDataErasure;
import org.seatledger.eventlog.api.AppendResult;
import org.seatledger.eventlog.api.CommandMetadata;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.eventlog.api.StreamAppend;
import org.seatledger.eventlog.api.SubjectKeys;
import org.seatledger.eventlog.api.SubjectKeys.KeyState;

/**
 * Crypto-shredding: the events stay exactly as stored (the hash chain still verifies), but the key
 * that opens the person's data is gone.
 *
 * <p>Two steps in a fixed order, each idempotent, so a repeat or a retry after a crash between them
 * ends in the same state: first {@link PersonalDataErased} is appended under the command id {@code
 * erase-<id>} (a repeat appends nothing and returns the first outcome), then the key is replaced by
 * a tombstone (nothing to do when it is one already). The event comes first because it is what the
 * read models clean themselves on; a key left behind by a crash is deleted by the retry, and until
 * then nobody has been told the erasure is done. The tombstone tells "erased before" (200, the same
 * answer) from "never had personal data" (empty: 404).
 */
@ApplicationScoped
public class SubjectErasure implements PersonalDataErasure {
  private static final Logger LOG = Logger.getLogger(SubjectErasure.class.getName());

  @Inject SubjectKeys keys;
  @Inject EventStore store;

  @Override
  public Optional<Erasure> erase(String subjectId, String principal) {
    keys.requireMatchingKey(); // erasures are written only by a server that may write
    String commandId = "erase-" + subjectId;
    KeyState state = keys.state(subjectId);
    AppendResult earlier = store.processed(List.of(commandId)).get(commandId);
    if (state == KeyState.NONE) {
      // never had a key, or erased before keys left tombstones (the event tells)
      return Optional.ofNullable(earlier).map(first -> erasure(subjectId, first));
    }
    AppendResult recorded = earlier;
    if (recorded == null) {
      String outcome = OutcomeCodec.encodeErasure(subjectId, store.countNaming(subjectId));
      recorded =
          store.append(
              new CommandMetadata(
                  commandId, commandId, commandId, principal, "personal data erasure"),
              List.of(
                  new StreamAppend(
                      "subject-" + subjectId,
                      "DataSubject",
                      ExpectedVersion.ANY,
                      List.of(new PersonalDataErased(subjectId)))),
              outcome);
    }
    if (keys.erase(subjectId)) {
      LOG.info(() -> "Erased the personal data of subject " + subjectId);
    }
    return Optional.of(erasure(subjectId, recorded));
  }

  private Erasure erasure(String subjectId, AppendResult recorded) {
    long events;
    if (recorded.outcome() == null) {
      events = store.countNaming(subjectId); // erased before outcomes were recorded
    } else {
      events = OutcomeCodec.erasedEvents(recorded.outcome());
    }
    return new Erasure(subjectId, recorded.lastPosition(), events);
  }
}
