package org.seatledger.web.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentReceivedTest {

  private static final String BODY =
      "{\"bookingId\":\"b-1\",\"paymentReference\":\"PSP-77\",\"amount\":240.00,\"currency\":\"EUR\"}";

  private static Map<String, String> headers() {
    Map<String, String> headers = new HashMap<>();
    headers.put("ce_specversion", "1.0");
    headers.put("ce_id", "pay-1");
    headers.put("ce_type", "org.seatledger.PaymentReceived");
    headers.put("ce_source", "urn:psp");
    headers.put("content-type", "application/json; charset=utf-8");
    return headers;
  }

  @Test
  void aPaymentOfTheContractIsReadWithItsMessageIdAsCorrelation() throws Exception {
    PaymentReceived payment = PaymentReceived.read(headers(), BODY);

    assertEquals(
        new PaymentReceived("pay-1", "pay-1", "b-1", "PSP-77", new BigDecimal("240.00"), "EUR"),
        payment);
  }

  @Test
  void aCorrelationIdHeaderIsKept() throws Exception {
    Map<String, String> headers = headers();
    headers.put("ce_correlationid", "order-9");

    assertEquals("order-9", PaymentReceived.read(headers, BODY).correlationId());
  }

  @Test
  void messagesThatAreNotThePaymentContractAreUnreadableWithTheReason() {
    assertEquals(
        "The message has no ce_id header of 1 to 200 characters.", reason(without("ce_id"), BODY));
    assertEquals(
        "The message's ce_type is org.seatledger.Refund, not org.seatledger.PaymentReceived.",
        reason(with("ce_type", "org.seatledger.Refund"), BODY));
    assertEquals(
        "The message's ce_specversion is not 1.0.", reason(with("ce_specversion", "0.3"), BODY));
    assertEquals(
        "The message's content-type is not application/json.",
        reason(with("content-type", "text/plain"), BODY));
    assertEquals("The message's body is not a JSON object.", reason(headers(), "[1]"));
    assertEquals(
        "PaymentReceived needs amount as a number.",
        reason(headers(), BODY.replace("240.00", "\"240.00\"")));
    assertEquals(
        "PaymentReceived has no field tip.", reason(headers(), BODY.replace("}", ",\"tip\":1}")));
    assertEquals(
        "PaymentReceived needs bookingId as a text.",
        reason(headers(), BODY.replace("\"b-1\"", "\" \"")));
    assertEquals("The message has no body.", reason(headers(), null));
  }

  @Test
  void aBodyThatIsNotJsonIsUnreadable() {
    PaymentReceived.Unreadable unreadable =
        assertThrows(
            PaymentReceived.Unreadable.class, () -> PaymentReceived.read(headers(), "{oops"));
    assertEquals(true, unreadable.getMessage().startsWith("The message's body is not JSON: "));
  }

  private static Map<String, String> without(String header) {
    Map<String, String> headers = headers();
    headers.remove(header);
    return headers;
  }

  private static Map<String, String> with(String header, String value) {
    Map<String, String> headers = headers();
    headers.put(header, value);
    return headers;
  }

  private static String reason(Map<String, String> headers, String body) {
    return assertThrows(PaymentReceived.Unreadable.class, () -> PaymentReceived.read(headers, body))
        .getMessage();
  }
}
