package org.seatledger.it.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.seatledger.booking.api.BookingCommand;
import org.seatledger.booking.api.BookingCommands;
import org.seatledger.booking.api.CommandContext;
import org.seatledger.booking.api.CommandResult;
import org.seatledger.it.Http;
import org.seatledger.it.Setup;

/**
 * Two servers write the same conference: the application (its REST API) and this deployment's own
 * booking service on the same database. The application's writer decides on its cached state;
 * whatever the other server appended meanwhile must neither be overwritten (the version guard) nor
 * produce a wrong refusal (a refusal appends nothing, so no guard would catch it).
 */
@ExtendWith(ArquillianExtension.class)
class TwoServersIT {

  @Deployment
  static WebArchive deployment() {
    return StoreDeployment.of("two-servers-it", TwoServersIT.class, Http.class, Setup.class);
  }

  @Inject BookingCommands otherServer;

  @Test
  void seatsFreedOnAnotherServerCanBeBookedHereAtOnce() {
    String conference = conferenceWithSeats(1);
    String first = book(conference).getString("id");

    otherServer.handle(new BookingCommand.CancelBooking(first, "freed elsewhere"), context());

    // a 409 here would rest on the application's outdated cached state
    JsonObject second = book(conference);
    assertEquals(1, held(conference, second.getJsonNumber("position").longValue()));
  }

  @Test
  void seatsTakenOnAnotherServerAreNotSoldTwice() {
    String conference = conferenceWithSeats(2);
    book(conference);

    CommandResult elsewhere =
        otherServer.handle(
            new BookingCommand.PlaceBooking(
                conference, "Other Server", "other@example.org", Map.of("standard", 1)),
            context());
    assertTrue(elsewhere.position() > 0);

    HttpResponse<String> refused = bookResponse(conference);
    assertEquals(409, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("only 0"), refused.body());
    assertEquals(2, held(conference, elsewhere.position()));
  }

  private static CommandContext context() {
    return new CommandContext(null, null, "it-other-server", null);
  }

  private static String conferenceWithSeats(int seats) {
    return Setup.publishedConference(Http.admin(), seats);
  }

  private static JsonObject book(String conference) {
    HttpResponse<String> response = bookResponse(conference);
    assertEquals(201, response.statusCode(), response.body());
    return Http.object(response);
  }

  private static HttpResponse<String> bookResponse(String conference) {
    return Http.admin()
        .postJson(
            "/api/conferences/" + conference + "/bookings",
            "{\"registrant\":{\"name\":\"Ada\",\"email\":\"ada@example.org\"},"
                + "\"seats\":{\"standard\":1}}");
  }

  private static int held(String conference, long atLeast) {
    JsonObject availability =
        Http.object(
            Http.admin()
                .get("/api/conferences/" + conference + "/availability?atLeast=" + atLeast));
    return availability.getJsonArray("seatTypes").getJsonObject(0).getInt("held");
  }
}
