package org.seatledger.web.infrastructure;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps one warning of the database out of the log while Flyway migrates: MySQL's and MariaDB's
 * 1280, "Name 'pk_events' ignored for PRIMARY key". The first migrations of every module name their
 * primary keys ({@code CONSTRAINT pk_events PRIMARY KEY …}), as H2 keeps them; MySQL keeps every
 * primary key under the name PRIMARY and says so once a table, 24 warnings on a new database that
 * an admin can do nothing about. Migrations that ran cannot be edited (Flyway checks them by
 * checksum). Every other warning of a migration is logged as before.
 */
final class MigrationWarnings {

  /** Where Flyway logs what the database warned of after each statement of a migration. */
  private static final Logger SCRIPT_EXECUTOR =
      Logger.getLogger("org.flywaydb.core.internal.sqlscript.DefaultSqlScriptExecutor");

  /** How Flyway ends such a warning: "DB: <message> (SQL State: <state> - Error Code: <code>)". */
  private static final String NAME_IGNORED = "- Error Code: 1280)";

  private MigrationWarnings() {}

  /** Leaves the ignored primary key names out of Flyway's log from now on (once is enough). */
  static synchronized void quietIgnoredKeyNames() {
    Filter before = SCRIPT_EXECUTOR.getFilter();
    if (!(before instanceof IgnoredKeyNames)) {
      SCRIPT_EXECUTOR.setFilter(new IgnoredKeyNames(before));
    }
  }

  /** Drops warning 1280, then asks the filter that was there before, if any. */
  static final class IgnoredKeyNames implements Filter {
    private final Filter before;

    IgnoredKeyNames(Filter before) {
      this.before = before;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
      String message = record.getMessage();
      if (message != null && message.startsWith("DB: ") && message.endsWith(NAME_IGNORED)) {
        return false;
      }
      return before == null || before.isLoggable(record);
    }
  }
}
