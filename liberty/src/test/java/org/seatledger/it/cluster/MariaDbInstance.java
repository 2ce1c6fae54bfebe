package org.seatledger.it.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A MariaDB server of the test's own: its own data folder under {@code target/} and its own port,
 * so that a test may kill it and start it again without touching any database someone else uses.
 * Root signs in over TCP without a password; nothing listens beyond 127.0.0.1.
 */
final class MariaDbInstance implements AutoCloseable {

  private final Path folder;
  private final int port;
  private Process process;

  private MariaDbInstance(Path folder, int port) {
    this.folder = folder;
    this.port = port;
  }

  /** Installs an empty data folder and starts the server on {@code port}. */
  static MariaDbInstance start(String name, int port) {
    Path folder = Path.of("target", "mariadb-" + name).toAbsolutePath();
    try {
      if (Files.exists(folder)) {
        run(List.of("rm", "-rf", folder.toString()));
      }
      Files.createDirectories(folder.resolve("data"));
      run(List.of("chown", "-R", "mysql:mysql", folder.toString()));
      run(
          List.of(
              "mariadb-install-db",
              "--no-defaults",
              "--user=mysql",
              "--datadir=" + folder.resolve("data"),
              "--auth-root-authentication-method=normal"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    MariaDbInstance instance = new MariaDbInstance(folder, port);
    instance.startAgain();
    return instance;
  }

  /** Starts the server on the data it had: after {@link #kill()}, as an admin would. */
  void startAgain() {
    try {
      process =
          new ProcessBuilder(
                  "mariadbd",
                  "--no-defaults",
                  "--user=mysql",
                  "--datadir=" + folder.resolve("data"),
                  "--port=" + port,
                  "--bind-address=127.0.0.1",
                  "--socket=" + folder.resolve("mariadb.sock"),
                  "--pid-file=" + folder.resolve("mariadb.pid"),
                  "--skip-log-bin",
                  "--innodb-buffer-pool-size=64M")
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(folder.resolve("mariadb.log").toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      try (Connection ignored = root("")) {
        return;
      } catch (SQLException notYet) {
        if (Instant.now().isAfter(deadline) || !process.isAlive()) {
          throw new IllegalStateException("MariaDB did not start; see " + folder, notYet);
        }
        sleep(250);
      }
    }
  }

  /** Kills the server at once (SIGKILL): no clean shutdown, connections break mid-flight. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void createDatabase(String database) {
    try (Connection connection = root("");
        Statement sql = connection.createStatement()) {
      sql.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs SQL statements as root, one after the other (accounts, grants). */
  void execute(String... statements) {
    try (Connection connection = root("");
        Statement sql = connection.createStatement()) {
      for (String statement : statements) {
        sql.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Loads a gzipped dump made by {@code mariadb-dump} into {@code database}, as root through the
   * {@code mariadb} client, as an admin restores a backup.
   */
  void load(String database, Path gzippedDump) {
    Path log = folder.resolve("load-" + database + ".log");
    try {
      Process client =
          new ProcessBuilder(
                  "mariadb",
                  "--no-defaults",
                  "--protocol=TCP",
                  "--host=127.0.0.1",
                  "--port=" + port,
                  "--user=root",
                  "--default-character-set=utf8mb4",
                  database)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      try (InputStream dump = new GZIPInputStream(Files.newInputStream(gzippedDump));
          OutputStream input = client.getOutputStream()) {
        dump.transferTo(input);
      }
      if (client.waitFor() != 0) {
        throw new IllegalStateException(
            "loading " + gzippedDump + " failed: " + Files.readString(log));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String jdbcUrl(String database) {
    return "jdbc:mysql://127.0.0.1:"
        + port
        + "/"
        + database
        + "?useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true"
        + "&useLocalSessionState=true&connectTimeout=3000";
  }

  Connection root(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?useSSL=false", "root", "");
  }

  @Override
  public void close() {
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    try {
      if (process.waitFor() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
