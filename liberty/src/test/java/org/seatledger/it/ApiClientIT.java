package org.seatledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.seatledger.client.ApiClient;
import org.seatledger.client.ApiException;
import org.seatledger.client.ApiResponse;
import org.seatledger.client.api.AdministrationApi;
import org.seatledger.client.api.AuditApi;
import org.seatledger.client.api.BookingsApi;
import org.seatledger.client.api.ConferencesApi;
import org.seatledger.client.model.AttendeeBody;
import org.seatledger.client.model.Attendees;
import org.seatledger.client.model.Availability;
import org.seatledger.client.model.BookingHeld;
import org.seatledger.client.model.BookingStatus;
import org.seatledger.client.model.BookingStatusSet;
import org.seatledger.client.model.BookingView;
import org.seatledger.client.model.Cancellation;
import org.seatledger.client.model.Chain;
import org.seatledger.client.model.ConferenceCreated;
import org.seatledger.client.model.HistoryEntry;
import org.seatledger.client.model.NewBooking;
import org.seatledger.client.model.NewConference;
import org.seatledger.client.model.NewSeatType;
import org.seatledger.client.model.NewUser;
import org.seatledger.client.model.Payment;
import org.seatledger.client.model.Problem;
import org.seatledger.client.model.Quantity;
import org.seatledger.client.model.Registrant;
import org.seatledger.client.model.SeatTypeCount;

