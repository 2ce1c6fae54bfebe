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
import org.seatledger.eventlog.api.Modules;
import org.seatledger.eventlog.api.SchemaReady;

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
 * <p>A module with no tables has no {@code db/<module>} folder and is skipped. Tables that change
 * hands keep their history: the event log's tables were migrated by the booking module (as {@code
 * booking} V1–V3 in {@code booking_schema_history}) until the event log became a module of its own
 * with the same scripts under {@code db/eventlog}. On a database written before that, the event
 * log's history starts at the version the booking history had reached (see {@link #HANDED_OVER}),
 * so nothing is created twice and later event-log migrations apply on top; the old history table
 * stays as the record of what was done.
 *
 * <p>A database that is not reachable at start-up does not stop the server: the attempt is repeated
 * every few seconds, {@code /health/ready} stays DOWN with the reason until it succeeds, and {@link
 * SchemaReady} is fired once it has: every module starts its timers and start-up checks on that
 * event, so none of them runs against tables that are not there yet. A failure is logged with its
 * stack when it is new, not on every retry. Settings that cannot work (an empty or foreign {@code
 * SEATLEDGER_DB_URL}, an owner account the database refuses or gives no rights) are named in the
 * log and in the readiness reason ({@link DatabaseSettings}).
 */
@ApplicationScoped
public class SchemaMigrations {

  private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());
  private static final long RETRY_SECONDS = 5;

  /** Module → the module whose history table held its migrations before it had its own. */
  static final Map<String, String> HANDED_OVER = Map.of("eventlog", "booking");

  /**
   * Looked up on every attempt, not injected: a data source Liberty cannot create would fail this
   * bean's creation, and with it the application's start.
   */
  private static final String OWNER = "jdbc/seatledger-migrations";

  @Inject
  @ConfigProperty(name = "SEATLEDGER_DB_USER", defaultValue = "seatledger")
  String applicationUser;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject Event<SchemaReady> ready;

  private volatile Map<String, String> versions = Map.of();
  private volatile String failure = "not migrated yet";

  /** The last failure, when it came from settings that cannot work ({@link DatabaseSettings}). */
  private volatile String settingsProblem;

  private String lastLogged;

  void onStart(@Observes Startup startup) {
    migrate();
  }

  private void migrate() {
    Map<String, String> applied = new LinkedHashMap<>();
    try {
      DataSource owner = DatabaseSettings.lookUp(OWNER);
      MigrationWarnings.quietIgnoredKeyNames();
      for (String module : Modules.IN_DEPENDENCY_ORDER) {
        applied.put(module, migrate(owner, module));
      }
      new ApplicationGrants(owner, applicationUser).grant(Modules.IN_DEPENDENCY_ORDER);
    } catch (RuntimeException | SQLException e) {
      String settings = DatabaseSettings.problem(e, DatabaseSettings.Account.MIGRATIONS);
      settingsProblem = settings;
      failure =
          settings != null
              ? settings
              : "database schema could not be migrated yet: " + firstLine(e);
      if (!failure.equals(lastLogged)) {
        lastLogged = failure;
        if (settings != null) {
          // what to change, and the database's or Liberty's own words for the admin who checks
          LOG.severe(
              failure
                  + "; retrying every "
                  + RETRY_SECONDS
                  + " s ("
                  + DatabaseOutage.rootMessage(e)
                  + ")");
        } else {
          LOG.log(Level.WARNING, failure + "; retrying every " + RETRY_SECONDS + " s", e);
        }
      } else {
        LOG.log(Level.FINE, failure, e);
      }
      scheduler.schedule((Runnable) this::migrate, RETRY_SECONDS, TimeUnit.SECONDS);
      return;
    }
    versions = Map.copyOf(applied);
    settingsProblem = null;
    failure = null;
    LOG.info(() -> "Database schema is up to date: " + applied);
    ready.fire(new SchemaReady());
  }

  private String migrate(DataSource owner, String module) {
    ClassLoader loader = getClass().getClassLoader();
    if (loader.getResource("db/" + module + "/flyway.location") == null) {
      return "no tables";
    }
    Flyway flyway =
        Flyway.configure(loader)
            .dataSource(owner)
            // Liberty's class loader cannot list a folder: Flyway finds each location (and its
            // default db/callback) by the empty marker file flyway.location in it.
            .locations("classpath:db/" + module)
            .table(module + "_schema_history")
            .baselineOnMigrate(true)
            .baselineVersion(baselineOf(owner, module, loader))
            .load();
    flyway.migrate();
    MigrationInfo current = flyway.info().current();
    return current == null ? "empty" : "v" + current.getVersion();
  }

  /**
   * The version a module's history starts from when its history table is new on a schema that has
   * tables: 0 (run every migration), or for tables handed over, the version the previous owner's
   * history had reached. Flyway uses it only when the module's history table does not exist yet.
   */
  private String baselineOf(DataSource owner, String module, ClassLoader loader) {
    String previousOwner = HANDED_OVER.get(module);
    if (previousOwner == null) {
      return "0";
    }
    MigrationInfo reached =
        Flyway.configure(loader)
            .dataSource(owner)
            .locations("classpath:db/" + module)
            .table(previousOwner + "_schema_history")
            .load()
            .info()
            .current();
    return reached == null ? "0" : reached.getVersion().getVersion();
  }

  /** Schema version per module once migrated, in migration order; empty before that. */
  public Map<String, String> versions() {
    return versions;
  }

  /** Why the schema is not ready, or {@code null} when it is. */
  public String failure() {
    return failure;
  }

  /**
   * What an admin must change for the migrations to run, or {@code null} when nothing is known to
   * be wrong with the settings (migrated, or the database is away).
   */
  public String settingsProblem() {
    return settingsProblem;
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
