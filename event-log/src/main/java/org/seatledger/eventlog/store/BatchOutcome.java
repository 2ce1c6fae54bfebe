package org.seatledger.eventlog.store;

import java.util.List;
import org.seatledger.eventlog.api.AppendResult;
import org.seatledger.eventlog.api.ConcurrencyConflict;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.eventlog.api.MasterKeyMismatch;

/** What became of one caller's batch in a commit: appended, answered as a repeat, or refused. */
public sealed interface BatchOutcome {

  /** The results the caller gets, or the refusal thrown. */
  List<AppendResult> resultsOrThrow();

  /** The batch's events were written; one result per command, in order. */
  record Appended(List<AppendResult> results) implements BatchOutcome {
    public Appended {
      results = List.copyOf(results);
    }

    @Override
    public List<AppendResult> resultsOrThrow() {
      return results;
    }
  }

  /**
   * The batch's single command was carried out before (or earlier in the same commit): nothing was
   * written, and the caller gets the first outcome, marked as a repeat.
   */
  record Repeated(AppendResult first) implements BatchOutcome {
    @Override
    public List<AppendResult> resultsOrThrow() {
      return List.of(first);
    }
  }

  /** Nothing of the batch was written, for the reason given. */
  record Refused(Refusal refusal) implements BatchOutcome {
    @Override
    public List<AppendResult> resultsOrThrow() {
      throw refusal.exception();
    }
  }

  /** Why a batch was refused; each reason maps to the exception its caller gets. */
  sealed interface Refusal {

    /** The exception thrown to the caller. */
    RuntimeException exception();

    /** A stream is not at the version the writer expected: decide again on the stream as it is. */
    record VersionMismatch(String streamId, long actual, ExpectedVersion expected)
        implements Refusal {
      @Override
      public RuntimeException exception() {
        return new ConcurrencyConflict(
            streamId,
            "stream "
                + streamId
                + " is at version "
                + actual
                + ", the writer expected "
                + expected);
      }
    }

    /** The stream exists with another type: a programming error, not a race. */
    record OtherStreamType(String streamId, String actual, String appended) implements Refusal {
      @Override
      public RuntimeException exception() {
        return new IllegalArgumentException(
            "stream " + streamId + " is a " + actual + ", not a " + appended);
      }
    }

    /**
     * A batch of several commands holds some carried out meanwhile: the commands after them were
     * decided on state that included them, so the writer decides again.
     */
    record CarriedOutMeanwhile(List<String> commandIds) implements Refusal {
      public CarriedOutMeanwhile {
        commandIds = List.copyOf(commandIds);
      }

      @Override
      public RuntimeException exception() {
        return new ConcurrencyConflict(
            null, "commands " + commandIds + " of this batch were carried out meanwhile");
      }
    }

    /**
     * Another append stored a data key for one of the batch's new subjects first: the batch's
     * personal data was encrypted with a key that cannot be stored now, so it is prepared again.
     */
    record KeyStoredMeanwhile(String subjectId) implements Refusal {
      @Override
      public RuntimeException exception() {
        return new ConcurrencyConflict(
            null, "a data key for subject " + subjectId + " was stored meanwhile");
      }
    }

    /**
     * The batch's new data keys were wrapped by a master key the database no longer names (or names
     * none): storing them would write what other servers cannot read.
     */
    record WrappedByAnotherKey(String keyId, String activeKeyId) implements Refusal {
      @Override
      public RuntimeException exception() {
        return MasterKeyMismatch.onWrite();
      }
    }
  }
}
