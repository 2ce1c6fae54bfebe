package org.seatledger.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The REST API: JSON under {@code /api}, HTTP Basic, errors as {@code application/problem+json}.
 * {@link ApiContract} completes its description at {@code /openapi}: security, refusals, headers.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Seat Ledger API",
            version = "1",
            description =
                "Event-sourced conference seat booking. Every call needs HTTP Basic credentials (a"
                    + " read may use the session of a signed-in page instead); errors are RFC 9457"
                    + " problem documents. Commands take an Idempotency-Key, so a client can send"
                    + " one again after a timeout without doing it twice. What may change without"
                    + " notice: new endpoints, new optional request fields, new response fields,"
                    + " new values of fields documented as open; anything else is a new version."),
    tags = {
      @Tag(name = "Conferences", description = "Set up conferences and their seat types; book"),
      @Tag(name = "Bookings", description = "Find bookings; confirm, cancel, name attendees"),
      @Tag(
          name = "Audit",
          description =
              "The change history, time travel, search, causation and proof of integrity"),
      @Tag(name = "Personal data", description = "Erase a data subject's personal data"),
      @Tag(name = "Administration", description = "Users, read models and the master key"),
      @Tag(name = "Account", description = "The signed-in user")
    })
public class ApiApplication extends Application {}
