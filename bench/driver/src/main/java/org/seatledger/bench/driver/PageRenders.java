package org.seatledger.bench.driver;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the staff pages cost, beside the API calls that read the same rows: the bookings list of a
 * conference of 10,000 bookings (its first page, the read model's query), one booking's page (the
 * aggregate and its short history) and the conferences list. Sequential calls of one signed-in
 * client on its session cookie, after a warm-up, timed by the client on the loopback: the figures
 * are the server's render time plus one local round trip.
 */
final class PageRenders {

  /** In flight at once while the bookings are placed. */
  private static final int WINDOW = 32;

  private PageRenders() {}

  /** Part 8 of the run: a page renders in well under 100 ms with 10,000 bookings in the list. */
  static void run(Run run) {
    int bookings = run.plan.quick() ? 2_000 : 10_000;
    int calls = run.plan.quick() ? 100 : 300;
    Run.log("page renders: a conference of " + bookings + " bookings, " + calls + " calls each");
    String conferenceId = run.conference(bookings, 1);
    String bookingId = place(run, conferenceId, bookings);
    awaitListed(run, conferenceId, bookings);

    JsonObjectBuilder figures = Json.createObjectBuilder().add("bookings", bookings);
    JsonObject list =
        timings(run.staff, "bookings?conference=" + conferenceId, "/bookings?conference=…", calls);
    JsonObject listApi =
        timings(
            run.staff,
            "api/bookings?conferenceId=" + conferenceId,
            "/api/bookings?conferenceId=…",
            calls);
    JsonObject booking = timings(run.staff, "bookings/" + bookingId, "/bookings/{id}", calls);
    JsonObject bookingApi =
        timings(run.staff, "api/bookings/" + bookingId, "/api/bookings/{id}", calls);
    JsonObject conferences = timings(run.staff, "conferences", "/conferences", calls);
    figures
        .add("bookings_list_page", list)
        .add("bookings_list_api", listApi)
        .add("booking_page", booking)
        .add("booking_api", bookingApi)
        .add("conferences_page", conferences);
    run.results.figures.add("pages", figures.build());
    run.results.metrics.add(
        "page_bookings_list_p99_ms", list.getJsonNumber("p99_ms").doubleValue());
    run.results.metrics.add("page_booking_p99_ms", booking.getJsonNumber("p99_ms").doubleValue());
  }

  /**
   * Places {@code count} one-seat bookings, {@link #WINDOW} at a time; answers one booking's id.
   */
  private static String place(Run run, String conferenceId, int count) {
    String last = null;
    List<CompletableFuture<Api.Answer>> window = new ArrayList<>();
    int placed = 0;
    for (int i = 0; i < count; i++) {
      window.add(run.staff.sendAsync(run.booking(run.staff, conferenceId)));
      if (window.size() == WINDOW || i == count - 1) {
        for (CompletableFuture<Api.Answer> answer : window) {
          Api.Answer done = answer.join();
          if (done.status() != 201) {
            throw new IllegalStateException("booking -> " + done.status() + " " + done.body());
          }
          last = done.json().getString("id");
          placed++;
        }
        window.clear();
      }
    }
    run.accepted(placed);
    return last;
  }

  /** Waits until the bookings read model lists all of the conference's bookings. */
  private static void awaitListed(Run run, String conferenceId, int count) {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      Api.Answer page = run.staff.get("api/bookings?conferenceId=" + conferenceId + "&size=1");
      if (page.status() == 200 && page.json().getJsonNumber("total").longValue() >= count) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("the bookings read model did not list " + count + " bookings");
  }

  /** p50 and p99 of {@code calls} sequential GETs of {@code path}, after 30 unreported ones. */
  static JsonObject timings(Api api, String path, String label, int calls) {
    for (int i = 0; i < 30; i++) {
      timed(api, path);
    }
    double[] millis = new double[calls];
    for (int i = 0; i < calls; i++) {
      millis[i] = timed(api, path);
    }
    Arrays.sort(millis);
    return Json.createObjectBuilder()
        .add("path", label)
        .add("calls", calls)
        .add("p50_ms", Results.round(percentile(millis, 0.50)))
        .add("p99_ms", Results.round(percentile(millis, 0.99)))
        .build();
  }

  private static double percentile(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static double timed(Api api, String path) {
    long started = System.nanoTime();
    Api.Answer answer = api.get(path);
    double millis = (System.nanoTime() - started) / 1e6;
    if (answer.status() != 200) {
      throw new IllegalStateException(
          "GET " + path + " -> " + answer.status() + " " + abbreviated(answer.body()));
    }
    return millis;
  }

  private static String abbreviated(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }
}
