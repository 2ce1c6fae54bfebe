package org.seatledger.eventlog.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A row of {@code snapshots}: the state of a stream at a version, in one schema version. Read and
 * written only through EclipseLink ({@link Snapshots}).
 */
@Entity
@Table(name = "snapshots")
@IdClass(StoredSnapshot.Key.class)
public class StoredSnapshot {

  /** Composite key: stream and version. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    String streamId;
    long streamVersion;

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && streamVersion == key.streamVersion
          && Objects.equals(streamId, key.streamId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(streamId, streamVersion);
    }
  }

  @Id
  @Column(name = "stream_id")
  String streamId;

  @Id
  @Column(name = "stream_version")
  long streamVersion;

  @Column(name = "snapshot_version", nullable = false)
  int snapshotVersion;

  @Lob
  @Column(name = "state", nullable = false)
  String state;

  @Column(name = "taken_at", nullable = false)
  long takenAtMicros;
}
