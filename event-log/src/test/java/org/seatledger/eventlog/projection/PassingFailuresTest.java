package org.seatledger.eventlog.projection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;

/** Which database failures a read model waits out, and which stop it at the event. */
class PassingFailuresTest {

  @Test
  void deadlocksLockWaitsTimeoutsAndLostConnectionsPass() {
    for (Exception failure :
        new Exception[] {
          new SQLException("Deadlock found when trying to get lock", "40001", 1213),
          new SQLException("Lock wait timeout exceeded", "HY000", 1205),
          new SQLTimeoutException("Timeout trying to lock table", "HYT00", 50200),
          new SQLException("Communications link failure", "08S01"),
          new SQLRecoverableException("connection closed"),
          new IllegalStateException(
              "the batch failed", new SQLException("Deadlock", "40001", 1213)),
        }) {
      assertTrue(PassingFailures.of(failure).isPresent(), failure.toString());
    }
  }

  @Test
  void whatAnEventCausesDoesNotPass() {
    for (Exception failure :
        new Exception[] {
          new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062),
          new SQLException("Data too long for column", "22001", 1406),
          new SQLException("constraint violated"),
          new IllegalStateException("cannot apply 1207 before the ones between"),
        }) {
      assertFalse(PassingFailures.of(failure).isPresent(), failure.toString());
    }
  }
}
