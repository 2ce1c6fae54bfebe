package org.seatledger.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One more Open Liberty server with the application, as an admin runs a second instance: a copy of
 * the server the build made ({@code target/liberty/wlp/usr/servers/seatledger}, with the EAR and
 * the drivers), its own name, ports, data folder and environment, started and stopped with
 * Liberty's {@code server} script.
 */
final class LibertyServer implements AutoCloseable {

  private static final Path WLP = Path.of("target", "liberty", "wlp").toAbsolutePath();
  private static final Path TEMPLATE =
      WLP.resolve("usr/servers").resolve(System.getProperty("it.server.name", "seatledger"));

  /** What the template holds that belongs to its own runs, or to the Arquillian tests only. */
  private static final List<String> NOT_COPIED =
      List.of("workarea", "logs", "tranlog", "dropins", "configDropins");

  final String name;
  final int httpPort;
  private final Map<String, String> environment;
  private boolean started;

  private LibertyServer(String name, int httpPort, Map<String, String> environment) {
    this.name = name;
    this.httpPort = httpPort;
    this.environment = environment;
  }

  /**
   * A fresh server folder named {@code name}; {@code settings} are the SEATLEDGER_* variables it
   * runs with besides its ports and data folder (none of the test JVM's own are passed on).
   */
  static LibertyServer create(String name, int httpPort, Map<String, String> settings) {
    return create(name, httpPort, httpPort + 363, settings);
  }

  /** As {@link #create(String, int, Map)}, with the HTTPS port chosen too. */
  static LibertyServer create(
      String name, int httpPort, int httpsPort, Map<String, String> settings) {
    Path folder = WLP.resolve("usr/servers").resolve(name);
    Path data = Path.of("target", "cluster-data", name).toAbsolutePath();
    try {
      delete(folder);
      delete(data);
      copy(TEMPLATE, folder);
      Files.createDirectories(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.keySet().removeIf(key -> key.startsWith("SEATLEDGER_"));
    environment.put("SEATLEDGER_HTTP_PORT", String.valueOf(httpPort));
    environment.put("SEATLEDGER_HTTPS_PORT", String.valueOf(httpsPort));
    environment.put("SEATLEDGER_DATA_DIR", data.toString());
    environment.putAll(settings);
    return new LibertyServer(name, httpPort, environment);
  }

  /**
   * Starts the server and waits until it serves its sign-in page (not necessarily ready). From the
   * first try on, {@link #close()} stops it, also when starting failed or took too long.
   */
  LibertyServer start() {
    started = true;
    script("start");
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    // generous: on a 2-core machine shared with other builds a start has taken over 3 minutes
    Instant deadline = Instant.now().plus(Duration.ofSeconds(300));
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<Void> login =
            client.send(
                HttpRequest.newBuilder(URI.create(base() + "/login"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (login.statusCode() == 200) {
          return this;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      MariaDbInstance.sleep(500);
    }
    throw new IllegalStateException(name + " did not serve its sign-in page:\n" + logTail());
  }

  String base() {
    return "http://localhost:" + httpPort;
  }

  /** The last lines of the server's messages.log, for a failure message. */
  String logTail() {
    Path log = WLP.resolve("usr/servers").resolve(name).resolve("logs/messages.log");
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** The server's messages.log as it is now. */
  String log() {
    try {
      return Files.readString(
          WLP.resolve("usr/servers").resolve(name).resolve("logs/messages.log"));
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * SIGKILL, as a crash: no shutdown hook, no clean stop. {@link #start()} starts it again on its
   * folder and data.
   */
  void kill() {
    try {
      Path pidFile = WLP.resolve("usr/servers/.pid").resolve(name + ".pid");
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      ProcessHandle.of(pid)
          .ifPresent(
              process -> {
                process.destroyForcibly();
                process.onExit().join();
              });
      started = false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (started) {
      started = false;
      script("stop");
    }
  }

  private void script(String action) {
    try {
      ProcessBuilder builder =
          new ProcessBuilder(WLP.resolve("bin/server").toString(), action, name)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      builder.environment().clear();
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(300, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("server " + action + " " + name + " did not return");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Copies the template server's folder but for its {@link #NOT_COPIED} folders, which are never
   * entered: the integration tests' own server runs from the template meanwhile and creates and
   * deletes files in its work area while the copy goes on.
   */
  private static void copy(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
              throws IOException {
            Path relative = from.relativize(directory);
            if (relative.getNameCount() == 1
                && NOT_COPIED.contains(relative.getName(0).toString())) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(to.resolve(relative.toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Path target = to.resolve(from.relativize(file).toString());
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path :
          (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }
}
