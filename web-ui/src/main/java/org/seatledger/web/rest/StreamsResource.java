package org.seatledger.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.web.security.Roles;

/** The stored events of one stream, as auditors and admins read them. */
@ApplicationScoped
@Tag(name = "Audit")
@Path("streams")
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class StreamsResource {
  /** Looked up once: {@code Json.create…} looks the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  static final int MAX_LIMIT = 1000;

  @Inject EventLog log;

  @GET
  @Path("{streamId}/events")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listStreamEvents",
      summary = "Every stored event of a stream, oldest first",
      description =
          "Metadata, hash chain and the data upcast to the current shape; erased personal data"
              + " reads as [erased]. Page with fromVersion and limit (at most 1000).")
  @APIResponse(
      responseCode = "200",
      description = "The events from fromVersion on, at most limit of them",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(type = SchemaType.ARRAY, implementation = ApiSchemas.StoredEvent.class)))
  public JsonArray events(
      @PathParam("streamId") String streamId,
      @Parameter(
              description =
                  "The first stream version to answer; the next page starts after the last one answered",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int64",
                      minimum = "1",
                      defaultValue = "1"))
          @QueryParam("fromVersion")
          String from,
      @Parameter(
              description = "Items per page",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int32",
                      minimum = "1",
                      maximum = "1000",
                      defaultValue = "1000"))
          @QueryParam("limit")
          String size) {
    long fromVersion = QueryNumbers.whole(from, "fromVersion", 1, Long.MAX_VALUE, 1L);
    int limit = QueryNumbers.whole(size, "limit", 1, MAX_LIMIT, (long) MAX_LIMIT).intValue();
    List<RecordedEvent> events = log.readStream(streamId, fromVersion, limit);
    if (events.isEmpty() && fromVersion == 1) {
      throw new ApiException(Status.NOT_FOUND, "There is no stream '" + streamId + "'.");
    }
    JsonArrayBuilder array = JSON.createArrayBuilder();
    events.forEach(event -> array.add(json(event)));
    return array.build();
  }

  static JsonObjectBuilder json(RecordedEvent event) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("globalPosition", event.globalPosition())
            .add("streamId", event.streamId())
            .add("streamType", event.streamType())
            .add("streamVersion", event.streamVersion())
            .add("eventId", event.eventId())
            .add("type", event.type())
            .add("schemaVersion", event.schemaVersion())
            .add("recordedAt", event.recordedAt().toString())
            .add("recordedBy", event.recordedBy())
            .add("commandId", event.commandId())
            .add("correlationId", event.correlationId())
            .add("causationId", event.causationId());
    if (event.reason() == null) {
      json.addNull("reason");
    } else {
      json.add("reason", event.reason());
    }
    return json.add("previousHash", event.previousHash())
        .add("hash", event.hash())
        .add("data", event.data());
  }
}
