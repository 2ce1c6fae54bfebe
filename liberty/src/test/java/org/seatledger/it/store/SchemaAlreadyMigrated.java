package org.seatledger.it.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.seatledger.eventlog.api.SchemaReady;

/**
 * A test deployment is a second "server" without the web module, which fires {@link SchemaReady}
 * after migrating. The EAR beside it has migrated the schema before any test deploys, so this one
 * fires the event at its start, as a server whose migrations found nothing to do would: its
 * projectors and expiry timer then run as a real second server's do.
 */
@ApplicationScoped
public class SchemaAlreadyMigrated {

  @Inject Event<SchemaReady> ready;

  void onStart(@Observes Startup startup) {
    ready.fire(new SchemaReady());
  }
}
