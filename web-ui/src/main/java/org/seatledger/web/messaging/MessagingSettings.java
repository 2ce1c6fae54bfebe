package org.seatledger.web.messaging;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The one switch: MicroProfile Reactive Messaging's channel settings, made from {@code
 * SEATLEDGER_KAFKA_*} environment variables. Unset {@code SEATLEDGER_KAFKA_BOOTSTRAP_SERVERS}:
 * every channel is wired to {@link OffConnector}, which connects to nothing, and the relay and the
 * payments channel do not run. Set: the channels use Liberty's {@code liberty-kafka} connector.
 *
 * <p>Every other {@code SEATLEDGER_KAFKA_<NAME>} variable is handed to the Kafka clients as the
 * property {@code <name>} in lower case with dots for underscores ({@code
 * SEATLEDGER_KAFKA_SECURITY_PROTOCOL=SASL_SSL} → {@code security.protocol}), so TLS and SASL
 * settings pass through; such a value also replaces the relay's own default of the same name
 * ({@code acks}, {@code delivery.timeout.ms}, …). A {@code mp.messaging.*} property set the usual
 * MP Config way (system property, environment) still wins: this source's ordinal is below theirs.
 *
 * <p>A config source rather than {@code microprofile-config.properties}, because the connector each
 * channel uses depends on whether one variable is set, which property expressions cannot say.
 */
public class MessagingSettings implements ConfigSource {

  public static final String BOOTSTRAP = "SEATLEDGER_KAFKA_BOOTSTRAP_SERVERS";
  static final String PREFIX = "SEATLEDGER_KAFKA_";
  static final String KAFKA = "liberty-kafka";

  public static final String EVENTS = "seatledger-events";
  public static final String PAYMENTS = "seatledger-payments";
  public static final String REJECTED = "seatledger-payments-rejected";
  public static final String DEAD_LETTERS = "seatledger-payments-dlq";

  static final Map<String, String> TOPICS =
      Map.of(
          EVENTS, "seatledger.events",
          PAYMENTS, "seatledger.payments",
          REJECTED, "seatledger.payments.rejected",
          DEAD_LETTERS, "seatledger.payments.dlq");

  private static final String STRINGS = "org.apache.kafka.common.serialization.String";

  /**
   * What every producer does unless told otherwise: wait for every in-sync replica, write each
   * message once per producer session and in order, and give up on a send within 15 s so a pass of
   * the relay during an outage ends soon and the next one tries again.
   */
  static final Map<String, String> PRODUCER =
      Map.of(
          "acks", "all",
          "enable.idempotence", "true",
          "max.in.flight.requests.per.connection", "5",
          "linger.ms", "5",
          "request.timeout.ms", "5000",
          "delivery.timeout.ms", "15000",
          "max.block.ms", "5000",
          "key.serializer", STRINGS + "Serializer",
          "value.serializer", STRINGS + "Serializer");

  /** The payments consumer: one group for every server, from the oldest unread message. */
  static final Map<String, String> CONSUMER =
      Map.of(
          "group.id",
          "seatledger-payments",
          "auto.offset.reset",
          "earliest",
          "key.deserializer",
          STRINGS + "Deserializer",
          "value.deserializer",
          STRINGS + "Deserializer");

  private static final Set<String> OUTGOING = Set.of(EVENTS, REJECTED, DEAD_LETTERS);

  private final Map<String, String> properties;

  /** Reads the process environment (what Liberty and MP Config read too). */
  public MessagingSettings() {
    this(System.getenv());
  }

  MessagingSettings(Map<String, String> environment) {
    this.properties = properties(environment);
  }

  /** Whether a broker is configured: the relay and the payments channel run. */
  public static boolean enabled(Map<String, String> environment) {
    String servers = environment.get(BOOTSTRAP);
    return servers != null && !servers.isBlank();
  }

  static Map<String, String> properties(Map<String, String> environment) {
    Map<String, String> properties = new LinkedHashMap<>();
    if (!enabled(environment)) {
      TOPICS.keySet().forEach(c -> properties.put(channel(c) + "connector", OffConnector.NAME));
      return properties;
    }
    Map<String, String> passed = new LinkedHashMap<>();
    environment.forEach(
        (name, value) -> {
          if (name.startsWith(PREFIX) && name.length() > PREFIX.length()) {
            passed.put(
                name.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
          }
        });
    passed.forEach(
        (name, value) -> properties.put("mp.messaging.connector." + KAFKA + "." + name, value));
    for (String channel : TOPICS.keySet()) {
      String prefix = channel(channel);
      properties.put(prefix + "connector", KAFKA);
      properties.put(prefix + "topic", TOPICS.get(channel));
      Map<String, String> defaults = OUTGOING.contains(channel) ? PRODUCER : CONSUMER;
      defaults.forEach(
          (name, value) -> properties.put(prefix + name, passed.getOrDefault(name, value)));
    }
    return properties;
  }

  private static String channel(String channel) {
    return "mp.messaging."
        + (OUTGOING.contains(channel) ? "outgoing." : "incoming.")
        + channel
        + ".";
  }

  @Override
  public Set<String> getPropertyNames() {
    return properties.keySet();
  }

  @Override
  public String getValue(String propertyName) {
    return properties.get(propertyName);
  }

  @Override
  public String getName() {
    return "seatledger-messaging";
  }

  /** Below the environment (300) and system properties (400), above the properties file (100). */
  @Override
  public int getOrdinal() {
    return 150;
  }
}
