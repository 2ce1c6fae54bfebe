package org.seatledger.eventlog.api;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The events of one command, with its metadata and the outcome to remember under its id.
 *
 * @param newSubjects data subjects the command brings into being: ids derived from the command's
 *     own id, so nobody can have stored a data key for them unless this very command was carried
 *     out before. The append looks up no key for them and makes a new one; should one be stored
 *     after all, the append's guards (a repeat of the command, a key stored meanwhile) still refuse
 *     it.
 */
public record CommandAppend(
    CommandMetadata metadata, List<StreamAppend> appends, String outcome, Set<String> newSubjects) {
  public CommandAppend {
    Objects.requireNonNull(metadata, "metadata");
    appends = List.copyOf(appends);
    if (appends.isEmpty()) {
      throw new IllegalArgumentException("an append names at least one stream");
    }
    newSubjects = Set.copyOf(newSubjects);
  }

  /** A command that brings no new data subject into being. */
  public CommandAppend(CommandMetadata metadata, List<StreamAppend> appends, String outcome) {
    this(metadata, appends, outcome, Set.of());
  }
}
