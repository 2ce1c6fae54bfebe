package org.seatledger.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.web.application.ReadModelOperations;
import org.seatledger.web.messaging.IntegrationRelay;
import org.seatledger.web.security.Roles;

/**
 * Admins watch, retry, pause, resume and rebuild the read models; each operation that takes effect
 * is recorded in the log ({@link ReadModelOperations}).
 */
@ApplicationScoped
@Tag(name = "Administration")
@Path("admin/projections")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ProjectionsResource {
  /** Looked up once: {@code Json.create…} looks the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject ReadModelOperations operations;
  @Inject IntegrationRelay relay;

  @GET
  @Operation(
      operationId = "listProjections",
      summary = "Every projection: checkpoint, head, lag in events and milliseconds, status")
  @APIResponse(
      responseCode = "200",
      description = "Every read model",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.ARRAY,
                      implementation = ApiSchemas.ProjectionState.class)))
  public JsonArray list() {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    all().forEach(status -> array.add(json(status)));
    return array.build();
  }

  private List<ProjectionStatus> all() {
    return operations.all();
  }

  @POST
  @Path("{name}/retry")
  @Operation(
      operationId = "retryProjection",
      summary = "Resume a stopped projection after a fix: it tries the event it stopped at again")
  @APIResponse(
      responseCode = "200",
      description = "The projection's state after the retry",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.ProjectionState.class)))
  public JsonObject retry(@PathParam("name") String name, @Context SecurityContext caller) {
    existing(name);
    if (operations.retry(actor(caller), name) != ReadModelOperations.Outcome.DONE) {
      throw new ApiException(Status.NOT_FOUND, "There is no projection '" + name + "'.");
    }
    return status(name);
  }

  @POST
  @Path("{name}/pause")
  @Operation(
      operationId = "pauseProjection",
      summary = "Pause a projection on every server",
      description =
          "It applies nothing until resumed (it keeps serving what it has), then catches up from its"
              + " checkpoint. For a bulk load or to take its writes off a struggling database.")
  @APIResponse(
      responseCode = "200",
      description = "Paused",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.ProjectionState.class)))
  @APIResponse(
      responseCode = "409",
      description = "The projection is not running",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  public JsonObject pause(@PathParam("name") String name, @Context SecurityContext caller) {
    String status = existing(name).status();
    if (operations.pause(actor(caller), name) != ReadModelOperations.Outcome.DONE) {
      throw new ApiException(
          Status.CONFLICT, "'" + name + "' is " + status + "; only a running projection pauses.");
    }
    return status(name);
  }

  @POST
  @Path("{name}/resume")
  @Operation(
      operationId = "resumeProjection",
      summary = "Resume a paused projection: it catches up from its checkpoint")
  @APIResponse(
      responseCode = "200",
      description = "Running again",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.ProjectionState.class)))
  @APIResponse(
      responseCode = "409",
      description = "The projection is not paused",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  public JsonObject resume(@PathParam("name") String name, @Context SecurityContext caller) {
    String status = existing(name).status();
    if (operations.resume(actor(caller), name) != ReadModelOperations.Outcome.DONE) {
      throw new ApiException(
          Status.CONFLICT, "'" + name + "' is " + status + ", not PAUSED; nothing to resume.");
    }
    return status(name);
  }

  private ProjectionStatus existing(String name) {
    return all().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new ApiException(Status.NOT_FOUND, "There is no projection '" + name + "'."));
  }

  @POST
  @Path("{name}/rebuild")
  @Operation(
      operationId = "rebuildProjection",
      summary = "Rebuild a read model from the log",
      description =
          "Replays into fresh rows beside the live ones, which keep serving queries, and switches when caught up.")
  @APIResponse(
      responseCode = "200",
      description = "The rebuild has started; status REBUILDING with its progress",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.ProjectionState.class)))
  @APIResponse(
      responseCode = "409",
      description =
          "A rebuild of the projection is running already, or it keeps no rows to rebuild",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  public JsonObject rebuild(@PathParam("name") String name, @Context SecurityContext caller) {
    existing(name);
    if (relay.projections().stream().anyMatch(p -> p.name().equals(name))) {
      throw new ApiException(
          Status.CONFLICT,
          "'" + name + "' sends the log to the message broker and keeps no rows to rebuild.");
    }
    if (operations.rebuild(actor(caller), name) != ReadModelOperations.Outcome.DONE) {
      throw new ApiException(Status.CONFLICT, "A rebuild of '" + name + "' is already running.");
    }
    return status(name);
  }

  private static String actor(SecurityContext caller) {
    return caller.getUserPrincipal().getName();
  }

  private JsonObject status(String name) {
    return json(existing(name)).build();
  }

  static JsonObjectBuilder json(ProjectionStatus status) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("name", status.name())
            .add("checkpoint", status.checkpoint())
            .add("head", status.head())
            .add("lagEvents", status.lagEvents())
            .add("lagMillis", status.lagMillis())
            .add("status", status.status())
            .add("generation", status.generation());
    if (status.error() != null) {
      json.add("error", status.error()).add("errorPosition", status.errorPosition());
    }
    if (status.rebuild() != null) {
      json.add(
          "rebuild",
          JSON.createObjectBuilder()
              .add("done", status.rebuild().done())
              .add("total", status.rebuild().total())
              .add("eventsPerSecond", status.rebuild().eventsPerSecond())
              .add("etaSeconds", status.rebuild().etaSeconds()));
    }
    return json;
  }
}
