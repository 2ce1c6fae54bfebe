package org.seatledger.web.messaging;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An inbound {@code PaymentReceived} (schema version 1) from a payment system, read from a message
 * on {@code seatledger.payments} in the CloudEvents Kafka binding (binary mode). Reading is strict,
 * as on the REST API: a message that is not exactly the contract is {@link Unreadable}, with a
 * sentence that goes to the dead-letter topic. Whether the payment fits its booking is not decided
 * here but by the booking's own rules, as for a payment recorded through the API.
 *
 * @param messageId the message's {@code ce_id}: a redelivery repeats it, so it is the command id
 */
public record PaymentReceived(
    String messageId,
    String correlationId,
    String bookingId,
    String paymentReference,
    BigDecimal amount,
    String currency) {

  public static final String TYPE = IntegrationContract.TYPE_PREFIX + "PaymentReceived";
  private static final Set<String> FIELDS =
      Set.of("bookingId", "paymentReference", "amount", "currency");
  private static final int MAX_ID = 200;
  private static final JsonProvider JSON = JsonProvider.provider();

  /** A message that is not a {@code PaymentReceived} of the contract; the sentence says why. */
  public static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String sentence) {
      super(sentence, null, false, false);
    }
  }

  /**
   * Reads a message.
   *
   * @param headers the message's headers (the last value of each name)
   * @throws Unreadable when the headers or the body are not the contract's
   */
  public static PaymentReceived read(Map<String, String> headers, String body) throws Unreadable {
    String id = headers.get(CloudEvents.ID);
    if (id == null || id.isBlank() || id.length() > MAX_ID) {
      throw new Unreadable("The message has no ce_id header of 1 to " + MAX_ID + " characters.");
    }
    if (!CloudEvents.SPEC_VERSION.equals(headers.get(CloudEvents.SPECVERSION))) {
      throw new Unreadable("The message's ce_specversion is not 1.0.");
    }
    if (!TYPE.equals(headers.get(CloudEvents.TYPE))) {
      throw new Unreadable(
          "The message's ce_type is " + headers.get(CloudEvents.TYPE) + ", not " + TYPE + ".");
    }
    String contentType = headers.get(CloudEvents.CONTENT_TYPE);
    if (contentType == null || !contentType.startsWith(CloudEvents.JSON)) {
      throw new Unreadable("The message's content-type is not application/json.");
    }
    String version = headers.get(CloudEvents.SCHEMA_VERSION);
    if (version != null && !version.equals("1")) {
      throw new Unreadable("PaymentReceived has schema version 1 only, not " + version + ".");
    }
    JsonObject data = object(body);
    Set<String> unknown = new TreeSet<>(data.keySet());
    unknown.removeAll(FIELDS);
    if (!unknown.isEmpty()) {
      throw new Unreadable("PaymentReceived has no field " + String.join(", ", unknown) + ".");
    }
    String correlation = headers.get(CloudEvents.CORRELATION_ID);
    return new PaymentReceived(
        id,
        correlation == null || correlation.isBlank() ? id : correlation,
        text(data, "bookingId"),
        text(data, "paymentReference"),
        amount(data),
        text(data, "currency"));
  }

  private static JsonObject object(String body) throws Unreadable {
    if (body == null) {
      throw new Unreadable("The message has no body.");
    }
    try (JsonReader reader = JSON.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new Unreadable("The message's body is not a JSON object.");
      }
      return value.asJsonObject();
    } catch (JsonException | IllegalStateException e) {
      throw new Unreadable("The message's body is not JSON: " + firstLine(e.getMessage()));
    }
  }

  private static String text(JsonObject data, String field) throws Unreadable {
    JsonValue value = data.get(field);
    if (!(value instanceof JsonString string) || string.getString().isBlank()) {
      throw new Unreadable("PaymentReceived needs " + field + " as a text.");
    }
    return string.getString();
  }

  private static BigDecimal amount(JsonObject data) throws Unreadable {
    if (!(data.get("amount") instanceof JsonNumber number)) {
      throw new Unreadable("PaymentReceived needs amount as a number.");
    }
    return number.bigDecimalValue();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
