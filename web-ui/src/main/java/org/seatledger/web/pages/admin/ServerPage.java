package org.seatledger.web.pages.admin;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.seatledger.audit.api.AuditQueries;
import org.seatledger.eventlog.api.MasterKeyAdmin;
import org.seatledger.eventlog.api.MasterKeyStatus;
import org.seatledger.web.infrastructure.SchemaMigrations;

/**
 * {@code /admin/server}: what this server is and runs on — version, uptime, database, schema
 * versions per module, the {@code SEATLEDGER_*} settings in force (secrets as "(secret)"), the
 * master key's fingerprint, the readiness checks with their reasons, and the last verification of
 * the hash chain.
 */
@Named
@RequestScoped
public class ServerPage {

  /**
   * Every setting the README's configuration table documents, in its order (ServerSettingsTest
   * checks the two agree); others that are set are shown too, such as the Kafka client settings the
   * table documents as one family ({@code SEATLEDGER_KAFKA_<NAME>}).
   */
  static final List<String> KNOWN =
      List.of(
          "SEATLEDGER_DB_URL",
          "SEATLEDGER_DB_USER",
          "SEATLEDGER_DB_PASSWORD",
          "SEATLEDGER_DB_MIGRATION_USER",
          "SEATLEDGER_DB_MIGRATION_PASSWORD",
          "SEATLEDGER_DB_POOL_SIZE",
          "SEATLEDGER_DB_CONNECTION_TIMEOUT",
          "SEATLEDGER_REQUEST_THREADS",
          "SEATLEDGER_DATA_DIR",
          "SEATLEDGER_HTTP_PORT",
          "SEATLEDGER_HTTPS_PORT",
          "SEATLEDGER_HOST",
          "SEATLEDGER_REQUIRE_HTTPS",
          "SEATLEDGER_ADMIN_PASSWORD",
          "SEATLEDGER_CREDENTIAL_CACHE_SECONDS",
          "SEATLEDGER_KEYSTORE_PASSWORD",
          "SEATLEDGER_MASTER_KEY",
          "SEATLEDGER_MASTER_KEY_PREVIOUS",
          "SEATLEDGER_HOLD_TIMEOUT",
          "SEATLEDGER_EXPIRY_INTERVAL_SECONDS",
          "SEATLEDGER_WRITER_THREADS",
          "SEATLEDGER_PROJECTION_INTERVAL_MS",
          "SEATLEDGER_PROJECTION_WAKE_UP_DELAY_MS",
          "SEATLEDGER_PROJECTION_BATCH_SIZE",
          "SEATLEDGER_RECENT_EVENTS",
          "SEATLEDGER_MAX_PROJECTION_LAG_SECONDS",
          "SEATLEDGER_VERIFY_INTERVAL_MINUTES",
          "SEATLEDGER_LOG_CHECK_INTERVAL",
          "SEATLEDGER_SNAPSHOT_EVERY",
          "SEATLEDGER_SNAPSHOT_KEEP_EVERY",
          "SEATLEDGER_SNAPSHOT_SPACING_MS",
          "SEATLEDGER_AGGREGATE_CACHE_SIZE",
          "SEATLEDGER_KAFKA_BOOTSTRAP_SERVERS",
          "SEATLEDGER_METRICS_AUTH");

  /** A readiness check as shown: its name, whether it is up, and the details it gives. */
  public record Check(String name, boolean up, String details) {}

  /** A fact about the database: product and version, or why it could not be read. */
  public record Database(String product, String version, String driver) {}

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  @Inject SchemaMigrations migrations;
  @Inject MasterKeyAdmin masterKeys;
  @Inject ServletContext servlet;

  @Inject @Readiness @Any Instance<HealthCheck> readiness;
  @Inject AuditQueries audit;

  /** The newest kept verification of the hash chain (scheduled or asked for), or null. */
  public AuditQueries.Verification getLastVerification() {
    List<AuditQueries.Verification> last = audit.verifications(1);
    return last.isEmpty() ? null : last.get(0);
  }

  public String getVersion() {
    try (InputStream in =
        servlet.getResourceAsStream("/META-INF/maven/org.seatledger/web-ui/pom.properties")) {
      if (in == null) {
        return "unknown (not built by Maven)";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  public Instant getStartedAt() {
    return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
  }

  /** "3 d 4 h", "2 h 5 min", "12 min". */
  public String getUptime() {
    Duration up = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
    if (up.toDays() > 0) {
      return up.toDays() + " d " + up.toHoursPart() + " h";
    }
    if (up.toHours() > 0) {
      return up.toHours() + " h " + up.toMinutesPart() + " min";
    }
    return up.toMinutes() + " min " + up.toSecondsPart() + " s";
  }

  public String getJava() {
    return System.getProperty("java.vendor") + " " + System.getProperty("java.version");
  }

  public Database getDatabase() {
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      return new Database(
          meta.getDatabaseProductName(),
          meta.getDatabaseProductVersion(),
          meta.getDriverName() + " " + meta.getDriverVersion());
    } catch (SQLException e) {
      return new Database("unreachable", e.getMessage(), "");
    }
  }

  public List<Map.Entry<String, String>> getSchemas() {
    return new ArrayList<>(new TreeMap<>(migrations.versions()).entrySet());
  }

  public List<ServerSettings.Setting> getSettings() {
    return ServerSettings.of(KNOWN, System.getenv());
  }

  public MasterKeyStatus getMasterKey() {
    return masterKeys.status();
  }

  public List<Check> getChecks() {
    List<Check> checks = new ArrayList<>();
    for (HealthCheck check : readiness) {
      HealthCheckResponse response;
      try {
        response = check.call();
      } catch (RuntimeException e) {
        checks.add(new Check(check.getClass().getSimpleName(), false, e.getMessage()));
        continue;
      }
      String details =
          response
              .getData()
              .map(
                  data ->
                      String.join(
                          "; ",
                          data.entrySet().stream()
                              .map(d -> d.getKey() + ": " + d.getValue())
                              .toList()))
              .orElse("");
      checks.add(
          new Check(
              response.getName(), response.getStatus() == HealthCheckResponse.Status.UP, details));
    }
    checks.sort((a, b) -> a.name().compareTo(b.name()));
    return checks;
  }
}
