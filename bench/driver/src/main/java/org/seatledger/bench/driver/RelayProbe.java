package org.seatledger.bench.driver;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The integration relay seen from a consumer of {@code seatledger.events}, beside the read models'
 * lag: while load runs, reads every new message and notes when it arrived; afterwards, for each
 * event of the window that arrived, the end-to-end latency is the arrival minus the event's
 * recorded time (taken in the append's transaction), and the throughput is the messages of the
 * window over the time from the first to the last arrival. Only when the server runs with Kafka
 * ({@code SEATLEDGER_KAFKA_BOOTSTRAP_SERVERS}, which {@code bench/run} sets after {@code dev/kafka
 * start}).
 */
final class RelayProbe implements AutoCloseable {

  private static final String TOPIC = "seatledger.events";

  private record Arrival(long position, long atMicros) {}

  private final KafkaConsumer<String, String> consumer;
  private final List<Arrival> arrivals = new ArrayList<>();
  private final Thread reader;
  private volatile boolean running = true;
  private volatile Exception failure;

  /** A probe reading from the topic's current end, or null when the server runs without Kafka. */
  static RelayProbe startIfEnabled() {
    String servers = System.getenv("SEATLEDGER_KAFKA_BOOTSTRAP_SERVERS");
    return servers == null || servers.isBlank() ? null : new RelayProbe(servers);
  }

  private RelayProbe(String servers) {
    Properties settings = new Properties();
    settings.put("bootstrap.servers", servers);
    settings.put("key.deserializer", StringDeserializer.class.getName());
    settings.put("value.deserializer", StringDeserializer.class.getName());
    settings.put("enable.auto.commit", "false");
    consumer = new KafkaConsumer<>(settings);
    List<TopicPartition> partitions =
        consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(TOPIC, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // fixes the start now, before the load
    reader = new Thread(this::read, "relay-probe");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    try {
      while (running) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
          long at = LagProbe.micros();
          Header position = record.headers().lastHeader("ce_position");
          if (position != null) {
            arrivals.add(
                new Arrival(
                    Long.parseLong(new String(position.value(), StandardCharsets.UTF_8)), at));
          }
        }
      }
    } catch (Exception e) {
      failure = e;
    } finally {
      consumer.close();
    }
  }

  /**
   * Latency and throughput for the events in (after, upTo], once the relay's checkpoint has reached
   * upTo (at most {@code patience}).
   */
  JsonObject figures(Database db, long after, long upTo, Duration patience) throws Exception {
    long until = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < until
        && db.count("SELECT COALESCE(MAX(position), 0) FROM web_projections", null) < upTo) {
      Thread.sleep(50);
    }
    Thread.sleep(500); // the last acknowledged messages reach this consumer too
    running = false;
    reader.join(5000);
    if (failure != null) {
      throw failure;
    }
    Map<Long, Long> firstArrival = new HashMap<>();
    int duplicates = 0;
    for (Arrival arrival : arrivals) {
      if (firstArrival.putIfAbsent(arrival.position(), arrival.atMicros()) != null) {
        duplicates++;
      }
    }
    Histogram latency = new Histogram(3);
    long first = Long.MAX_VALUE;
    long last = 0;
    int relayed = 0;
    try (PreparedStatement q =
        db.connection.prepareStatement(
            "SELECT global_position, recorded_at FROM events"
                + " WHERE global_position > ? AND global_position <= ?")) {
      q.setLong(1, after);
      q.setLong(2, upTo);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          Long arrived = firstArrival.get(rs.getLong(1));
          if (arrived != null) {
            relayed++;
            latency.recordValue(Math.max(1, arrived - rs.getLong(2)));
            first = Math.min(first, arrived);
            last = Math.max(last, arrived);
          }
        }
      }
    }
    double seconds = Math.max(0.001, (last - first) / 1_000_000.0);
    return Json.createObjectBuilder()
        .add("messages", relayed)
        .add("messages_per_s", relayed < 2 ? 0 : Math.round(relayed / seconds * 10) / 10.0)
        .add("p50_ms", latency.getValueAtPercentile(50) / 1000.0)
        .add("p99_ms", latency.getValueAtPercentile(99) / 1000.0)
        .add("max_ms", latency.getMaxValue() / 1000.0)
        .add("duplicates", duplicates)
        .add("measures", "append (recorded_at) to arrival at a consumer of " + TOPIC)
        .build();
  }

  @Override
  public void close() {
    running = false;
  }
}
