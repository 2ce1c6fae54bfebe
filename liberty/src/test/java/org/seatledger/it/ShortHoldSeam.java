package org.seatledger.it;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.SeatsReserved;
import org.seatledger.eventlog.api.CommandMetadata;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.eventlog.api.StreamAppend;

/**
 * A test-only way to a hold of a few seconds, for watching one expire on the holds console. The
 * server under test holds seats for its default 15 minutes, which the other tests rely on; rather
 * than shortening it for all of them (or starting a second server), this deployment beside the EAR
 * writes a booking and its hold into the log as the booking module would, with a deadline {@code
 * seconds} from now — the seam {@code ExpiryIT} uses. The EAR's own expiry round (every 10 s) then
 * ends it, exactly as it ends every other hold.
 *
 * <p>{@code POST /booking-pages-it/short-hold?conference=<id>&seconds=<n>} answers the booking's
 * id; the conference must have a {@code standard} seat type. Deployed by {@code BookingPagesIT}
 * (the deployment is built there: this class is loaded in the server, without ShrinkWrap).
 */
@WebServlet("/short-hold")
public class ShortHoldSeam extends HttpServlet {

  @Inject EventStore store;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String conference = request.getParameter("conference");
    int seconds = Integer.parseInt(request.getParameter("seconds"));
    String booking = UUID.randomUUID().toString();
    Instant holdUntil = Instant.now().plusSeconds(seconds);
    String command = "short-hold-" + booking;
    store.append(
        new CommandMetadata(command, command, command, "it-short-hold", "a short hold for a test"),
        List.of(
            new StreamAppend(
                "booking-" + booking,
                "Booking",
                ExpectedVersion.NO_STREAM,
                List.of(
                    new BookingPlaced(
                        booking,
                        conference,
                        "r-" + booking,
                        "Shorty Hold",
                        "shorty@example.org",
                        Map.of("standard", 1),
                        BigDecimal.TEN,
                        "EUR",
                        holdUntil))),
            new StreamAppend(
                "seats-" + conference,
                "SeatAvailability",
                ExpectedVersion.ANY,
                List.of(new SeatsReserved(conference, booking, Map.of("standard", 1), holdUntil)))),
        null);
    response.setContentType("text/plain");
    response.getWriter().write(booking);
  }
}
