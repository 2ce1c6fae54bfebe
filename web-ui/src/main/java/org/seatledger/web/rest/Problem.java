package org.seatledger.web.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem: what every error of the API looks like. {@code detail} is a sentence a
 * person understands; it never carries a stack trace or a database message.
 *
 * @param type a URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title the short, fixed summary of the status
 * @param status the HTTP status
 * @param detail what went wrong with this request, in plain language
 */
public record Problem(String type, String title, int status, String detail) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType JSON = MediaType.valueOf(MEDIA_TYPE);

  private static final Jsonb JSONB = JsonbBuilder.create();

  public static Problem of(Response.StatusType status, String detail) {
    return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail);
  }

  public Response toResponse() {
    return Response.status(status).type(JSON).entity(this).build();
  }

  /** The problem as JSON text, for writers outside JAX-RS (the authentication mechanism). */
  public String toJson() {
    return JSONB.toJson(this);
  }
}
