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
import org.seatledger.eventlog.api.TimeOrderedIds;
import org.seatledger.web.application.UserCommands;

/**
 * Sends a command for the current request: the caller's principal, the {@code Idempotency-Key}
 * header as command id, scoped to the caller (a new id without it; see {@link
 * CommandContext#ofClient}), {@code X-Correlation-ID} when given (a new one otherwise). Answers
 * with the outcome and the command's global position ({@link CommandJson}) and the correlation id
 * in {@code X-Correlation-ID}, so a client can look up what its call caused; a repeat answers as
 * the first time did.
 */
@ApplicationScoped
public class Commands {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String CORRELATION_ID = "X-Correlation-ID";

  /** The longest correlation id stored; a longer one is replaced, as a missing one is. */
  static final int MAX_CORRELATION_ID = 100;

  @Inject UserCommands commands;
  @Inject HttpServletRequest request;

  CommandResult send(BookingCommand command, String reason) {
    String correlationId = request.getHeader(CORRELATION_ID);
    if (correlationId == null
        || correlationId.isBlank()
        || correlationId.length() > MAX_CORRELATION_ID) {
      correlationId = TimeOrderedIds.nextText();
    }
    request.setAttribute(CORRELATION_ID, correlationId);
    return commands.send(
        command,
        request.getHeader(IDEMPOTENCY_KEY),
        correlationId,
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

  private Response respond(Response.ResponseBuilder builder, CommandResult result) {
    if (request.getAttribute(CORRELATION_ID) instanceof String correlationId) {
      builder.header(CORRELATION_ID, correlationId);
    }
    if (result.repeated()) {
      builder.header("Idempotent-Replayed", "true");
    }
    return builder.entity(CommandJson.body(result)).type("application/json").build();
  }
}
