package org.seatledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Without {@code SEATLEDGER_KAFKA_BOOTSTRAP_SERVERS} (as this server runs) messaging is off: no
 * relay among the projections, and nothing in the server's log about Kafka or a messaging channel
 * that failed, while bookings work as ever. (The broker tests, {@code KafkaIT}, run it on.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MessagingOffIT {

  /** A line the Kafka client logged: Liberty writes the logger's name after the thread id. */
  private static final Pattern KAFKA_LOGGER =
      Pattern.compile("\\] [0-9a-f]{8} org\\.apache\\.kafka");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ClientDeployment.marker("messaging-off-it");
  }

  @Test
  void withoutABrokerThereIsNoRelayAndTheLogSaysNothingOfKafka() throws Exception {
    Server.awaitReady();
    Http admin = Http.admin();
    String conference = Setup.publishedConference(admin, 5);
    HttpResponse<String> booked =
        admin.postJson(
            "/api/conferences/" + conference + "/bookings",
            "{\"registrant\":{\"name\":\"Off\",\"email\":\"off@example.org\"},\"seats\":{\"standard\":1}}");
    assertEquals(201, booked.statusCode(), booked.body());

    HttpResponse<String> projections = admin.get("/api/admin/projections");
    assertEquals(200, projections.statusCode());
    List<String> names =
        ((JsonArray) Http.json(projections))
            .getValuesAs(JsonObject.class).stream().map(p -> p.getString("name")).toList();
    assertTrue(names.contains("reporting.bookings"), names.toString());
    assertTrue(!names.contains("integration.relay"), "no relay without a broker: " + names);

    List<String> kafka =
        log().stream()
            .filter(
                line ->
                    KAFKA_LOGGER.matcher(line).find()
                        || line.contains("CWMRX")
                        || line.contains("SRMSG") && (line.contains(" E ") || line.contains(" W ")))
            .toList();
    assertEquals(List.of(), kafka, "Kafka or messaging in the log of a server without a broker");
  }

  private static List<String> log() throws IOException {
    Path log =
        Path.of(
            "target/liberty/wlp/usr/servers",
            System.getProperty("it.server.name", "seatledger"),
            "logs/messages.log");
    return Files.readAllLines(log);
  }
}
