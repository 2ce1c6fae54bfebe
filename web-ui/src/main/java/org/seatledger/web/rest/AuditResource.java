package org.seatledger.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.seatledger.audit.api.AuditQueries;
import org.seatledger.audit.api.AuditQueries.Verification;
import org.seatledger.web.security.Roles;

/**
 * The auditors' API: hash-chain verification and its kept results. Histories and time travel are
 * {@link AuditStreamsResource}, search and export {@link AuditSearchResource}, causation chains
 * {@link CausationResource}, digests {@link DigestResource}.
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
      summary = "Verify the hash chain now (?streamId= for one stream); the result is kept")
  public Verification verify(
      @QueryParam("streamId") String streamId, @Context SecurityContext caller) {
    return audit.verify(
        streamId == null || streamId.isBlank() ? null : streamId,
        caller.getUserPrincipal().getName());
  }

  @GET
  @Path("verifications")
  @Operation(
      operationId = "listVerifications",
      summary =
          "Kept verification results, newest first: when, what was checked, first bad position")
  public List<Verification> verifications(@QueryParam("limit") @DefaultValue("50") int limit) {
    if (limit < 1 || limit > 1000) {
      throw new ApiException(Status.BAD_REQUEST, "limit is between 1 and 1000.");
    }
    return audit.verifications(limit);
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
