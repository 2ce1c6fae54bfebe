package org.seatledger.web.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagingSettingsTest {

  @Test
  void withoutBootstrapServersEveryChannelLeadsNowhereAndNoKafkaSettingIsMade() {
    Map<String, String> properties =
        MessagingSettings.properties(Map.of("SEATLEDGER_KAFKA_SECURITY_PROTOCOL", "SSL"));

    assertEquals(
        Map.of(
            "mp.messaging.outgoing.seatledger-events.connector", "seatledger-off",
            "mp.messaging.outgoing.seatledger-payments-rejected.connector", "seatledger-off",
            "mp.messaging.outgoing.seatledger-payments-dlq.connector", "seatledger-off",
            "mp.messaging.incoming.seatledger-payments.connector", "seatledger-off"),
        properties);
    assertFalse(MessagingSettings.enabled(Map.of(MessagingSettings.BOOTSTRAP, " ")));
  }

  @Test
  void withBootstrapServersTheChannelsUseLibertysKafkaConnectorWithAcksFromEveryReplica() {
    Map<String, String> properties =
        MessagingSettings.properties(Map.of(MessagingSettings.BOOTSTRAP, "k1:9092,k2:9092"));

    assertEquals(
        "k1:9092,k2:9092",
        properties.get("mp.messaging.connector.liberty-kafka.bootstrap.servers"));
    String events = "mp.messaging.outgoing.seatledger-events.";
    assertEquals("liberty-kafka", properties.get(events + "connector"));
    assertEquals("seatledger.events", properties.get(events + "topic"));
    assertEquals("all", properties.get(events + "acks"));
    assertEquals("true", properties.get(events + "enable.idempotence"));
    assertEquals(
        "seatledger.payments.rejected",
        properties.get("mp.messaging.outgoing.seatledger-payments-rejected.topic"));
    assertEquals(
        "seatledger.payments.dlq",
        properties.get("mp.messaging.outgoing.seatledger-payments-dlq.topic"));
    String payments = "mp.messaging.incoming.seatledger-payments.";
    assertEquals("seatledger.payments", properties.get(payments + "topic"));
    assertEquals("seatledger-payments", properties.get(payments + "group.id"));
    assertEquals(null, properties.get(payments + "acks"), "producer settings stay off consumers");
  }

  @Test
  void otherKafkaVariablesPassThroughAndReplaceTheDefaultsOfTheSameName() {
    Map<String, String> properties =
        MessagingSettings.properties(
            Map.of(
                MessagingSettings.BOOTSTRAP,
                "k1:9093",
                "SEATLEDGER_KAFKA_SECURITY_PROTOCOL",
                "SASL_SSL",
                "SEATLEDGER_KAFKA_SASL_MECHANISM",
                "SCRAM-SHA-512",
                "SEATLEDGER_KAFKA_DELIVERY_TIMEOUT_MS",
                "60000",
                "SEATLEDGER_DB_URL",
                "jdbc:mysql://db/x"));

    assertEquals(
        "SASL_SSL", properties.get("mp.messaging.connector.liberty-kafka.security.protocol"));
    assertEquals(
        "SCRAM-SHA-512", properties.get("mp.messaging.connector.liberty-kafka.sasl.mechanism"));
    assertEquals(
        "60000", properties.get("mp.messaging.outgoing.seatledger-events.delivery.timeout.ms"));
    assertTrue(properties.keySet().stream().noneMatch(name -> name.contains("db.url")));
  }
}
