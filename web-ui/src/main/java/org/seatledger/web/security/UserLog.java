package org.seatledger.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.seatledger.eventlog.api.CommandMetadata;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.eventlog.api.StreamAppend;

/**
 * Appends a {@link UserEvent} to the log inside the caller's transaction: the change to the users
 * table and its event commit together or not at all. The table stays the source of truth for
 * signing in (read on every request, by primary key); the event is its record for the audit trail.
 * Making the event the record and the table its projection would put a projection's lag between
 * "disable" and "refused", which the promise "their next request is refused" cannot afford.
 */
@ApplicationScoped
class UserLog {

  @Inject EventStore store;

  @Transactional(Transactional.TxType.MANDATORY)
  void record(String by, UserEvent event) {
    String id = UUID.randomUUID().toString();
    store.append(
        new CommandMetadata(id, id, id, by, null),
        List.of(
            new StreamAppend(
                UserEvent.streamOf(event.username()),
                UserEvent.STREAM_TYPE,
                ExpectedVersion.ANY,
                List.of(event))),
        "{}");
  }
}
