package org.seatledger.eventlog.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.seatledger.eventlog.api.AggregateRepository;
import org.seatledger.eventlog.api.Aggregates;
import org.seatledger.eventlog.api.EventSourced;
import org.seatledger.eventlog.api.EventStore;

/** What an admin may tune about loading aggregates, and the repositories built with it. */
@ApplicationScoped
public class StoreSettings implements Aggregates {

  @Inject EventStore store;
  @Inject Snapshots snapshots;

  @Inject
  @ConfigProperty(name = "seatledger.snapshot-every", defaultValue = "100")
  int snapshotEvery;

  @Inject
  @ConfigProperty(name = "seatledger.aggregate-cache-size", defaultValue = "10000")
  int aggregateCacheSize;

  @Inject
  @ConfigProperty(name = "seatledger.snapshot-spacing-ms", defaultValue = "1000")
  long snapshotSpacingMillis;

  /** A snapshot is taken each time a stream grows past a multiple of this many events. */
  public int snapshotEvery() {
    return snapshotEvery;
  }

  /** How many recently used aggregates each repository keeps in memory. */
  public int aggregateCacheSize() {
    return aggregateCacheSize;
  }

  @Override
  public <S> AggregateRepository<S> repository(EventSourced<S> kind) {
    return new SnapshottingRepository<>(
        kind,
        store,
        snapshots,
        snapshotEvery,
        Duration.ofMillis(snapshotSpacingMillis),
        aggregateCacheSize);
  }
}
