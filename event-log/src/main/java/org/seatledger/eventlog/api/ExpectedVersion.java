package org.seatledger.eventlog.api;

/** What a writer believes the stream's current version to be. */
public sealed interface ExpectedVersion {

  /** Append whatever the stream's version is. */
  ExpectedVersion ANY = new Any();

  /** The stream must not exist yet. */
  ExpectedVersion NO_STREAM = new Exactly(0);

  static ExpectedVersion exactly(long version) {
    return new Exactly(version);
  }

  /** True when a stream at {@code actual} (0 for none) is what the writer expects. */
  boolean matches(long actual);

  /** Any version. */
  record Any() implements ExpectedVersion {
    @Override
    public boolean matches(long actual) {
      return true;
    }

    @Override
    public String toString() {
      return "any version";
    }
  }

  /** Exactly this version; 0 means the stream does not exist. */
  record Exactly(long version) implements ExpectedVersion {
    public Exactly {
      if (version < 0) {
        throw new IllegalArgumentException("a version is never negative");
      }
    }

    @Override
    public boolean matches(long actual) {
      return actual == version;
    }

    @Override
    public String toString() {
      return version == 0 ? "no stream" : "version " + version;
    }
  }
}
