package org.seatledger.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

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
                    + " new values of fields documented as open; anything else is a new version."))
public class ApiApplication extends Application {}
