package org.seatledger.eventlog.api;

import java.util.List;

/**
 * The one list of Seat Ledger's modules, in dependency order: the event log first, then the domain
 * written to it, then what is derived from it, then the web tier. Everything that walks the modules
 * reads it — the schema migrations and the database grants, the architecture tests and the
 * integration tests — so a new module is added here once.
 *
 * <p>Each name fixes, for its module: the package {@code org.seatledger.<name>}, the migrations
 * under {@code db/<name>} with the history table {@code <name>_schema_history}, and the application
 * account's table privileges in {@code db/grants/<name>.sql}.
 */
public final class Modules {

  public static final List<String> IN_DEPENDENCY_ORDER =
      List.of("eventlog", "booking", "reporting", "audit", "web");

  private Modules() {}
}
