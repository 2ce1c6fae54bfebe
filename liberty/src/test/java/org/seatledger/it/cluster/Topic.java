package org.seatledger.it.cluster;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the broker tests read from and write to Kafka, as another system would. */
final class Topic {
  private Topic() {}

  /** One message as a consumer sees it. */
  record Received(
      int partition, long offset, String key, Map<String, String> headers, String body) {

    String header(String name) {
      return headers.get(name);
    }

    JsonObject data() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    long position() {
      return Long.parseLong(headers.get("ce_position"));
    }
  }

  /**
   * Every message of {@code topic} from its beginning, in each partition's order (partitions one
   * after the other), read until {@code enough} holds for them or {@code patience} has passed.
   */
  static List<Received> read(
      String bootstrap, String topic, Predicate<List<Received>> enough, Duration patience) {
    Properties settings = new Properties();
    settings.put("bootstrap.servers", bootstrap);
    settings.put("key.deserializer", StringDeserializer.class.getName());
    settings.put("value.deserializer", StringDeserializer.class.getName());
    settings.put("enable.auto.commit", "false");
    Instant deadline = Instant.now().plus(patience);
    List<Received> all = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
      List<TopicPartition> partitions = new ArrayList<>();
      while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        if (infos != null) {
          infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<Integer, List<Received>> byPartition = new HashMap<>();
      while (Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          byPartition
              .computeIfAbsent(record.partition(), p -> new ArrayList<>())
              .add(received(record));
        }
        all = new ArrayList<>();
        for (int p = 0; p < partitions.size(); p++) {
          all.addAll(byPartition.getOrDefault(p, List.of()));
        }
        if (enough.test(all)) {
          return all;
        }
      }
    }
    return all;
  }

  /** Sends one message and waits until the broker has it. */
  static void send(
      String bootstrap, String topic, String key, Map<String, String> headers, String body) {
    Properties settings = new Properties();
    settings.put("bootstrap.servers", bootstrap);
    settings.put("key.serializer", StringSerializer.class.getName());
    settings.put("value.serializer", StringSerializer.class.getName());
    settings.put("acks", "all");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
      ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, body);
      headers.forEach(
          (name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
      producer.send(record).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("could not send to " + topic, e);
    }
  }

  private static Received received(ConsumerRecord<String, String> record) {
    Map<String, String> headers = new HashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    return new Received(record.partition(), record.offset(), record.key(), headers, record.value());
  }
}
