package org.seatledger.web.pages.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.RecordedEvent;

/**
 * Runs the contiguity check over the whole log, page by page through the log's own reads, and keeps
 * the last result (per server, in memory) for the log page.
 */
@ApplicationScoped
public class LogMonitor {

  static final int PAGE = 1000;

  /** A kept check: what it found, when, and who asked. */
  public record Check(Contiguity.Result result, Instant finishedAt, String requestedBy) {}

  @Inject EventLog log;

  private volatile Check last;

  public Check check(String requestedBy) {
    Contiguity contiguity = new Contiguity();
    long after = 0;
    boolean going = true;
    while (going) {
      List<RecordedEvent> page = log.readAll(after, PAGE);
      for (RecordedEvent event : page) {
        going = contiguity.next(event.globalPosition());
        if (!going) {
          break;
        }
        after = event.globalPosition();
      }
      going = going && page.size() == PAGE;
    }
    Check check = new Check(contiguity.result(), Instant.now(), requestedBy);
    last = check;
    return check;
  }

  /** The last check on this server, or null. */
  public Check last() {
    return last;
  }

  public long head() {
    return log.headPosition();
  }
}
