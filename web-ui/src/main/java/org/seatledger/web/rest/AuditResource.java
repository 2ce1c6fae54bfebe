package org.seatledger.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
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
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.seatledger.audit.api.AuditQueries;
import org.seatledger.audit.api.AuditQueries.Entry;
import org.seatledger.audit.api.AuditQueries.HistoryEntry;
import org.seatledger.audit.api.AuditQueries.Page;
import org.seatledger.audit.api.AuditQueries.StateAt;
import org.seatledger.audit.api.AuditQueries.Verification;
import org.seatledger.web.security.Roles;

/** The auditors' API: histories with diffs, time travel, search and export, verification. */
@ApplicationScoped
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditResource {

  @Inject AuditQueries audit;

  @GET
  @Path("streams/{streamId}/history")
  @Operation(
      summary =
          "Every change of a conference, seat availability or booking, newest first, with field-level diffs")
  public List<HistoryEntry> history(@PathParam("streamId") String streamId) {
    List<HistoryEntry> history = audit.history(streamId);
    if (history.isEmpty()) {
      throw new ApiException(Status.NOT_FOUND, "There is no stream '" + streamId + "'.");
    }
    return history;
  }

  @GET
  @Path("streams/{streamId}/state")
  @Operation(
      summary =
          "The state as of an instant (?asOf=2027-05-01T10:00:00Z) or a version (?version=3), by replay")
  public StateAt state(
      @PathParam("streamId") String streamId,
      @QueryParam("asOf") String asOf,
      @QueryParam("version") Long version) {
    if ((asOf == null) == (version == null)) {
      throw new ApiException(
          Status.BAD_REQUEST, "Give either asOf (an ISO-8601 instant) or version, not both.");
    }
    if (version != null && version < 0) {
      throw new ApiException(Status.BAD_REQUEST, "version is 0 or more.");
    }
    return audit
        .state(streamId, asOf == null ? null : instant(asOf, "asOf"), version)
        .orElseThrow(
            () -> new ApiException(Status.NOT_FOUND, "There is no stream '" + streamId + "'."));
  }

  @GET
  @Path("events")
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @Operation(
      summary =
          "Search the audit trail by stream, event type, user and time range; page, or export as CSV or JSON",
      description =
          "format=csv answers text/csv (all matches up to 10,000), format=json a JSON array of them.")
  public Response events(
      @QueryParam("streamId") String streamId,
      @QueryParam("type") String type,
      @QueryParam("user") String user,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") @DefaultValue("1") int page,
      @QueryParam("size") @DefaultValue("50") int size,
      @QueryParam("format") String format,
      @QueryParam("atLeast") Long atLeast) {
    if (page < 1 || size < 1 || size > 500) {
      throw new ApiException(Status.BAD_REQUEST, "page starts at 1 and size is between 1 and 500.");
    }
    if (atLeast != null && !audit.awaitPosition(atLeast, Duration.ofSeconds(2))) {
      throw new ApiException(
          Status.SERVICE_UNAVAILABLE,
          "The audit trail has not reached position " + atLeast + " yet; try again in a moment.");
    }
    Instant fromInstant = from == null ? null : instant(from, "from");
    Instant toInstant = to == null ? null : instant(to, "to");
    if (format == null) {
      return Response.ok(
              audit.search(
                  new AuditQueries.Search(
                      streamId, type, user, fromInstant, toInstant, page, size)))
          .type(MediaType.APPLICATION_JSON)
          .build();
    }
    Page all =
        audit.search(
            new AuditQueries.Search(streamId, type, user, fromInstant, toInstant, 1, 10_000));
    return switch (format) {
      case "json" ->
          Response.ok(all.items())
              .type(MediaType.APPLICATION_JSON)
              .header("Content-Disposition", "attachment; filename=\"audit.json\"")
              .build();
      case "csv" ->
          Response.ok(csv(all.items()))
              .type("text/csv; charset=UTF-8")
              .header("Content-Disposition", "attachment; filename=\"audit.csv\"")
              .build();
      default -> throw new ApiException(Status.BAD_REQUEST, "format is csv or json.");
    };
  }

  @POST
  @Path("verify")
  @Operation(summary = "Verify the hash chain now (?streamId= for one stream); the result is kept")
  public Verification verify(
      @QueryParam("streamId") String streamId, @Context SecurityContext caller) {
    return audit.verify(
        streamId == null || streamId.isBlank() ? null : streamId,
        caller.getUserPrincipal().getName());
  }

  @GET
  @Path("verifications")
  @Operation(
      summary =
          "Kept verification results, newest first: when, what was checked, first bad position")
  public List<Verification> verifications(@QueryParam("limit") @DefaultValue("50") int limit) {
    if (limit < 1 || limit > 1000) {
      throw new ApiException(Status.BAD_REQUEST, "limit is between 1 and 1000.");
    }
    return audit.verifications(limit);
  }

  static String csv(List<Entry> entries) {
    StringBuilder csv =
        new StringBuilder(
            "globalPosition,streamId,streamType,streamVersion,type,recordedAt,recordedBy,summary,reason,commandId,"
                + "correlationId,causationId\r\n");
    for (Entry e : entries) {
      csv.append(e.globalPosition())
          .append(',')
          .append(cell(e.streamId()))
          .append(',')
          .append(cell(e.streamType()))
          .append(',')
          .append(e.streamVersion())
          .append(',')
          .append(cell(e.type()))
          .append(',')
          .append(e.recordedAt())
          .append(',')
          .append(cell(e.recordedBy()))
          .append(',')
          .append(cell(e.summary()))
          .append(',')
          .append(cell(e.reason()))
          .append(',')
          .append(cell(e.commandId()))
          .append(',')
          .append(cell(e.correlationId()))
          .append(',')
          .append(cell(e.causationId()))
          .append("\r\n");
    }
    return csv.toString();
  }

  /**
   * What a spreadsheet may read as the start of a formula (OWASP's list: =, +, -, @, tab and
   * carriage return).
   */
  private static final String FORMULA_STARTS = "=+-@\t\r";

  /** RFC 4180 quoting, and no formula injection into spreadsheets: such a cell starts with '. */
  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String text =
        !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  private static Instant instant(String text, String name) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ApiException(
          Status.BAD_REQUEST, name + " must be an ISO-8601 instant such as 2027-05-04T09:00:00Z.");
    }
  }
}
