package org.seatledger.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import org.seatledger.booking.api.BookingCommand;
import org.seatledger.booking.api.CommandContext;
import org.seatledger.booking.api.CommandResult;
import org.seatledger.web.application.UserCommands;

/**
 * Sends a command for the current request: the caller's principal, the {@code Idempotency-Key}
 * header as command id, scoped to the caller (a new id without it; see {@link
 * CommandContext#ofClient}), {@code X-Correlation-ID} when given. Answers with the outcome and the
 * command's global position ({@link CommandJson}); a repeat answers as the first time did.
 */
@ApplicationScoped
public class Commands {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String CORRELATION_ID = "X-Correlation-ID";

  @Inject UserCommands commands;
  @Inject HttpServletRequest request;

  CommandResult send(BookingCommand command, String reason) {
    return commands.send(
        command,
        request.getHeader(IDEMPOTENCY_KEY),
        request.getHeader(CORRELATION_ID),
        request.getUserPrincipal().getName(),
        reason);
  }

  /** 200 with the outcome and position. */
  Response ok(CommandResult result) {
    return respond(Response.ok(), result);
  }

  /** 201 with a Location and the outcome. */
  Response created(URI location, CommandResult result) {
    return respond(Response.status(Status.CREATED).location(location), result);
  }

  private static Response respond(Response.ResponseBuilder builder, CommandResult result) {
    if (result.repeated()) {
      builder.header("Idempotent-Replayed", "true");
    }
    return builder.entity(CommandJson.body(result)).type("application/json").build();
  }
}
