package org.seatledger.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Kafka broker for the broker tests, started the way a developer starts one: {@code
 * dev/kafka start} (a single KRaft node from Maven Central jars), on its own port and with its own
 * data folder under {@code target}. It can be killed (SIGKILL, no clean shutdown) and started again
 * on the same data, as an outage does.
 */
final class KafkaBroker implements AutoCloseable {

  private static final Path SCRIPT = Path.of("..", "dev", "kafka").toAbsolutePath().normalize();

  final int port;
  private final Path data;

  private KafkaBroker(int port, Path data) {
    this.port = port;
    this.data = data;
  }

  /** A fresh broker (empty data folder) on {@code port}; its controller listens on port + 1. */
  static KafkaBroker start(String name, int port) {
    Path data = Path.of("target", "kafka-data", name).toAbsolutePath();
    try {
      if (Files.exists(data)) {
        try (Stream<Path> paths = Files.walk(data)) {
          for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
            Files.delete(path);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    KafkaBroker broker = new KafkaBroker(port, data);
    broker.start();
    return broker;
  }

  String bootstrap() {
    return "127.0.0.1:" + port;
  }

  /** Starts it (again) on its data; returns when its port answers. */
  void start() {
    run("start");
  }

  /** SIGKILL: the broker is gone at once, as in a crash. */
  void kill() {
    try {
      long pid = Long.parseLong(Files.readString(data.resolve("kafka.pid")).strip());
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    run("stop");
  }

  private void run(String action) {
    try {
      ProcessBuilder builder =
          new ProcessBuilder(SCRIPT.toString(), action)
              .redirectErrorStream(true)
              .redirectOutput(
                  data.getParent().resolve(data.getFileName() + "-" + action + ".log").toFile());
      Files.createDirectories(data);
      builder.environment().put("KAFKA_PORT", String.valueOf(port));
      builder.environment().put("KAFKA_DATA", data.toString());
      Process process = builder.start();
      if (!process.waitFor(180, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("dev/kafka " + action + " did not return");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "dev/kafka "
                + action
                + " failed: "
                + Files.readString(
                    data.getParent().resolve(data.getFileName() + "-" + action + ".log")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "Kafka on " + bootstrap();
  }
}
