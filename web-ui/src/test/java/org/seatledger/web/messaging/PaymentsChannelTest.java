package org.seatledger.web.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seatledger.booking.api.BookingCommand;
import org.seatledger.booking.api.BookingCommands;
import org.seatledger.booking.api.CommandContext;
import org.seatledger.booking.api.CommandOutcome;
import org.seatledger.booking.api.CommandRefused;
import org.seatledger.booking.api.CommandResult;

class PaymentsChannelTest {

  private static final String PAYMENT =
      "{\"bookingId\":\"b-1\",\"paymentReference\":\"PSP-77\",\"amount\":240.00,\"currency\":\"EUR\"}";

  private final List<String> sent = new ArrayList<>();
  private final List<BookingCommand> commands = new ArrayList<>();
  private final List<CommandContext> contexts = new ArrayList<>();
  private CommandResult answer = new CommandResult(77, false, new CommandOutcome.Unchanged("b-1"));
  private CommandRefused refusal;

  private PaymentsChannel channel() {
    PaymentsChannel channel = new PaymentsChannel();
    channel.commands =
        new BookingCommands() {
          @Override
          public CommandResult handle(BookingCommand command, CommandContext context) {
            commands.add(command);
            contexts.add(context);
            if (refusal != null) {
              throw refusal;
            }
            return answer;
          }

          @Override
          public long conflictRetries() {
            return 0;
          }
        };
    channel.publisher =
        new KafkaPublisher() {
          @Override
          void reject(IntegrationEvent rejection) {
            sent.add("rejected: " + rejection.data().getString("reason"));
          }

          @Override
          void deadLetter(String key, Map<String, String> headers, String body) {
            sent.add("dead letter: " + headers.get(PaymentsChannel.DLQ_REASON));
          }
        };
    return channel;
  }

  private static Map<String, String> headers() {
    return Map.of(
        "ce_specversion", "1.0",
        "ce_id", "pay-1",
        "ce_type", "org.seatledger.PaymentReceived",
        "content-type", "application/json");
  }

  @Test
  void aPaymentConfirmsItsBookingThroughTheCommandUnderAnIdMadeFromItsMessageId() {
    channel().handle("b-1", headers(), PAYMENT);

    assertEquals(
        List.of(
            new BookingCommand.ConfirmBooking("b-1", "PSP-77", new BigDecimal("240.00"), "EUR")),
        commands);
    assertEquals("payment-pay-1", contexts.get(0).commandId());
    assertEquals("payments", contexts.get(0).principal());
    assertEquals(List.of(), sent);
  }

  @Test
  void aPaymentTheBookingRefusesIsRejectedWithTheRulesSentence() {
    refusal = CommandRefused.invalid("The payment of 240.00 EUR does not match the total.");

    channel().handle("b-1", headers(), PAYMENT);

    assertEquals(List.of("rejected: The payment of 240.00 EUR does not match the total."), sent);
  }

  @Test
  void aSecondPaymentForABookingAlreadyConfirmedIsRejected() {
    answer = new CommandResult(0, false, new CommandOutcome.Unchanged("b-1"));

    channel().handle("b-1", headers(), PAYMENT);

    assertEquals(List.of("rejected: " + PaymentsChannel.ALREADY_CONFIRMED), sent);
  }

  @Test
  void theSamePaymentAgainIsItsFirstOutcomeAndNotRejected() {
    answer = new CommandResult(77, true, new CommandOutcome.Unchanged("b-1"));

    channel().handle("b-1", headers(), PAYMENT);

    assertEquals(List.of(), sent);
  }

  @Test
  void aMessageThatIsNotAPaymentIsDeadLetteredWithTheReasonAndNoCommandIsSent() {
    channel().handle("b-1", headers(), "{\"bookingId\": 7}");

    assertEquals(List.of(), commands);
    assertEquals(List.of("dead letter: PaymentReceived needs bookingId as a text."), sent);
  }

  @Test
  void aRejectedPaymentMakesThePaymentRejectedOfTheGoldenFileWhichFitsItsSchema()
      throws IOException {
    PaymentReceived payment =
        new PaymentReceived("pay-1", "order-9", "b-1", "PSP-77", new BigDecimal("1.00"), "EUR");
    IntegrationEvent rejection =
        PaymentsChannel.rejection(
            payment,
            "The payment of 1.00 EUR does not match the total of 240.00 EUR.",
            Instant.parse("2026-12-02T10:00:00Z"));

    JsonObject actual = IntegrationContractTest.message(rejection);
    Path file = IntegrationContractTest.GOLDEN.resolve("PaymentRejected.v1.json");
    if (Boolean.getBoolean("golden.write")) {
      Files.createDirectories(IntegrationContractTest.GOLDEN);
      Files.writeString(file, IntegrationContractTest.pretty(actual));
    }
    assertEquals(IntegrationContractTest.read(file), actual);
    JsonObject schema =
        IntegrationContractTest.read(
            IntegrationContractTest.SCHEMAS.resolve("PaymentRejected.v1.json"));
    assertEquals(List.of(), SchemaCheck.problems(schema, actual.getJsonObject("data")));
  }

  @Test
  void theCommandIdOfAPaymentIsTheServersOwnAndFitsItsColumnForAnyMessageId() {
    assertEquals("payment-pay-1", PaymentsChannel.commandId("pay-1"));
    String long1 = "x".repeat(150);
    String long2 = "x".repeat(149) + "y";
    assertTrue(PaymentsChannel.commandId(long1).length() <= 100);
    assertNotEquals(PaymentsChannel.commandId(long1), PaymentsChannel.commandId(long2));
    assertTrue(!PaymentsChannel.commandId(long1).startsWith("c:"));
  }
}
