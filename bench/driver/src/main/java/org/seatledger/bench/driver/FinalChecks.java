package org.seatledger.bench.driver;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The correctness checks at the end of a run: every booking the server accepted is in the log (one
 * command, two events), the hash chain of the whole log verifies, and no seat type is oversold in
 * the availability read model.
 */
final class FinalChecks {

  private FinalChecks() {}

  static void run(Run run) throws Exception {
    Database db = run.db;
    long accepted = run.bookingsAccepted();
    long placed =
        db.count(
            "SELECT COUNT(*) FROM processed_commands WHERE command_id LIKE ?",
            run.bookingCommandIds());
    long events =
        db.count("SELECT COUNT(*) FROM events WHERE command_id LIKE ?", run.bookingCommandIds());
    run.check(
        placed == accepted && events == 2 * accepted,
        "bookings: "
            + accepted
            + " accepted over HTTP, the log has "
            + placed
            + " commands and "
            + events
            + " events for them (2 per booking expected)");
    JsonObject verified = run.admin.must("api/admin/verify", null);
    run.check(verified.getBoolean("ok"), "hash chain: " + verified);
    long oversold =
        db.count(
            "SELECT COUNT(*) FROM reporting_seat_types s JOIN reporting_projections p"
                + " ON p.name = 'reporting.availability' AND s.generation = p.generation"
                + " WHERE s.held + s.sold > s.capacity",
            null);
    run.check(oversold == 0, oversold + " seat types are oversold in the read model");
    run.results.figures.add(
        "checks",
        Json.createObjectBuilder()
            .add("bookings_accepted", accepted)
            .add("booking_commands_in_log", placed)
            .add("booking_events_in_log", events)
            .add("chain_verified_events", verified.getJsonNumber("checkedEvents").longValue())
            .add("oversold_seat_types", oversold));
  }
}
