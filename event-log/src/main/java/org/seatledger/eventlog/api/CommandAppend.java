package org.seatledger.eventlog.api;

import java.util.List;
import java.util.Objects;

/** The events of one command, with its metadata and the outcome to remember under its id. */
public record CommandAppend(CommandMetadata metadata, List<StreamAppend> appends, String outcome) {
  public CommandAppend {
    Objects.requireNonNull(metadata, "metadata");
    appends = List.copyOf(appends);
    if (appends.isEmpty()) {
      throw new IllegalArgumentException("an append names at least one stream");
    }
  }
}
