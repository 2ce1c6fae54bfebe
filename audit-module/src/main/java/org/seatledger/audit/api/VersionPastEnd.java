package org.seatledger.audit.api;

/**
 * A point asked for by version lies beyond the stream's newest version: there is no such state
 * (yet), and showing the newest one instead would make a cited link say something it does not.
 */
public final class VersionPastEnd extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long version;
  private final long streamVersion;

  public VersionPastEnd(String streamId, long version, long streamVersion) {
    super(
        "Stream "
            + streamId
            + " has no version "
            + version
            + ": it ends at version "
            + streamVersion
            + ".",
        null,
        false,
        false);
    this.version = version;
    this.streamVersion = streamVersion;
  }

  /** The version asked for. */
  public long version() {
    return version;
  }

  /** The stream's newest version. */
  public long streamVersion() {
    return streamVersion;
  }
}
