package org.seatledger.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.seatledger.audit.api.AuditQueries;
import org.seatledger.audit.api.AuditQueries.Verification;
import org.seatledger.audit.api.AuditQueries.VerificationRun;
import org.seatledger.web.security.Roles;

/**
 * The auditors' API: hash-chain verification (at once, or started in the background with its
 * progress to poll) and its kept results. Histories and time travel are {@link
 * AuditStreamsResource}, search and export {@link AuditSearchResource}, causation chains {@link
 * CausationResource}, digests {@link DigestResource}.
 */
@ApplicationScoped
@Tag(name = "Audit")
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditResource {

  @Inject AuditQueries audit;

  @POST
  @Path("verify")
  @Operation(
      operationId = "recordVerification",
      summary = "Verify the hash chain now (?streamId= for one stream); the result is kept",
      description = "Answers when done; 404 when the stream named has no event.")
  public Verification verify(
      @Parameter(description = "Verify this stream only; without it, the whole log")
          @QueryParam("streamId")
          String streamId,
      @Context SecurityContext caller) {
    String scope = streamId == null || streamId.isBlank() ? null : streamId;
    return audit
        .verify(scope, caller.getUserPrincipal().getName())
        .orElseThrow(() -> AuditStreamsResource.noStream(scope));
  }

  @POST
  @Path("verifications")
  @Operation(
      operationId = "startVerification",
      summary = "Start a verification in the background (?streamId= for one stream)",
      description =
          "Answers 202 at once with the run (checkedEvents of totalEvents) and its address in"
              + " Location; GET that address until result is set. 404 when the stream named has"
              + " no event.")
  @APIResponse(
      responseCode = "202",
      description = "Started; Location names the run to poll",
      headers =
          @Header(
              name = "Location",
              description = "The run's address",
              schema = @Schema(type = SchemaType.STRING, format = "uri")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = VerificationRun.class)))
  public Response start(
      @Parameter(description = "Verify this stream only; without it, the whole log")
          @QueryParam("streamId")
          String streamId,
      @Context SecurityContext caller,
      @Context UriInfo uri) {
    String scope = streamId == null || streamId.isBlank() ? null : streamId;
    VerificationRun run =
        audit
            .startVerification(scope, caller.getUserPrincipal().getName())
            .orElseThrow(() -> AuditStreamsResource.noStream(scope));
    return Response.accepted(run)
        .location(uri.getBaseUriBuilder().path("audit/verifications").path(run.id()).build())
        .build();
  }

  @GET
  @Path("verifications/{id}")
  @Operation(
      operationId = "getVerificationRun",
      summary = "A verification, running or done: events checked of the total, then its result",
      description =
          "result is null while it runs; updatedAt says when progress was last recorded. 404 for"
              + " an unknown id.")
  public VerificationRun run(@PathParam("id") String id) {
    return audit
        .verificationRun(id)
        .orElseThrow(
            () -> new ApiException(Status.NOT_FOUND, "There is no verification '" + id + "'."));
  }

  @GET
  @Path("verifications")
  @Operation(
      operationId = "listVerifications",
      summary =
          "Kept verification results, newest first: when, what was checked, first bad position")
  public List<Verification> verifications(
      @Parameter(
              description = "Items, newest first",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int32",
                      minimum = "1",
                      maximum = "1000",
                      defaultValue = "50"))
          @QueryParam("limit")
          String size) {
    return audit.verifications(QueryNumbers.whole(size, "limit", 1, 1000, 50L).intValue());
  }

  static Instant instant(String text, String name) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ApiException(
          Status.BAD_REQUEST, name + " must be an ISO-8601 instant such as 2027-05-04T09:00:00Z.");
    }
  }
}
