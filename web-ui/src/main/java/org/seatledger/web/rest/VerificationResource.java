package org.seatledger.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.VerificationReport;
import org.seatledger.web.security.Roles;

/** Proof that history was not altered: walks the hash chain of a stream or of the whole log. */
@ApplicationScoped
@Tag(name = "Audit")
@Path("admin/verify")
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class VerificationResource {
  /** Looked up once: {@code Json.create…} looks the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject EventLog log;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "verifyHashChain",
      summary = "Verify the hash chain",
      description =
          "Recomputes every event's hash (of one stream with ?streamId=, else of the whole log) and"
              + " reports the first position where stored data no longer matches; 404 when the"
              + " stream named has no event.")
  @APIResponse(
      responseCode = "200",
      description = "The verification's result; not kept (POST /api/audit/verify keeps it)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.LogVerification.class)))
  public JsonObject verify(
      @Parameter(description = "Verify this stream only; without it, the whole log")
          @QueryParam("streamId")
          String streamId) {
    Optional<String> scope = Optional.ofNullable(streamId).filter(id -> !id.isBlank());
    if (scope.isPresent() && log.readStream(scope.get(), 1, 1).isEmpty()) {
      // a stream without events has nothing to vouch for: "OK, 0 events" would read as proof
      throw AuditStreamsResource.noStream(scope.get());
    }
    VerificationReport report = log.verify(scope);
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("ok", report.ok())
            .add("checkedEvents", report.checkedEvents());
    if (report.firstBadPosition() == null) {
      json.addNull("firstBadPosition");
    } else {
      json.add("firstBadPosition", report.firstBadPosition());
    }
    if (report.streamId() == null) {
      json.addNull("streamId");
    } else {
      json.add("streamId", report.streamId());
    }
    return json.add("detail", report.detail()).build();
  }
}
