package org.seatledger.booking.eventstore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What an admin may tune about loading aggregates. */
@ApplicationScoped
public class StoreSettings {

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

  /** A repository for one kind of aggregate with these settings. */
  public <S> AggregateRepository<S> repository(
      EventSourced<S> kind, EventStore store, Snapshots snapshots) {
    return new AggregateRepository<>(
        kind,
        store,
        snapshots,
        snapshotEvery,
        Duration.ofMillis(snapshotSpacingMillis),
        aggregateCacheSize);
  }
}
