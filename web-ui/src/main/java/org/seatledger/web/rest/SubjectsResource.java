package org.seatledger.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.seatledger.audit.api.AuditQueries;
import org.seatledger.booking.api.PersonalDataErasure;
import org.seatledger.booking.api.PersonalDataErasure.Erasure;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.reporting.api.ReportingQueries;
import org.seatledger.web.security.Roles;

/** Erasure of a person's data (GDPR art. 17) in an append-only log, by deleting their key. */
@ApplicationScoped
@Tag(name = "Personal data")
@Path("subjects")
@RolesAllowed(Roles.ADMIN)
public class SubjectsResource {
  /** Looked up once: {@code Json.create…} looks the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** How long the answer waits, in all, for the read models to apply the erasure. */
  static final Duration PATIENCE = Duration.ofSeconds(5);

  @Inject PersonalDataErasure erasure;
  @Inject ReportingQueries reporting;
  @Inject AuditQueries audit;

  @POST
  @Path("{subjectId}/erase")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "eraseSubject",
      summary = "Erase a person's personal data",
      description =
          "Deletes the person's data key: their names, e-mails and other personal data read as"
              + " [erased] from now on, everywhere; the events themselves and the hash chain stay"
              + " intact. Answers with the erasure's position, how many events name the person,"
              + " and each read model: cleaned (it has applied the erasure) or pending (not within"
              + " 5 s; ask again). Idempotent: a repeat answers the same; 404 only for a subject"
              + " that never had personal data.")
  @APIResponse(
      responseCode = "200",
      description = "Erased (or erased already): the position and each read model's state",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.SubjectErasure.class)))
  public JsonObject erase(
      @PathParam("subjectId") String subjectId, @Context SecurityContext caller) {
    Erasure erased =
        erasure
            .erase(subjectId, caller.getUserPrincipal().getName())
            .orElseThrow(
                () ->
                    new ApiException(
                        Status.NOT_FOUND,
                        "There is no personal data of subject '" + subjectId + "' to erase."));
    Instant deadline = Instant.now().plus(PATIENCE);
    JsonObjectBuilder readModels = JSON.createObjectBuilder();
    boolean complete = true;
    for (ProjectionStatus model : reporting.projections()) {
      boolean cleaned = reporting.awaitPosition(model.name(), erased.position(), left(deadline));
      readModels.add(model.name(), cleaned ? "cleaned" : "pending");
      complete &= cleaned;
    }
    for (ProjectionStatus model : audit.projections()) {
      boolean cleaned = audit.awaitPosition(erased.position(), left(deadline));
      readModels.add(model.name(), cleaned ? "cleaned" : "pending");
      complete &= cleaned;
    }
    return JSON.createObjectBuilder()
        .add("subjectId", subjectId)
        .add("erased", true)
        .add("position", erased.position())
        .add("events", erased.events())
        .add("readModels", readModels)
        .add("complete", complete)
        .build();
  }

  private static Duration left(Instant deadline) {
    Duration left = Duration.between(Instant.now(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }
}
