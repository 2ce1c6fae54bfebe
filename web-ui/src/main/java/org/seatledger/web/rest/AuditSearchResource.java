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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.seatledger.audit.api.AuditQueries.Entry;
import org.seatledger.audit.api.AuditQueries.Page;
import org.seatledger.audit.api.AuditQueries.Search;
import org.seatledger.web.security.Roles;

/**
 * Searching the audit trail, paged by keyset, and exporting what a search finds as CSV or JSON; and
 * the causation chain of any event of it.
 */
@ApplicationScoped
@Tag(name = "Audit")
@Path("audit/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditSearchResource {

  /** Most rows of one export. */
  static final int MAX_EXPORT = 10_000;

  private static final int MAX_TEXT = 200;

  @Inject AuditQueries audit;
  @Inject CausationResource causation;

  @GET
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @Operation(
      operationId = "searchAuditEvents",
      summary =
          "Search the audit trail by stream, event type, user, time range and text in summaries",
      description =
          "Newest first, size hits a page (1 to 500, default 50). The answer's next, passed as"
              + " after, gives the next page (also in the Link header); new events never shift a"
              + " page. format=csv answers text/csv, format=json a JSON array: every match, up to"
              + " 10,000, in a file named after the search.")
  @APIResponse(
      responseCode = "200",
      description = "A page of matches (JSON), or every match as a file (format=csv or json)",
      headers =
          @Header(
              name = "Link",
              description = "The next page: <url>; rel=\"next\"",
              schema = @Schema(type = SchemaType.STRING)),
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AuditQueries.Page.class)),
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))
      })
  public Response events(
      @Parameter(description = "Only events of this stream") @QueryParam("streamId")
          String streamId,
      @Parameter(description = "Only events of this stored type, such as BookingConfirmed")
          @QueryParam("type")
          String type,
      @Parameter(description = "Only events recorded by this user") @QueryParam("user") String user,
      @Parameter(
              description = "Only events recorded at or after this instant (ISO-8601)",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("from")
          String from,
      @Parameter(
              description = "Only events recorded before this instant (ISO-8601)",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("to")
          String to,
      @Parameter(description = "Text in the events' summaries") @QueryParam("q") String text,
      @Parameter(
              description =
                  "The next of the previous page: the page after it; the next page is also in the Link header",
              schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
          @QueryParam("after")
          String after,
      @Parameter(
              description = "Items per page",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int32",
                      minimum = "1",
                      maximum = "500",
                      defaultValue = "50"))
          @QueryParam("size")
          String size,
      @Parameter(hidden = true) @QueryParam("page") String page,
      @Parameter(
              description = "Every match (up to 10,000) as a file instead of a page",
              schema = @Schema(enumeration = {"csv", "json"}))
          @QueryParam("format")
          String format,
      @Parameter(
              description =
                  "Read your own write: wait (briefly) until the read model has applied this log position, the position a command answered",
              schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
          @QueryParam("atLeast")
          String atLeast,
      @Context UriInfo uri) {
    if (page != null) {
      throw new ApiException(
          Status.BAD_REQUEST,
          "Search pages by cursor, not by number: pass after=<next> from the page before.");
    }
    if (text != null && text.length() > MAX_TEXT) {
      throw new ApiException(
          Status.BAD_REQUEST, "q (text in summaries) is at most " + MAX_TEXT + " characters.");
    }
    Long position = QueryNumbers.position(atLeast);
    if (position != null && !audit.awaitPosition(position, Duration.ofSeconds(2))) {
      throw new ApiException(
          Status.SERVICE_UNAVAILABLE,
          "The audit trail has not reached position " + position + " yet; try again in a moment.");
    }
    Instant fromInstant = from == null ? null : AuditResource.instant(from, "from");
    Instant toInstant = to == null ? null : AuditResource.instant(to, "to");
    if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
      throw new ApiException(Status.BAD_REQUEST, "from must be before to.");
    }
    Search search =
        new Search(
            blankToNull(streamId),
            blankToNull(type),
            blankToNull(user),
            fromInstant,
            toInstant,
            blankToNull(text),
            QueryNumbers.whole(after, "after", 1, Long.MAX_VALUE, null),
            QueryNumbers.whole(size, "size", 1, AuditQueries.MAX_SEARCH_PAGE, 50L).intValue());
    if (format == null) {
      Page found = audit.search(search);
      Response.ResponseBuilder answer = Response.ok(found).type(MediaType.APPLICATION_JSON);
      if (found.next() != null) {
        answer.link(
            uri.getRequestUriBuilder().replaceQueryParam("after", found.next()).build(), "next");
      }
      return answer.build();
    }
    return switch (format) {
      case "json" ->
          export(all(search), MediaType.APPLICATION_JSON, AuditCsv.fileName(search, "json"));
      case "csv" ->
          export(
              AuditCsv.csv(all(search)),
              "text/csv; charset=UTF-8",
              AuditCsv.fileName(search, "csv"));
      default -> throw new ApiException(Status.BAD_REQUEST, "format is csv or json.");
    };
  }

  @GET
  @Path("{position}/causation")
  @Operation(
      operationId = "getEventCausation",
      summary = "The causation chain of the request that led to the event at this position")
  public CausationResource.Chain causation(@PathParam("position") String position) {
    long at = QueryNumbers.whole(position, "position", 1, Long.MAX_VALUE, null);
    return causation.chainOf(at);
  }

  /** Every match from the newest on, page by page, at most {@link #MAX_EXPORT}. */
  private List<Entry> all(Search first) {
    List<Entry> all = new ArrayList<>();
    Long after = null;
    do {
      Page page =
          audit.search(
              new Search(
                  first.streamId(),
                  first.type(),
                  first.user(),
                  first.from(),
                  first.to(),
                  first.text(),
                  after,
                  Math.min(AuditQueries.MAX_SEARCH_PAGE, MAX_EXPORT - all.size())));
      all.addAll(page.items());
      after = page.next();
    } while (after != null && all.size() < MAX_EXPORT);
    return all;
  }

  private static Response export(Object body, String type, String fileName) {
    return Response.ok(body)
        .type(type)
        .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .build();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
