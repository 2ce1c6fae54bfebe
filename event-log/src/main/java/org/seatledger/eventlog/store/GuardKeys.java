package org.seatledger.eventlog.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.eventlog.api.StreamAppend;

/**
 * What the append guards must look up for a group of batches, whichever path reads it ({@link
 * GuardLookup} with JDBC, {@link JpaLogWriter} with EclipseLink): the command ids (done before?),
 * the streams that may exist (their heads), the streams that must be new (do they exist after all?)
 * and the subjects that need a data key (has one been stored by now?). A stream appended to both as
 * new and at a version counts as one that may exist.
 */
record GuardKeys(
    List<String> commandIds, Set<String> existing, Set<String> fresh, List<String> subjects) {

  static GuardKeys of(List<Prepared.Batch> batches) {
    List<String> commandIds = new ArrayList<>();
    Set<String> existing = new LinkedHashSet<>();
    Set<String> fresh = new LinkedHashSet<>();
    List<String> subjects = new ArrayList<>();
    for (Prepared.Batch batch : batches) {
      for (Prepared.Command command : batch.commands()) {
        commandIds.add(command.append().metadata().commandId());
        for (StreamAppend append : command.append().appends()) {
          (ExpectedVersion.NO_STREAM.equals(append.expected()) ? fresh : existing)
              .add(append.streamId());
        }
      }
      batch.newKeys().forEach(key -> subjects.add(key.subjectId()));
    }
    fresh.removeAll(existing);
    return new GuardKeys(commandIds, existing, fresh, subjects);
  }
}
