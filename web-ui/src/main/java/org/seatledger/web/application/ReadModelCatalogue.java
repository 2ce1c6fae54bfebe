package org.seatledger.web.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.seatledger.eventlog.api.EventCatalogue;

/** The event types of read-model operations ({@link ReadModelEvent}), registered with the log. */
@ApplicationScoped
public class ReadModelCatalogue implements EventCatalogue {

  @Override
  public void register(Registrar registrar) {
    registrar
        .event(ReadModelEvent.ReadModelPaused.class)
        .event(ReadModelEvent.ReadModelResumed.class)
        .event(ReadModelEvent.ReadModelRetried.class)
        .event(ReadModelEvent.ReadModelRebuildStarted.class);
  }
}
