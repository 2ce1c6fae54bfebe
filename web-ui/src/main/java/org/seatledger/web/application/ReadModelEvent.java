package org.seatledger.web.application;

import java.util.Objects;
import org.seatledger.eventlog.api.EventType;

/**
 * What an admin did to a read model, recorded in the log on the stream {@code read-model-<name>}
 * (who and when are the event's own metadata), so the audit trail covers operations as it covers
 * access control. Recorded once the operation took effect; one that was refused records nothing.
 */
public sealed interface ReadModelEvent {

  /** The read model (projection) the event is about. */
  String readModel();

  /** The stream every event of one read model goes to. */
  static String streamOf(String readModel) {
    return "read-model-" + readModel;
  }

  /** The stream type of read-model streams. */
  String STREAM_TYPE = "read-model";

  /** The read model was paused on every server. */
  @EventType(name = "ReadModelPaused")
  record ReadModelPaused(String readModel) implements ReadModelEvent {
    public ReadModelPaused {
      Objects.requireNonNull(readModel, "readModel");
    }
  }

  /** A paused read model was resumed; it catches up from its checkpoint. */
  @EventType(name = "ReadModelResumed")
  record ReadModelResumed(String readModel) implements ReadModelEvent {
    public ReadModelResumed {
      Objects.requireNonNull(readModel, "readModel");
    }
  }

  /** A read model stopped at an event was told to try that event again. */
  @EventType(name = "ReadModelRetried")
  record ReadModelRetried(String readModel, Long stoppedAt) implements ReadModelEvent {
    public ReadModelRetried {
      Objects.requireNonNull(readModel, "readModel");
    }
  }

  /**
   * A rebuild started: the log up to {@code head} (its head then) is replayed into fresh rows,
   * which replace the live ones when caught up.
   */
  @EventType(name = "ReadModelRebuildStarted")
  record ReadModelRebuildStarted(String readModel, long head) implements ReadModelEvent {
    public ReadModelRebuildStarted {
      Objects.requireNonNull(readModel, "readModel");
    }
  }
}
