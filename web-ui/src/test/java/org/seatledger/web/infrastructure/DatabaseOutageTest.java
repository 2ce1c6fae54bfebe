package org.seatledger.web.infrastructure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

  @Test
  void anSqlExceptionWrappedInAnIllegalStateIsTheDatabases() {
    assertTrue(
        DatabaseOutage.causedBy(
            new IllegalStateException(
                "could not list users", new SQLNonTransientConnectionException("refused"))));
    assertTrue(
        DatabaseOutage.causedBy(
            new PersistenceException(new SQLTransientConnectionException("pool timeout"))));
    assertTrue(DatabaseOutage.causedBy(new SQLException("Communications link failure", "08S01")));
  }

  @Test
  void aConstraintViolationOrAWrongStatementIsNotAnOutage() {
    assertFalse(
        DatabaseOutage.causedBy(
            new PersistenceException(
                new SQLIntegrityConstraintViolationException("duplicate", "23000"))));
    assertFalse(
        DatabaseOutage.causedBy(
            new IllegalStateException(new SQLSyntaxErrorException("no such column"))));
  }

  @Test
  void ourOwnBugsAreNotOutages() {
    assertFalse(DatabaseOutage.causedBy(new IllegalStateException("a bug")));
    assertFalse(DatabaseOutage.causedBy(new NullPointerException()));
  }

  @Test
  void aCauseChainWithACycleEnds() {
    IllegalStateException first = new IllegalStateException("first");
    IllegalStateException second = new IllegalStateException("second", first);
    first.initCause(second);
    assertFalse(DatabaseOutage.causedBy(first));
  }
}