/**
 * The API as an integrator meets it: a Java client generated from the committed description
 * (docs/api/openapi.yaml) by the openapi-generator Maven plugin carries a booking through its whole
 * life on the real server, and sees each refusal as a typed problem with the server's sentence. A
 * change that breaks generated clients breaks this test's compilation or its assertions.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiClientIT {

  private static final String STAFF_PASSWORD = "Client-Staff-pw-2026";
  private static final String AUDITOR_PASSWORD = "Client-Auditor-pw-2026";
  private static String staff;
  private static String auditor;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ClientDeployment.marker("api-client-it");
  }

  @BeforeAll
  static void users() throws Exception {
    Server.awaitReady();
    AdministrationApi admin = new AdministrationApi(client("admin", Http.ADMIN_PASSWORD));
    staff = "client-staff-" + suffix();
    auditor = "client-auditor-" + suffix();
    assertEquals(
        List.of("staff"),
        admin
            .createUser(
                new NewUser().username(staff).password(STAFF_PASSWORD).roles(List.of("staff")))
            .getRoles());
    admin.createUser(
        new NewUser().username(auditor).password(AUDITOR_PASSWORD).roles(List.of("auditor")));
  }

  @Test
  void aBookingGoesThroughItsWholeLifeWithTheGeneratedClient() throws Exception {
    ConferencesApi conferences = new ConferencesApi(client(staff, STAFF_PASSWORD));
    BookingsApi bookings = new BookingsApi(client(staff, STAFF_PASSWORD));

    String slug = "client-" + suffix();
    ApiResponse<ConferenceCreated> created =
        conferences.createConferenceWithHttpInfo(
            new NewConference()
                .name("Client Conf")
                .slug(slug)
                .startsOn(LocalDate.of(2027, 9, 1))
                .endsOn(LocalDate.of(2027, 9, 2))
                .venue("Porto"),
            null,
            null);
    assertEquals(201, created.getStatusCode());
    String conference = created.getData().getId();
    assertEquals(slug, created.getData().getSlug());
    assertTrue(
        created.getHeaders().get("location").get(0).endsWith("/api/conferences/" + conference),
        "Location names the new conference: " + created.getHeaders());

    conferences.addSeatType(
        conference,
        new NewSeatType()
            .code("std")
            .name("Standard")
            .quantity(10)
            .price(new BigDecimal("120.00"))
            .currency("EUR"),
        null,
        null);
    conferences.changeSeatQuantity("std", conference, new Quantity().quantity(12), null, null);
    assertEquals(12, conferences.getConference(conference).getSeatTypes().get(0).getQuantity());
    assertEquals(
        Boolean.TRUE, conferences.publishConference(conference, null, null).getPublished());

    String key = "client-order-" + suffix();
    String correlation = "client-corr-" + suffix();
    NewBooking order =
        new NewBooking()
            .registrant(new Registrant().name("Ada Lovelace").email("ada@example.org"))
            .seats(Map.of("std", 3));
    ApiResponse<BookingHeld> held =
        conferences.placeBookingWithHttpInfo(conference, order, key, correlation);
    assertEquals(201, held.getStatusCode());
    BookingHeld booking = held.getData();
    assertEquals(BookingHeld.StatusEnum.HELD, booking.getStatus());
    assertEquals(0, new BigDecimal("360.00").compareTo(booking.getTotal()));
    assertEquals(correlation, held.getHeaders().get("x-correlation-id").get(0));

    // the same Idempotency-Key again: the first answer, nothing booked twice
    ApiResponse<BookingHeld> repeat =
        conferences.placeBookingWithHttpInfo(conference, order, key, correlation);
    assertEquals(booking.getId(), repeat.getData().getId());
    assertEquals(List.of("true"), repeat.getHeaders().get("idempotent-replayed"));

    Availability afterHold = conferences.getAvailability(conference, booking.getPosition());
    SeatTypeCount std = afterHold.getSeatTypes().get(0);
    assertEquals(3, std.getHeld());
    assertEquals(9, std.getAvailable());

    assertEquals(
        BookingStatusSet.StatusEnum.CONFIRMED,
        bookings
            .confirmBooking(
                booking.getId(),
                new Payment()
                    .paymentReference("PAY-" + suffix())
                    .amount(booking.getTotal())
                    .currency("EUR"),
                null,
                null)
            .getStatus());
    bookings.nameAttendees(
        booking.getId(),
        new Attendees()
            .attendees(
                List.of(
                    new AttendeeBody()
                        .seatType("std")
                        .name("Ada Lovelace")
                        .email("ada@example.org"),
                    new AttendeeBody()
                        .seatType("std")
                        .name("Charles Babbage")
                        .email("cb@example.org"),
                    new AttendeeBody()
                        .seatType("std")
                        .name("Mary Somerville")
                        .email("ms@example.org"))),
        null,
        null);
    BookingView confirmed = bookings.getBooking(booking.getId());
    assertEquals(BookingStatus.CONFIRMED, confirmed.getStatus());
    assertEquals(3, confirmed.getAttendees().size());

    long cancelledAt =
        bookings
            .cancelBooking(booking.getId(), new Cancellation().reason("Plans changed"), null, null)
            .getPosition();
    SeatTypeCount afterCancel =
        conferences.getAvailability(conference, cancelledAt).getSeatTypes().get(0);
    assertEquals(0, afterCancel.getSold());
    assertEquals(12, afterCancel.getAvailable());

    AuditApi audit = new AuditApi(client(auditor, AUDITOR_PASSWORD));
    List<HistoryEntry> history = audit.getStreamHistory("booking-" + booking.getId(), null, null);
    assertEquals(4, history.size(), "placed, confirmed, attendees named, cancelled: " + history);
    assertEquals("BookingCancelled", history.get(0).getType());
    Chain chain = audit.getCorrelationChain(correlation);
    assertEquals(staff, chain.getRequestedBy());
    assertEquals(1, chain.getCommands().size(), "the repeat added no command: " + chain);
  }

  @Test
  void refusalsReachTheClientAsTypedProblemsWithTheServersSentence() throws Exception {
    ConferencesApi conferences = new ConferencesApi(client(staff, STAFF_PASSWORD));
    String conference =
        conferences
            .createConference(
                new NewConference()
                    .name("Small Conf")
                    .slug("small-" + suffix())
                    .startsOn(LocalDate.of(2027, 10, 1))
                    .endsOn(LocalDate.of(2027, 10, 1))
                    .venue("Braga"),
                null,
                null)
            .getId();
    conferences.addSeatType(
        conference,
        new NewSeatType()
            .code("std")
            .name("Standard")
            .quantity(2)
            .price(new BigDecimal("10.00"))
            .currency("EUR"),
        null,
        null);
    conferences.publishConference(conference, null, null);

    Problem tooMany =
        problem(
            409,
            () ->
                conferences.placeBooking(
                    conference,
                    new NewBooking()
                        .registrant(new Registrant().name("Ada").email("ada@example.org"))
                        .seats(Map.of("std", 3)),
                    null,
                    null));
    assertEquals("Conflict", tooMany.getTitle());
    assertTrue(tooMany.getDetail().contains("Not enough seats"), tooMany.getDetail());

    Problem invalid =
        problem(
            400,
            () ->
                conferences.placeBooking(
                    conference,
                    new NewBooking()
                        .registrant(new Registrant().name("Ada").email("not an address"))
                        .seats(Map.of("std", 1)),
                    null,
                    null));
    assertNotNull(invalid.getErrors(), "a broken body names its fields: " + invalid);
    assertEquals("registrant.email", invalid.getErrors().get(0).getField());
    assertEquals("must be an e-mail address", invalid.getErrors().get(0).getMessage());

    Problem missing =
        problem(404, () -> new BookingsApi(client(staff, STAFF_PASSWORD)).getBooking("no-such-id"));
    assertEquals("There is no booking 'no-such-id'.", missing.getDetail());

    Problem forbidden =
        problem(403, () -> new AdministrationApi(client(staff, STAFF_PASSWORD)).listUsers());
    assertTrue(forbidden.getDetail().contains(staff), forbidden.getDetail());

    Problem unauthorized =
        problem(
            401,
            () ->
                new ConferencesApi(client(staff, "a-wrong-password")).listConferences(null, null));
    assertEquals(401, unauthorized.getStatus());
  }

  /** What a call answered when it failed, read as the generated problem type. */
  private static Problem problem(int status, Call call) throws Exception {
    ApiException refused = assertThrows(ApiException.class, call::run);
    assertEquals(status, refused.getCode(), refused.getResponseBody());
    assertTrue(
        refused
            .getResponseHeaders()
            .firstValue("content-type")
            .orElse("")
            .startsWith("application/problem+json"),
        "a problem document: " + refused.getResponseHeaders().map());
    return new ApiClient().getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
  }

  private interface Call {
    void run() throws Exception;
  }

  /** A generated client for the server under test, signing every call in with HTTP Basic. */
  static ApiClient client(String username, String password) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(Http.baseUrl());
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    client.setRequestInterceptor(request -> request.header("Authorization", basic));
    return client;
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
