package org.seatledger.web.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem: what every error of the API looks like. {@code detail} is a sentence a
 * person understands; it never carries a stack trace or a database message.
 *
 * @param type a URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title the short, fixed summary of the status
 * @param status the HTTP status
 * @param detail what went wrong with this request, in plain language
 * @param errors for a 400 on a request body: each field that broke a rule and the rule, so a client
 *     can show the message next to its own input; absent otherwise
 */
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  /**
   * One field of a request body that broke a rule.
   *
   * @param field the field's path in the body, such as {@code registrant.email} or {@code
   *     seats[vip]}
   * @param message the rule it broke, such as {@code must be an e-mail address}
   */
  public record FieldError(String field, String message) {}

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType JSON = MediaType.valueOf(MEDIA_TYPE);

  private static final Jsonb JSONB = JsonbBuilder.create();

  public static Problem of(Response.StatusType status, String detail) {
    return new Problem(
        "about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null);
  }

  /** A 400 naming each broken field, with the same fields in one sentence as its detail. */
  public static Problem invalidFields(String detail, List<FieldError> errors) {
    return new Problem(
        "about:blank",
        Response.Status.BAD_REQUEST.getReasonPhrase(),
        400,
        detail,
        List.copyOf(errors));
  }

  public Response toResponse() {
    return Response.status(status).type(JSON).entity(this).build();
  }

  /** The problem as JSON text, for writers outside JAX-RS (the authentication mechanism). */
  public String toJson() {
    return JSONB.toJson(this);
  }
}
