package org.seatledger.eventlog.store;

import java.util.List;
import org.seatledger.eventlog.api.CommandAppend;
import org.seatledger.eventlog.api.StreamAppend;

/** Appends whose events are already serialised and encrypted: what is left is the locked part. */
public final class Prepared {
  private Prepared() {}

  /** One stream's events of a command, as stored. */
  public record Stream(StreamAppend append, List<EventSerializer.Serialized> events) {}

  /** One command's appends. */
  public record Command(CommandAppend append, List<Stream> streams) {}

  /** One caller's commands, and the data keys they need stored: written together or not at all. */
  public record Batch(List<Command> commands, List<AppendKeys.NewKey> newKeys) {}
}
