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
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The integration relay seen from its topic, beside the read models' lag: for each event of the
 * load's window, the latency from its append (its recorded time, taken in the append's transaction)
 * to the moment the broker appended its message to {@code seatledger.events} — from then on any
 * consumer can fetch it — and the throughput, the window's messages over the time from the first to
 * the last broker append. Only when the server runs with Kafka ({@code
 * SEATLEDGER_KAFKA_BOOTSTRAP_SERVERS}, which {@code bench/run} sets after {@code dev/kafka start}).
 *
 * <p>Nothing of it runs during the load. Before, it has the broker stamp each new message of the
 * topic with the time it appended it ({@code message.timestamp.type=LogAppendTime}, a setting of
 * the benchmark's own broker) and notes where the topic ends; after, it reads the messages from
 * there. An earlier version read the topic during the load, polling every 20 ms: on two cores that
 * consumer and the broker serving its fetches took CPU the server needed (the broker 260–480 ms a
 * second at 145 bookings/s, against 70–300 ms at twice the rate without a consumer; quick runs of
 * one hour, docs/performance.md).
 */
final class RelayProbe {

  private static final String TOPIC = "seatledger.events";

  private final String servers;
  private final Map<TopicPartition, Long> start;

  /** A probe of the messages from the topic's current end, or null when Kafka is off. */
  static RelayProbe startIfEnabled() throws Exception {
    String servers = System.getenv("SEATLEDGER_KAFKA_BOOTSTRAP_SERVERS");
    return servers == null || servers.isBlank() ? null : new RelayProbe(servers);
  }

  private RelayProbe(String servers) throws Exception {
    this.servers = servers;
    Properties admin = new Properties();
    admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    try (Admin client = Admin.create(admin)) {
      ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
      client
          .incrementalAlterConfigs(
              Map.of(
                  topic,
                  List.of(
                      new AlterConfigOp(
                          new ConfigEntry(
                              TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
                              TimestampType.LOG_APPEND_TIME.name),
                          AlterConfigOp.OpType.SET))))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    try (KafkaConsumer<String, String> consumer = consumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(TOPIC, p.partition()))
              .toList();
      this.start = consumer.endOffsets(partitions, Duration.ofSeconds(30));
    }
  }

  private KafkaConsumer<String, String> consumer() {
    Properties settings = new Properties();
    settings.put("bootstrap.servers", servers);
    settings.put("key.deserializer", StringDeserializer.class.getName());
    settings.put("value.deserializer", StringDeserializer.class.getName());
    settings.put("enable.auto.commit", "false");
    return new KafkaConsumer<>(settings);
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
    Map<Long, Long> firstAppend = new HashMap<>();
    int duplicates = 0;
    for (ConsumerRecord<String, String> record : messagesSinceStart(until)) {
      if (record.timestampType() != TimestampType.LOG_APPEND_TIME) {
        throw new IllegalStateException(
            "a message of "
                + TOPIC
                + " at offset "
                + record.offset()
                + " has no broker append time ("
                + record.timestampType()
                + "): the relay's latency cannot be measured");
      }
      Header position = record.headers().lastHeader("ce_position");
      if (position != null) {
        long at = Long.parseLong(new String(position.value(), StandardCharsets.UTF_8));
        if (firstAppend.putIfAbsent(at, record.timestamp() * 1000) != null) {
          duplicates++;
        }
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
          Long appended = firstAppend.get(rs.getLong(1));
          if (appended != null) {
            relayed++;
            // the broker stamps whole milliseconds: at most 1 ms early, never below 1 µs
            latency.recordValue(Math.max(1, appended - rs.getLong(2)));
            first = Math.min(first, appended);
            last = Math.max(last, appended);
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
        .add(
            "measures",
            "append (recorded_at) to the broker's append to "
                + TOPIC
                + " (LogAppendTime), read after the load")
        .build();
  }

  /** Every message from where the topic ended at the start to where it ends now. */
  private List<ConsumerRecord<String, String>> messagesSinceStart(long untilNanos) {
    List<ConsumerRecord<String, String>> messages = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      consumer.assign(start.keySet());
      start.forEach(consumer::seek);
      Map<TopicPartition, Long> end = consumer.endOffsets(start.keySet(), Duration.ofSeconds(30));
      while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        if (System.nanoTime() > untilNanos + Duration.ofSeconds(30).toNanos()) {
          throw new IllegalStateException(
              "the messages of " + TOPIC + " since the load's start could not all be read");
        }
        consumer.poll(Duration.ofMillis(500)).forEach(messages::add);
      }
    }
    return messages;
  }
}
