package org.seatledger.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seatledger.it.cluster.ClusterApi.admin;
import static org.seatledger.it.cluster.ClusterApi.bookOne;
import static org.seatledger.it.cluster.ClusterApi.conferenceWithSeats;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.seatledger.it.Http;
import org.seatledger.it.cluster.Topic.Received;

/**
 * Integration events and payments over a real Kafka broker ({@code dev/kafka}, started here on its
 * own port and data folder) with a server of its own: what other systems see on the topics, and
 * that neither a broker outage nor a crash of the server loses or reorders an event. The kill tests
 * run last because they take the broker or the server down (each test books on its own conference,
 * so none depends on another's data).
 */
@Tag(ClusterTests.KAFKA_TAG)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaIT {

  private static final String EVENTS = "seatledger.events";
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private static KafkaBroker broker;
  private static LibertyServer server;

  @BeforeAll
  static void aServerWithABroker() {
    broker = KafkaBroker.start("relay", 39092);
    server =
        LibertyServer.create(
                "kafkait",
                19680,
                Map.of(
                    "SEATLEDGER_KAFKA_BOOTSTRAP_SERVERS",
                    broker.bootstrap(),
                    "SEATLEDGER_ADMIN_PASSWORD",
                    ClusterApi.ADMIN_PASSWORD,
                    "SEATLEDGER_MASTER_KEY",
                    "k4fK4fK4fK4fK4fK4fK4fK4fK4fK4fK4fK4fK4fK4fA="))
            .start();
    ClusterTests.awaitReady(server);
  }

  @AfterAll
  static void stop() {
    ClusterTests.closeAll(server, broker);
  }

  @Test
  @Order(1)
  void bookingsAppearOnTheTopicInLogOrderPerConferenceEachOnceWithCloudEventsHeaders() {
    Http http = admin(server);
    String first = conferenceWithSeats(server, 100);
    String second = conferenceWithSeats(server, 100);
    Set<String> booked = new LinkedHashSet<>();
    for (int i = 0; i < 10; i++) {
      booked.add(booked(bookOne(http, first, "First " + i)));
      booked.add(booked(bookOne(http, second, "Second " + i)));
    }

    List<Received> messages = placedOnTheTopic(Set.of(first, second), booked);

    Map<String, Long> copies =
        messages.stream()
            .collect(Collectors.groupingBy(m -> m.header("ce_id"), Collectors.counting()));
    assertEquals(Set.of(1L), Set.copyOf(copies.values()), "each event once");
    for (String conference : List.of(first, second)) {
      List<Received> own = ofConference(messages, conference);
      assertEquals(
          1, own.stream().map(Received::partition).distinct().count(), "one partition, by key");
      assertIncreasing(positions(own), conference);
      // published, capacity, and per booking: placed and its seats held
      assertEquals(2 + 2 * 10, own.size(), types(own).toString());
      assertEquals(
          List.of("SeatAvailabilityChanged", "ConferencePublished"), types(own).subList(0, 2));
    }
    for (Received message : messages) {
      assertEquals("1.0", message.header("ce_specversion"));
      assertTrue(
          message.header("ce_type").startsWith("org.seatledger."), message.headers().toString());
      assertEquals("urn:seatledger", message.header("ce_source"));
      assertEquals("application/json", message.header("content-type"));
      assertEquals("1", message.header("ce_schemaversion"));
      assertNotNull(Instant.parse(message.header("ce_time")));
      assertNotNull(message.header("ce_correlationid"));
      assertNotNull(message.header("ce_causationid"));
    }
    Received placed =
        messages.stream().filter(m -> type(m).equals("BookingPlaced")).findFirst().orElseThrow();
    JsonObject data = placed.data();
    assertEquals(
        Set.of(
            "bookingId", "conferenceId", "registrantId", "seats", "total", "currency", "holdUntil"),
        data.keySet());
    assertFalse(
        placed.body().contains("someone@example.org"), "no personal data: " + placed.body());
  }

  @Test
  @Order(2)
  void aPaymentDeliveredThreeTimesConfirmsItsBookingOnce() {
    String conference = conferenceWithSeats(server, 10);
    String booking = booked(bookOne(admin(server), conference, "Payer"));

    for (int i = 0; i < 3; i++) {
      pay("psp-" + booking, booking, "10.00", "EUR");
    }

    awaitStatus(booking, "CONFIRMED");
    List<Received> confirmed =
        readUntil(
            EVENTS, all -> all.stream().anyMatch(m -> isConfirmationOf(m, booking)), PATIENCE);
    assertEquals(1, confirmed.stream().filter(m -> isConfirmationOf(m, booking)).count());
    long inTheLog =
        ClusterApi.events(server, "booking-" + booking).stream()
            .filter(e -> e.getString("type").equals("BookingConfirmed"))
            .count();
    assertEquals(1, inTheLog, "one confirmation in the log");
  }

  @Test
  @Order(3)
  void aPaymentOfTheWrongAmountIsRejectedWithTheReasonAndTheBookingStaysHeld() {
    String conference = conferenceWithSeats(server, 10);
    String booking = booked(bookOne(admin(server), conference, "Underpayer"));

    pay("psp-short-" + booking, booking, "3.00", "EUR");

    List<Received> rejected =
        readUntil(
            "seatledger.payments.rejected",
            all -> all.stream().anyMatch(m -> booking.equals(m.key())),
            PATIENCE);
    Received rejection =
        rejected.stream().filter(m -> booking.equals(m.key())).findFirst().orElseThrow();
    assertEquals("org.seatledger.PaymentRejected", rejection.header("ce_type"));
    assertEquals("psp-short-" + booking, rejection.header("ce_causationid"));
    assertTrue(
        rejection.data().getString("reason").contains("does not match the total"),
        rejection.body());
    assertEquals("HELD", bookingStatus(booking));
  }

  @Test
  @Order(4)
  void aMessageThatCannotBeReadGoesToTheDeadLetterTopicAndTheChannelGoesOn() {
    String conference = conferenceWithSeats(server, 10);
    String booking = booked(bookOne(admin(server), conference, "After a bad message"));
    String bad = "bad-" + booking;
    Topic.send(
        broker.bootstrap(),
        "seatledger.payments",
        booking,
        Map.of(
            "ce_specversion", "1.0",
            "ce_id", bad,
            "ce_type", "org.seatledger.PaymentReceived",
            "content-type", "application/json"),
        "{\"bookingId\": \"" + booking + "\", \"amount\": ");

    pay("psp-" + booking, booking, "10", "EUR");

    List<Received> dead =
        readUntil(
            "seatledger.payments.dlq",
            all -> all.stream().anyMatch(m -> bad.equals(m.header("ce_id"))),
            PATIENCE);
    Received letter =
        dead.stream().filter(m -> bad.equals(m.header("ce_id"))).findFirst().orElseThrow();
    assertTrue(
        letter.header("seatledger_dlq_reason").startsWith("The message's body is not JSON"),
        letter.headers().toString());
    assertEquals("{\"bookingId\": \"" + booking + "\", \"amount\": ", letter.body(), "as it came");
    awaitStatus(booking, "CONFIRMED");
  }

  @Test
  @Order(5)
  void aBrokerKilledMidStreamPausesTheRelayLosesNothingAndItCatchesUp() throws Exception {
    // seats for the whole test: with a group in one round trip the load sold 1,000 seats before
    // the relay noticed the broker was gone, and the bookings that must go on meanwhile were
    // refused
    String conference = conferenceWithSeats(server, 100_000);
    Load load = new Load(conference);
    load.awaitAcknowledged(10);

    broker.kill();
    JsonObject relay = awaitRelay("RETRYING");
    assertTrue(relay.getString("error").contains("broker"), relay.toString());
    assertEquals(200, ClusterTests.health(server, "ready").statusCode(), "the rest serves");
    load.awaitAcknowledged(load.acknowledged.size() + 5); // bookings go on meanwhile
    broker.start();
    Set<String> booked = load.stop();

    List<Received> own = ofConference(placedOnTheTopic(Set.of(conference), booked), conference);
    assertIncreasing(firstOccurrences(own), conference);
    awaitRelay("RUNNING");
  }

  @Test
  @Order(6)
  void aServerKilledMidStreamResendsAtMostTheUnacknowledgedTail() throws Exception {
    String conference = conferenceWithSeats(server, 1000);
    Load load = new Load(conference);
    load.awaitAcknowledged(15);

    server.kill();
    Set<String> beforeTheCrash = load.stop();
    server.start();
    ClusterTests.awaitReady(server);
    Set<String> booked = new LinkedHashSet<>(beforeTheCrash);
    for (int i = 0; i < 5; i++) {
      booked.add(booked(bookOne(admin(server), conference, "After the crash " + i)));
    }

    List<Received> own = ofConference(placedOnTheTopic(Set.of(conference), booked), conference);
    List<Long> first = firstOccurrences(own);
    assertIncreasing(first, conference);
    List<Long> repeated = repeated(own);
    // a repeat is an event sent before the crash whose checkpoint had not been committed: the
    // newest ones before the crash, never one from before the last committed checkpoint
    int crash = first.indexOf(repeated.isEmpty() ? -1L : repeated.get(0));
    if (!repeated.isEmpty()) {
      assertEquals(first.subList(crash, crash + repeated.size()), repeated, "a tail, once more");
      assertTrue(repeated.size() <= 500, "at most one batch: " + repeated.size());
    }
    System.out.println("KafkaIT: events repeated after the crash: " + repeated.size());
  }

  /** Books one standard seat after another on its own thread until stopped. */
  private static final class Load {
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final Future<?> done;

    Load(String conference) {
      Http http = admin(server);
      done =
          thread.submit(
              () -> {
                int i = 0;
                while (running.get()) {
                  try {
                    HttpResponse<String> answer = bookOne(http, conference, "Load " + i++);
                    if (answer.statusCode() == 201) {
                      acknowledged.add(Http.object(answer).getString("id"));
                    }
                  } catch (RuntimeException serverAway) {
                    MariaDbInstance.sleep(200);
                  }
                }
              });
    }

    void awaitAcknowledged(int count) {
      Instant deadline = Instant.now().plus(PATIENCE);
      while (acknowledged.size() < count) {
        assertTrue(Instant.now().isBefore(deadline), "only " + acknowledged.size() + " booked");
        MariaDbInstance.sleep(100);
      }
    }

    Set<String> stop() throws Exception {
      running.set(false);
      done.get();
      thread.shutdown();
      return Set.copyOf(acknowledged);
    }
  }

  private static String booked(HttpResponse<String> answer) {
    assertEquals(201, answer.statusCode(), answer.body());
    return Http.object(answer).getString("id");
  }

  private static void pay(String paymentId, String booking, String amount, String currency) {
    Topic.send(
        broker.bootstrap(),
        "seatledger.payments",
        booking,
        Map.of(
            "ce_specversion", "1.0",
            "ce_id", paymentId,
            "ce_type", "org.seatledger.PaymentReceived",
            "ce_source", "urn:test-psp",
            "content-type", "application/json"),
        "{\"bookingId\":\""
            + booking
            + "\",\"paymentReference\":\"PSP-1\",\"amount\":"
            + amount
            + ",\"currency\":\""
            + currency
            + "\"}");
  }

  /** Every message of the conferences, read until each booked booking's placement is there. */
  private static List<Received> placedOnTheTopic(Set<String> conferences, Set<String> booked) {
    List<Received> all =
        readUntil(
            EVENTS,
            messages ->
                messages.stream()
                    .filter(m -> type(m).equals("BookingPlaced"))
                    .map(m -> m.data().getString("bookingId"))
                    .collect(Collectors.toSet())
                    .containsAll(booked),
            PATIENCE);
    Set<String> onTheTopic =
        all.stream()
            .filter(m -> type(m).equals("BookingPlaced"))
            .map(m -> m.data().getString("bookingId"))
            .collect(Collectors.toSet());
    Set<String> missing = new LinkedHashSet<>(booked);
    missing.removeAll(onTheTopic);
    assertEquals(Set.of(), missing, "acknowledged bookings missing on the topic");
    return all.stream().filter(m -> conferences.contains(m.key())).toList();
  }

  private static List<Received> readUntil(
      String topic, java.util.function.Predicate<List<Received>> enough, Duration patience) {
    return Topic.read(broker.bootstrap(), topic, enough, patience);
  }

  private static List<Received> ofConference(List<Received> messages, String conference) {
    return messages.stream().filter(m -> conference.equals(m.key())).toList();
  }

  private static String type(Received message) {
    return message.header("ce_type").substring("org.seatledger.".length());
  }

  private static List<String> types(List<Received> messages) {
    return messages.stream().map(KafkaIT::type).toList();
  }

  private static List<Long> positions(List<Received> messages) {
    return messages.stream().map(Received::position).toList();
  }

  /**
   * Positions in topic order, each the first time it appears (what a de-duplicating consumer
   * keeps).
   */
  private static List<Long> firstOccurrences(List<Received> messages) {
    Set<String> seen = new java.util.HashSet<>();
    List<Long> first = new ArrayList<>();
    for (Received message : messages) {
      if (seen.add(message.header("ce_id"))) {
        first.add(message.position());
      }
    }
    return first;
  }

  /** Positions of messages whose event id came before, in topic order. */
  private static List<Long> repeated(List<Received> messages) {
    Set<String> seen = new java.util.HashSet<>();
    List<Long> again = new ArrayList<>();
    for (Received message : messages) {
      if (!seen.add(message.header("ce_id"))) {
        again.add(message.position());
      }
    }
    return again;
  }

  private static void assertIncreasing(List<Long> positions, String conference) {
    for (int i = 1; i < positions.size(); i++) {
      assertTrue(
          positions.get(i) > positions.get(i - 1),
          "out of log order for " + conference + " at " + i + ": " + positions);
    }
  }

  private static boolean isConfirmationOf(Received message, String booking) {
    return type(message).equals("BookingConfirmed")
        && booking.equals(message.data().getString("bookingId"));
  }

  private static String bookingStatus(String booking) {
    HttpResponse<String> answer = admin(server).get("/api/bookings/" + booking);
    assertEquals(200, answer.statusCode(), answer.body());
    return Http.object(answer).getString("status");
  }

  private static void awaitStatus(String booking, String status) {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (!bookingStatus(booking).equals(status)) {
      assertTrue(Instant.now().isBefore(deadline), booking + " never became " + status);
      MariaDbInstance.sleep(250);
    }
  }

  /** The relay's row of /api/admin/projections once it has {@code status}. */
  private static JsonObject awaitRelay(String status) {
    Instant deadline = Instant.now().plus(PATIENCE);
    Map<String, JsonObject> last = new HashMap<>();
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> answer = admin(server).get("/api/admin/projections");
      assertEquals(200, answer.statusCode(), answer.body());
      for (JsonObject row : ((JsonArray) Http.json(answer)).getValuesAs(JsonObject.class)) {
        last.put(row.getString("name"), row);
      }
      JsonObject relay = last.get("integration.relay");
      if (relay != null && status.equals(relay.getString("status"))) {
        return relay;
      }
      MariaDbInstance.sleep(500);
    }
    throw new AssertionError("the relay never became " + status + ": " + new LinkedHashMap<>(last));
  }
}
