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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.seatledger.audit.api.AuditQueries;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.reporting.api.ReportingQueries;
import org.seatledger.web.messaging.IntegrationRelay;
import org.seatledger.web.security.Roles;

/** Admins watch, retry, pause, resume and rebuild the read models. */
@ApplicationScoped
@Path("admin/projections")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ProjectionsResource {
  /** Looked up once: {@code Json.create…} looks the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject ReportingQueries reporting;
  @Inject AuditQueries audit;
  @Inject IntegrationRelay relay;

  @GET
  @Operation(summary = "Every projection: checkpoint, head, lag in events and milliseconds, status")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Object.class)))
  public JsonArray list() {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    all().forEach(status -> array.add(json(status)));
    return array.build();
  }

  private List<ProjectionStatus> all() {
    List<ProjectionStatus> all = new ArrayList<>(reporting.projections());
    all.addAll(audit.projections());
    all.addAll(relay.projections());
    return all;
  }

  @POST
  @Path("{name}/retry")
  @Operation(
      summary = "Resume a stopped projection after a fix: it tries the event it stopped at again")
  public JsonObject retry(@PathParam("name") String name) {
    if (!reporting.retry(name) && !audit.retry(name) && !relay.retry(name)) {
      throw new ApiException(Status.NOT_FOUND, "There is no projection '" + name + "'.");
    }
    return status(name);
  }

  @POST
  @Path("{name}/pause")
  @Operation(
      summary = "Pause a projection on every server",
      description =
          "It applies nothing until resumed (it keeps serving what it has), then catches up from its"
              + " checkpoint. For a bulk load or to take its writes off a struggling database.")
  public JsonObject pause(@PathParam("name") String name) {
    String status = existing(name).status();
    if (!reporting.pause(name) && !audit.pause(name) && !relay.pause(name)) {
      throw new ApiException(
          Status.CONFLICT, "'" + name + "' is " + status + "; only a running projection pauses.");
    }
    return status(name);
  }

  @POST
  @Path("{name}/resume")
  @Operation(summary = "Resume a paused projection: it catches up from its checkpoint")
  public JsonObject resume(@PathParam("name") String name) {
    String status = existing(name).status();
    if (!reporting.resume(name) && !audit.resume(name) && !relay.resume(name)) {
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
      summary = "Rebuild a read model from the log",
      description =
          "Replays into fresh rows beside the live ones, which keep serving queries, and switches when caught up.")
  public JsonObject rebuild(@PathParam("name") String name) {
    existing(name);
    if (relay.projections().stream().anyMatch(p -> p.name().equals(name))) {
      throw new ApiException(
          Status.CONFLICT,
          "'" + name + "' sends the log to the message broker and keeps no rows to rebuild.");
    }
    if (!reporting.rebuild(name) && !audit.rebuild(name)) {
      throw new ApiException(Status.CONFLICT, "A rebuild of '" + name + "' is already running.");
    }
    return status(name);
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
            .add("status", status.status());
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
