package org.seatledger.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.seatledger.audit.api.AuditQueries;
import org.seatledger.audit.api.AuditQueries.Causation;
import org.seatledger.audit.api.AuditQueries.ChainCommand;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.reporting.api.ReportingQueries;
import org.seatledger.web.security.Roles;

/**
 * The causation explorer: what one request led to — its commands and the events each appended, with
 * their positions, the compensations that followed, and whether each read model has applied those
 * positions yet (its checkpoint against them).
 */
@ApplicationScoped
@Tag(name = "Audit")
@Path("audit/correlations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class CausationResource {

  @Inject AuditQueries audit;
  @Inject ReportingQueries reporting;

  /** Where a read model stands against the chain's positions. */
  public record ReadModel(
      String name, long checkpoint, String status, boolean applied, List<Long> pending) {}

  /** The chain as the API answers it. */
  public record Chain(
      String correlationId,
      String requestedBy,
      Instant requestedAt,
      List<ChainCommand> commands,
      List<ChainCommand> compensations,
      List<ReadModel> readModels) {}

  @GET
  @Path("{correlationId}")
  @Operation(
      operationId = "getCorrelationChain",
      summary =
          "What a request led to: commands, events with positions, compensations, read models",
      description =
          "By the request's correlation id (X-Correlation-ID, or the id the server gave it). Each"
              + " read model says whether its checkpoint has reached every position of the chain"
              + " and which it has not applied yet.")
  public Chain chain(@PathParam("correlationId") String correlationId) {
    return answer(
        audit
            .causation(correlationId)
            .orElseThrow(
                () ->
                    new ApiException(
                        Status.NOT_FOUND,
                        "No event of the audit trail carries the correlation id '"
                            + correlationId
                            + "'.")));
  }

  /** The chain of the request that led to the event at {@code position}. */
  Chain chainOf(long position) {
    return answer(
        audit
            .causationOf(position)
            .orElseThrow(
                () ->
                    new ApiException(
                        Status.NOT_FOUND,
                        "The audit trail has no event at position " + position + ".")));
  }

  private Chain answer(Causation causation) {
    List<Long> positions = causation.positions();
    List<ProjectionStatus> all = new ArrayList<>(reporting.projections());
    all.addAll(audit.projections());
    List<ReadModel> readModels =
        all.stream()
            .map(
                p -> {
                  List<Long> pending =
                      positions.stream().filter(at -> at > p.checkpoint()).toList();
                  return new ReadModel(
                      p.name(), p.checkpoint(), p.status(), pending.isEmpty(), pending);
                })
            .toList();
    return new Chain(
        causation.correlationId(),
        causation.requestedBy(),
        causation.requestedAt(),
        causation.commands(),
        causation.compensations(),
        readModels);
  }
}
