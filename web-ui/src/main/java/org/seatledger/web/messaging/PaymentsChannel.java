package org.seatledger.web.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.seatledger.booking.api.BookingCommand;
import org.seatledger.booking.api.BookingCommands;
import org.seatledger.booking.api.CommandContext;
import org.seatledger.booking.api.CommandRefused;
import org.seatledger.booking.api.CommandResult;

/**
 * Inbound payments on {@code seatledger.payments}: a {@code PaymentReceived} confirms its booking
 * through the same command as {@code POST /api/bookings/{id}/confirm}, so the booking's own rules
 * decide (amount and currency must be its total, it must be held). The command id is made from the
 * message's {@code ce_id}: a redelivered message is the same command and confirms once. A refusal,
 * or a second payment for a booking already confirmed, goes out as {@code PaymentRejected} on
 * {@code seatledger.payments.rejected} with the rule's sentence; a message that is not a {@code
 * PaymentReceived} goes to {@code seatledger.payments.dlq} as it came, with the reason in the
 * header {@value #DLQ_REASON}. Either way the message is then acknowledged and the channel goes on
 * with the next.
 *
 * <p>A failure that is not the message's fault (the database or the broker away) is tried again,
 * waiting longer each time, up to 30 s apart: payments wait rather than being lost or rejected.
 */
@ApplicationScoped
public class PaymentsChannel {

  static final String DLQ_REASON = "seatledger_dlq_reason";

  /** Who the log names as the author of payments that came in as messages. */
  static final String PRINCIPAL = "payments";

  static final String ALREADY_CONFIRMED =
      "The booking is confirmed already, by another payment; this one was not needed.";

  private static final Logger LOG = Logger.getLogger(PaymentsChannel.class.getName());
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject BookingCommands commands;
  @Inject KafkaPublisher publisher;

  @Incoming(MessagingSettings.PAYMENTS)
  public CompletionStage<Void> receive(Message<String> message) {
    ConsumerRecord<?, ?> record = record(message);
    Map<String, String> headers = headers(record);
    String key = record == null || record.key() == null ? null : record.key().toString();
    for (long wait = 1000; ; wait = Math.min(wait * 2, 30_000)) {
      try {
        handle(key, headers, message.getPayload());
        return message.ack();
      } catch (RuntimeException notTheMessage) {
        LOG.log(
            Level.WARNING,
            "a payment message could not be handled now; trying again in " + wait / 1000 + " s",
            notTheMessage);
        if (!sleep(wait)) {
          return message.nack(notTheMessage);
        }
      }
    }
  }

  /** One message, without the retries: confirm, reject or dead-letter it. */
  void handle(String key, Map<String, String> headers, String body) {
    PaymentReceived payment;
    try {
      payment = PaymentReceived.read(headers, body);
    } catch (PaymentReceived.Unreadable unreadable) {
      Map<String, String> dead = new LinkedHashMap<>(headers);
      dead.put(DLQ_REASON, unreadable.getMessage());
      publisher.deadLetter(key, dead, body == null ? "" : body);
      LOG.info(() -> "payment message to the dead-letter topic: " + unreadable.getMessage());
      return;
    }
    CommandResult result;
    try {
      result =
          commands.handle(
              new BookingCommand.ConfirmBooking(
                  payment.bookingId(),
                  payment.paymentReference(),
                  payment.amount(),
                  payment.currency()),
              new CommandContext(
                  commandId(payment.messageId()), payment.correlationId(), PRINCIPAL, null));
    } catch (CommandRefused refused) {
      publisher.reject(rejection(payment, refused.getMessage(), Instant.now()));
      return;
    }
    if (result.position() == 0) {
      // The booking was confirmed already, by another payment (the same payment again answers
      // with its first outcome, which has that confirmation's position): this one was not needed.
      publisher.reject(rejection(payment, ALREADY_CONFIRMED, Instant.now()));
    }
  }

  /**
   * A server-made command id ({@link CommandContext}: never a client's {@code c:} namespace), short
   * enough for the column also for a long {@code ce_id}.
   */
  static String commandId(String messageId) {
    String id = "payment-" + messageId;
    if (id.length() <= 100) {
      return id;
    }
    try {
      byte[] hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(messageId.getBytes(StandardCharsets.UTF_8));
      return "payment-h:" + HexFormat.of().formatHex(hash);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /**
   * The {@code PaymentRejected} for a refused payment. Its id is made from the payment's, so a
   * redelivered payment that is refused again makes the same message, which consumers drop.
   */
  static IntegrationEvent rejection(PaymentReceived payment, String reason, Instant now) {
    return new IntegrationEvent(
        "rejected-" + payment.messageId(),
        "PaymentRejected",
        IntegrationContract.TYPES.get("PaymentRejected"),
        payment.bookingId(),
        payment.bookingId(),
        now,
        0,
        payment.correlationId(),
        payment.messageId(),
        JSON.createObjectBuilder()
            .add("paymentId", payment.messageId())
            .add("bookingId", payment.bookingId())
            .add("paymentReference", payment.paymentReference())
            .add("amount", payment.amount())
            .add("currency", payment.currency())
            .add("reason", reason)
            .build());
  }

  private static ConsumerRecord<?, ?> record(Message<String> message) {
    try {
      return message.unwrap(ConsumerRecord.class);
    } catch (RuntimeException notKafka) {
      return null;
    }
  }

  /** The record's headers as text, the last value of each name. */
  private static Map<String, String> headers(ConsumerRecord<?, ?> record) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (record != null) {
      for (Header header : record.headers()) {
        headers.put(
            header.key(),
            header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
      }
    }
    return headers;
  }

  private static boolean sleep(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
