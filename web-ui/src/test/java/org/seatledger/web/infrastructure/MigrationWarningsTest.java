package org.seatledger.web.infrastructure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class MigrationWarningsTest {

  private static LogRecord warning(String message) {
    return new LogRecord(Level.WARNING, message);
  }

  @Test
  void anIgnoredPrimaryKeyNameIsLeftOutAndEveryOtherWarningIsLogged() {
    MigrationWarnings.IgnoredKeyNames filter = new MigrationWarnings.IgnoredKeyNames(null);
    assertFalse(
        filter.isLoggable(
            warning(
                "DB: Name 'pk_events' ignored for PRIMARY key. (SQL State: 42000 - Error Code:"
                    + " 1280)")));
    assertTrue(
        filter.isLoggable(
            warning(
                "DB: 'utf8' is currently an alias for the character set UTF8MB3 (SQL State: HY000"
                    + " - Error Code: 1287)")));
    assertTrue(filter.isLoggable(warning("Migrating schema `seatledger` to version 1")));
  }

  @Test
  void theFilterThatWasThereBeforeStillDecidesTheRest() {
    MigrationWarnings.IgnoredKeyNames filter =
        new MigrationWarnings.IgnoredKeyNames(r -> !r.getMessage().contains("secret"));
    assertFalse(filter.isLoggable(warning("DB: a secret (SQL State: 01000 - Error Code: 1)")));
    assertTrue(
        filter.isLoggable(warning("DB: nothing to hide (SQL State: 01000 - Error Code: 1)")));
  }
}
