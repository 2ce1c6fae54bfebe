package org.seatledger.web.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.seatledger.eventlog.api.projection.TargetUnavailable;

/**
 * Sends messages through MicroProfile Reactive Messaging's emitters and waits until the broker has
 * acknowledged every one ({@code acks=all}: every in-sync replica has it). Each message is a Kafka
 * {@link ProducerRecord} (Liberty's connector sends a record it is given as it is, with its key and
 * headers) inside a {@link Message} whose ack and nack complete a future: the connector acks when
 * Kafka's send callback reports success and nacks with the error otherwise.
 *
 * <p>Never called inside a command's transaction: the relay sends from its own pass over the log,
 * the payments channel after its command has committed.
 */
@ApplicationScoped
public class KafkaPublisher {

  /**
   * Longer than the producer's own {@code delivery.timeout.ms} (15 s), which fails a send first.
   */
  static final Duration PATIENCE = Duration.ofSeconds(20);

  @Inject
  @Channel(MessagingSettings.EVENTS)
  @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
  Emitter<ProducerRecord<String, String>> events;

  @Inject
  @Channel(MessagingSettings.REJECTED)
  Emitter<ProducerRecord<String, String>> rejected;

  @Inject
  @Channel(MessagingSettings.DEAD_LETTERS)
  Emitter<ProducerRecord<String, String>> deadLetters;

  /**
   * Sends a batch of integration events in order and returns when the broker has acknowledged all.
   *
   * @throws TargetUnavailable when it has not (refused one, or not answered within {@link
   *     #PATIENCE}); some may have arrived, so the caller sends the batch again later
   */
  public void publish(List<IntegrationEvent> batch) {
    if (batch.isEmpty()) {
      return;
    }
    // The first message alone, as a probe: while the broker is away it fails and nothing else of
    // the batch is sent. Sent together, each send would wait for the topic's metadata on its own,
    // and a later one could get through after an earlier one gave up (reordered on the topic).
    await(List.of(send(batch.get(0))), "the integration events");
    List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
    for (IntegrationEvent event : batch.subList(1, batch.size())) {
      acks.add(send(event));
    }
    await(acks, "the integration events");
  }

  private CompletableFuture<Void> send(IntegrationEvent event) {
    return send(
        events,
        MessagingSettings.EVENTS,
        event.key(),
        CloudEvents.headers(event),
        event.data().toString());
  }

  /** Sends a {@code PaymentRejected} and waits for the broker. */
  void reject(IntegrationEvent rejection) {
    await(
        List.of(
            send(
                rejected,
                MessagingSettings.REJECTED,
                rejection.key(),
                CloudEvents.headers(rejection),
                rejection.data().toString())),
        "a PaymentRejected");
  }

  /** Sends a message that could not be read to the dead-letter topic and waits for the broker. */
  void deadLetter(String key, Map<String, String> headers, String body) {
    await(
        List.of(send(deadLetters, MessagingSettings.DEAD_LETTERS, key, headers, body)),
        "a dead letter");
  }

  private static CompletableFuture<Void> send(
      Emitter<ProducerRecord<String, String>> emitter,
      String channel,
      String key,
      Map<String, String> headers,
      String body) {
    RecordHeaders kafkaHeaders = new RecordHeaders();
    headers.forEach(
        (name, value) -> kafkaHeaders.add(name, value.getBytes(StandardCharsets.UTF_8)));
    ProducerRecord<String, String> record =
        new ProducerRecord<>(MessagingSettings.TOPICS.get(channel), null, key, body, kafkaHeaders);
    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    Message<ProducerRecord<String, String>> message =
        Message.of(
            record,
            () -> {
              acknowledged.complete(null);
              return CompletableFuture.completedFuture(null);
            },
            failure -> {
              acknowledged.completeExceptionally(failure);
              return CompletableFuture.completedFuture(null);
            });
    try {
      emitter.send(message);
    } catch (RuntimeException refused) {
      // the emitter's buffer is full or its stream ended: nothing of this message went out
      acknowledged.completeExceptionally(refused);
    }
    return acknowledged;
  }

  private static void await(List<CompletableFuture<Void>> acks, String what) {
    try {
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
          .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException refused) {
      Throwable cause = refused.getCause() == null ? refused : refused.getCause();
      throw new TargetUnavailable("the message broker did not take " + what + ": " + cause, cause);
    } catch (TimeoutException silent) {
      throw new TargetUnavailable(
          "the message broker did not acknowledge "
              + what
              + " within "
              + PATIENCE.toSeconds()
              + " s",
          silent);
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
      throw new TargetUnavailable("interrupted while waiting for the message broker", stopping);
    }
  }
}
