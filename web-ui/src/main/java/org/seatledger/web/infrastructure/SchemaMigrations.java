package org.seatledger.web.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.seatledger.booking.api.Modules;
import org.seatledger.booking.api.SchemaReady;

/**
 * Brings every module's tables up to date when the application starts.
 *
 * <p>Each module keeps its own versioned SQL migrations in its own jar under {@code db/<module>}
 * and its own history table ({@code <module>_schema_history}), so a module's schema evolves with
 * its code and no module can migrate another's tables. This class only runs them, in the dependency
 * order of {@link Modules}, with Flyway. Flyway takes a database lock while it migrates, so several
 * servers starting at once on one database migrate it once.
 *
 * <p>On MySQL the migrations may run as an owner account ({@code SEATLEDGER_DB_MIGRATION_USER})
 * while the application connects as a second account with no DDL rights at all: after migrating,
 * each module's {@code db/grants/<module>.sql} gives that account exactly the table privileges the
 * module needs (see {@link ApplicationGrants}).
 *
 * <p>A database that is not reachable at start-up does not stop the server: the attempt is repeated
 * every few seconds, {@code /health/ready} stays DOWN with the reason until it succeeds, and {@link
 * SchemaReady} is fired once it has: every module starts its timers and start-up checks on that
 * event, so none of them runs against tables that are not there yet.
 */
@ApplicationScoped
public class SchemaMigrations {

  private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());
  private static final long RETRY_SECONDS = 5;

  @Resource(lookup = "jdbc/seatledger-migrations")
  DataSource owner;

  @Inject
  @ConfigProperty(name = "SEATLEDGER_DB_USER", defaultValue = "seatledger")
  String applicationUser;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject Event<SchemaReady> ready;

  private volatile Map<String, String> versions = Map.of();
  private volatile String failure = "not migrated yet";

  void onStart(@Observes Startup startup) {
    migrate();
  }

  private void migrate() {
    Map<String, String> applied = new LinkedHashMap<>();
    try {
      for (String module : Modules.IN_DEPENDENCY_ORDER) {
        applied.put(module, migrate(module));
      }
      new ApplicationGrants(owner, applicationUser).grant(Modules.IN_DEPENDENCY_ORDER);
    } catch (RuntimeException | SQLException e) {
      failure = "database schema could not be migrated yet: " + firstLine(e);
      LOG.log(Level.WARNING, failure + "; retrying in " + RETRY_SECONDS + " s", e);
      scheduler.schedule((Runnable) this::migrate, RETRY_SECONDS, TimeUnit.SECONDS);
      return;
    }
    versions = Map.copyOf(applied);
    failure = null;
    LOG.info(() -> "Database schema is up to date: " + applied);
    ready.fire(new SchemaReady());
  }

  private String migrate(String module) {
    Flyway flyway =
        Flyway.configure(getClass().getClassLoader())
            .dataSource(owner)
            // Liberty's class loader cannot list a folder: Flyway finds each location (and its
            // default db/callback) by the empty marker file flyway.location in it.
            .locations("classpath:db/" + module)
            .table(module + "_schema_history")
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load();
    flyway.migrate();
    MigrationInfo current = flyway.info().current();
    return current == null ? "empty" : "v" + current.getVersion();
  }

  /** Schema version per module once migrated, in migration order; empty before that. */
  public Map<String, String> versions() {
    return versions;
  }

  /** Why the schema is not ready, or {@code null} when it is. */
  public String failure() {
    return failure;
  }

  private static String firstLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = String.valueOf(root.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
