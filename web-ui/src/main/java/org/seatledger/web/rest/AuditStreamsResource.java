package org.seatledger.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
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
import org.seatledger.audit.api.AuditQueries.HistoryPage;
import org.seatledger.audit.api.AuditQueries.Point;
import org.seatledger.audit.api.VersionPastEnd;
import org.seatledger.web.security.Roles;

/**
 * One entity's history and time travel: its changes newest first, paged by stream version, and its
 * state at a version or an instant, or two points compared.
 */
@ApplicationScoped
@Tag(name = "Audit")
@Path("audit/streams")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditStreamsResource {

  @Inject AuditQueries audit;

  @GET
  @Path("{streamId}/history")
  @Operation(
      operationId = "getStreamHistory",
      summary =
          "Changes of a conference, seat availability or booking, newest first, with field-level diffs",
      description =
          "At most limit (1 to 500, default 50) changes below beforeVersion (default: all). The answer"
              + " is a JSON array; the next (older) page is in the Link header (rel=\"next\"), the"
              + " stream's newest version in X-Stream-Version.")
  @APIResponse(
      responseCode = "200",
      description = "Changes, newest first",
      headers = {
        @Header(
            name = "Link",
            description = "The next (older) page: <url>; rel=\"next\"",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "X-Stream-Version",
            description = "The stream's newest version",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.ARRAY,
                      implementation = AuditQueries.HistoryEntry.class)))
  public Response history(
      @PathParam("streamId") String streamId,
      @Parameter(
              description =
                  "Changes below this stream version (default: from the newest); the next, older page is in the Link header",
              schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
          @QueryParam("beforeVersion")
          String before,
      @Parameter(
              description = "Items per page",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int32",
                      minimum = "1",
                      maximum = "500",
                      defaultValue = "50"))
          @QueryParam("limit")
          String size,
      @Context UriInfo uri) {
    Long beforeVersion = QueryNumbers.whole(before, "beforeVersion", 1, Long.MAX_VALUE, null);
    int limit = QueryNumbers.whole(size, "limit", 1, AuditQueries.MAX_HISTORY_PAGE, 50L).intValue();
    HistoryPage page =
        audit.history(streamId, beforeVersion, limit).orElseThrow(() -> noStream(streamId));
    Response.ResponseBuilder answer =
        Response.ok(page.entries()).header("X-Stream-Version", page.streamVersion());
    if (page.nextBeforeVersion() != null) {
      answer.link(
          uri.getRequestUriBuilder()
              .replaceQueryParam("beforeVersion", page.nextBeforeVersion())
              .replaceQueryParam("limit", limit)
              .build(),
          "next");
    }
    return answer.build();
  }

  @GET
  @Path("{streamId}/state")
  @Operation(
      operationId = "getStreamState",
      summary =
          "The state at a version (?version=3) or an instant (?asOf=…), or two points compared",
      description =
          "From the nearest snapshot at or below the point (foldedFrom: its version, 0 for none),"
              + " plus the events after it. ?compare=a,b (each a version or an ISO-8601 instant)"
              + " answers both states and the fields that differ from a to b. A version past the"
              + " stream's newest is 404 with a sentence naming the newest; an instant after the"
              + " newest event is the newest state.")
  @APIResponse(
      responseCode = "200",
      description = "The state at the point, or (compare) both states and what differs",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(anyOf = {AuditQueries.StateAt.class, AuditQueries.Comparison.class})))
  public Object state(
      @PathParam("streamId") String streamId,
      @Parameter(
              description = "The state at this instant (ISO-8601, such as 2027-05-04T09:00:00Z)",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("asOf")
          String asOf,
      @Parameter(
              description = "The state at this stream version (0: before the first event)",
              schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
          @QueryParam("version")
          String versionText,
      @Parameter(description = "Two points, each a version or an ISO-8601 instant, such as 3,7")
          @QueryParam("compare")
          String compare) {
    Long version = QueryNumbers.whole(versionText, "version", 0, Long.MAX_VALUE, null);
    int given = (asOf == null ? 0 : 1) + (version == null ? 0 : 1) + (compare == null ? 0 : 1);
    if (given != 1) {
      throw new ApiException(
          Status.BAD_REQUEST,
          "Give one of version (a stream version), asOf (an ISO-8601 instant) or compare (two"
              + " points, such as compare=3,7 or compare=3,2027-05-04T09:00:00Z).");
    }
    try {
      if (compare != null) {
        List<Point> points = points(compare);
        return audit
            .compare(streamId, points.get(0), points.get(1))
            .orElseThrow(() -> noStream(streamId));
      }
      Point point =
          version != null ? versionPoint(version, "version") : Point.asOf(instant(asOf, "asOf"));
      return audit.state(streamId, point).orElseThrow(() -> noStream(streamId));
    } catch (VersionPastEnd past) {
      // no such state yet: answering the newest one would make a cited address say something else
      throw new ApiException(Status.NOT_FOUND, past.getMessage());
    }
  }

  private static List<Point> points(String compare) {
    String[] parts = compare.split(",", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new ApiException(
          Status.BAD_REQUEST,
          "compare names two points separated by a comma, each a version or an ISO-8601 instant.");
    }
    return List.of(point(parts[0].trim()), point(parts[1].trim()));
  }

  private static Point point(String text) {
    if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
      try {
        return versionPoint(Long.parseLong(text), "compare");
      } catch (NumberFormatException tooLong) {
        throw new ApiException(Status.BAD_REQUEST, "compare: '" + text + "' is not a version.");
      }
    }
    return Point.asOf(instant(text, "compare"));
  }

  private static Point versionPoint(long version, String name) {
    if (version < 0) {
      throw new ApiException(Status.BAD_REQUEST, name + ": a version is 0 or more.");
    }
    return Point.version(version);
  }

  private static java.time.Instant instant(String text, String name) {
    return AuditResource.instant(text, name);
  }

  static ApiException noStream(String streamId) {
    return new ApiException(Status.NOT_FOUND, "There is no stream '" + streamId + "'.");
  }
}
