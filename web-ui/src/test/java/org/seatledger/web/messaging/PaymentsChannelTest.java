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
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentsChannelTest {

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
