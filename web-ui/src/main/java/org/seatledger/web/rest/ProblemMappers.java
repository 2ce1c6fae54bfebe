package org.seatledger.web.rest;

import jakarta.json.bind.JsonbException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.seatledger.booking.api.CommandRefused;
import org.seatledger.eventlog.api.EventDecodingException;
import org.seatledger.eventlog.api.MasterKeyMismatch;
import org.seatledger.eventlog.api.MasterKeyRotationRefused;
import org.seatledger.web.infrastructure.DatabaseOutage;

/**
 * Every failure of the API becomes a problem document with a sentence for a person. Messages of
 * exceptions thrown by libraries are never passed on: they may hold SQL, class names or newlines.
 */
public final class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  private ProblemMappers() {}

  /** Refusals the API raises on purpose carry their own sentence. */
  @Provider
  public static class ApiProblems implements ExceptionMapper<ApiException> {
    @Override
    public Response toResponse(ApiException e) {
      return e.problem().toResponse();
    }
  }

  /** What the booking rules refuse: 400 for bad input, 409 for a clash with the state, 404. */
  @Provider
  public static class Refusals implements ExceptionMapper<CommandRefused> {
    @Override
    public Response toResponse(CommandRefused refused) {
      Status status =
          switch (refused.kind()) {
            case INVALID -> Status.BAD_REQUEST;
            case CONFLICT -> Status.CONFLICT;
            case NOT_FOUND -> Status.NOT_FOUND;
          };
      return Problem.of(status, refused.getMessage()).toResponse();
    }
  }

  /** Bean Validation of a request body: every broken field in one sentence. */
  @Provider
  public static class InvalidInput implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      List<Problem.FieldError> errors =
          e.getConstraintViolations().stream()
              .map(v -> new Problem.FieldError(field(v.getPropertyPath()), v.getMessage()))
              .distinct()
              .sorted(
                  Comparator.comparing(Problem.FieldError::field)
                      .thenComparing(Problem.FieldError::message))
              .toList();
      String fields =
          errors.stream()
              .map(error -> error.field() + " " + error.message())
              .collect(Collectors.joining("; "));
      return Problem.invalidFields("Please correct: " + fields + ".", errors).toResponse();
    }

    /**
     * {@code registrant.email} as it is; a method parameter's {@code create.body.registrant.email}
     * → {@code registrant.email}; {@code seats[vip].<map value>} → {@code seats[vip]} (the
     * validator's names for what is inside a map or list mean nothing to a client).
     */
    private static String field(Path path) {
      String text = path.toString();
      Iterator<Path.Node> nodes = path.iterator();
      int method = nodes.hasNext() && nodes.next().getKind() == ElementKind.METHOD ? 2 : 0;
      String[] names = text.replaceAll("\\.?<[^>]*>", "").split("\\.");
      return names.length <= method
          ? text
          : String.join(".", Arrays.copyOfRange(names, method, names.length));
    }
  }

  /** HTTP-level errors raised by the JAX-RS runtime. */
  @Provider
  public static class HttpErrors implements ExceptionMapper<WebApplicationException> {
    @Context SecurityContext security;

    @Override
    public Response toResponse(WebApplicationException e) {
      Response.StatusType status = e.getResponse().getStatusInfo();
      String detail;
      if (e instanceof NotFoundException) {
        detail = "There is nothing at this address.";
      } else if (e instanceof ForbiddenException) {
        detail = forbidden();
      } else if (e instanceof NotAllowedException) {
        detail = "This address does not accept that method.";
      } else if (e instanceof NotSupportedException) {
        detail = "Send the request body as application/json.";
      } else if (status.getStatusCode() == 400) {
        detail = "The request could not be read; send valid JSON.";
      } else if (status.getFamily() == Status.Family.SERVER_ERROR) {
        return failure(e);
      } else {
        detail = status.getReasonPhrase() + ".";
      }
      Response problem = Problem.of(status, detail).toResponse();
      e.getResponse()
          .getHeaders()
          .forEach(
              (name, values) -> {
                if (name.equalsIgnoreCase("Allow")) {
                  problem.getHeaders().put(name, values);
                }
              });
      return problem;
    }

    private String forbidden() {
      String who =
          security == null || security.getUserPrincipal() == null
              ? "You are"
              : "You are signed in as '" + security.getUserPrincipal().getName() + "' and";
      return who + " not allowed to do this; it needs another role.";
    }
  }

  /** A body that is not JSON, or JSON of the wrong shape. */
  @Provider
  public static class UnreadableBody implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException e) {
      return Problem.of(
              Status.BAD_REQUEST, "The request body is not valid JSON of the expected shape.")
          .toResponse();
    }
  }

  /** The JSON provider wraps parse failures differently in different runtimes. */
  @Provider
  public static class ProcessingFailures implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
      return Problem.of(
              Status.BAD_REQUEST, "The request body is not valid JSON of the expected shape.")
          .toResponse();
    }
  }

  /** A stored event that this code cannot read: loud, with its position, never skipped. */
  @Provider
  public static class UnreadableEvents implements ExceptionMapper<EventDecodingException> {
    @Override
    public Response toResponse(EventDecodingException e) {
      LOG.log(Level.SEVERE, "Unreadable event", e);
      return Problem.of(Status.INTERNAL_SERVER_ERROR, firstLine(e.getMessage())).toResponse();
    }
  }

  /**
   * This server does not hold the database's master key: an admin must configure it. 503, as for a
   * server that is not ready (its readiness check says the same).
   */
  @Provider
  public static class MasterKeyMismatches implements ExceptionMapper<MasterKeyMismatch> {
    @Override
    public Response toResponse(MasterKeyMismatch e) {
      return masterKeyMismatch(e);
    }
  }

  static Response masterKeyMismatch(MasterKeyMismatch e) {
    return Response.fromResponse(
            Problem.of(Status.SERVICE_UNAVAILABLE, e.getMessage()).toResponse())
        .header("Retry-After", "60")
        .build();
  }

  /** A rotation this server cannot do: what to configure. */
  @Provider
  public static class RotationRefusals implements ExceptionMapper<MasterKeyRotationRefused> {
    @Override
    public Response toResponse(MasterKeyRotationRefused e) {
      return Problem.of(Status.CONFLICT, e.getMessage()).toResponse();
    }
  }

  /** A mismatch wrapped by a container layer on its way out still reads as one. */
  static MasterKeyMismatch mismatchIn(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof MasterKeyMismatch mismatch) {
        return mismatch;
      }
      if (cause.getCause() == cause) {
        return null;
      }
    }
    return null;
  }

  /** The database failed or is away; or a statement of ours was wrong (see {@link #failure}). */
  @Provider
  public static class DatabaseTrouble implements ExceptionMapper<PersistenceException> {
    @Override
    public Response toResponse(PersistenceException e) {
      return failure(e);
    }
  }

  /** A transaction that could not commit. */
  @Provider
  public static class FailedTransactions implements ExceptionMapper<TransactionalException> {
    @Override
    public Response toResponse(TransactionalException e) {
      return failure(e);
    }
  }

  /**
   * 503 with {@code Retry-After} when the database could not be used, however the failure was
   * wrapped; anything else — a constraint violation nobody expected, a statement that is wrong — is
   * our bug and a 500 with a reference, because trying again would not help.
   */
  static Response failure(Throwable e) {
    MasterKeyMismatch mismatch = mismatchIn(e);
    if (mismatch != null) {
      return masterKeyMismatch(mismatch);
    }
    return DatabaseOutage.causedBy(e) ? databaseUnavailable(e) : unexpected(e);
  }

  static Response databaseUnavailable(Throwable e) {
    DatabaseOutage.noticed(e);
    return Response.fromResponse(
            Problem.of(Status.SERVICE_UNAVAILABLE, DatabaseOutage.SENTENCE).toResponse())
        .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS)
        .build();
  }

  static String firstLine(String message) {
    if (message == null) {
      return "An error without description.";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /**
   * Anything else is our fault, logged with a reference the user can quote — unless the database
   * failed underneath (a resource wraps its SQLException in an IllegalStateException, say).
   */
  @Provider
  public static class Unexpected implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      return failure(e);
    }
  }

  static Response unexpected(Throwable e) {
    String reference = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error, reference " + reference, e);
    return Problem.of(
            Status.INTERNAL_SERVER_ERROR,
            "Something went wrong on our side. Quote reference " + reference + " to an admin.")
        .toResponse();
  }
}
