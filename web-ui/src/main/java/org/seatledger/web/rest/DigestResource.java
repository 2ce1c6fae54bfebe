package org.seatledger.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.validation.executable.ExecutableType;
import jakarta.validation.executable.ValidateOnExecution;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.seatledger.audit.api.AuditQueries;
import org.seatledger.eventlog.api.DigestCheck;
import org.seatledger.eventlog.api.LogDamaged;
import org.seatledger.eventlog.api.LogDigest;
import org.seatledger.web.security.Roles;

/**
 * Digests of the whole log for auditors to keep outside the system, and the check of a kept one:
 * proof that the log up to the digest's position is unchanged, also against someone who rewrote an
 * event and re-computed its stream's hash chain.
 */
@ApplicationScoped
@ValidateOnExecution(type = ExecutableType.NONE) // the body checked once, by RequestBodies
@Tag(name = "Audit")
@Path("audit/digest")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class DigestResource {
  /** Looked up once: {@code Json.create…} looks the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final String HEX64 = "[0-9a-fA-F]{64}";

  /** Most checkpoints a digest has (see {@link LogDigest}). */
  private static final int MAX_CHECKPOINTS = 256;

  @Inject AuditQueries audit;
  @Inject RequestBodies bodies;

  /** A checkpoint of a kept digest. */
  public record KeptCheckpoint(
      @NotNull @Positive Long position,
      @NotNull @Pattern(regexp = HEX64, message = "is 64 hex digits") String digest) {}

  /** A digest as {@code GET /api/audit/digest} gave it, pasted or uploaded back. */
  public record KeptDigest(
      String format,
      @NotNull @PositiveOrZero Long position,
      @Pattern(regexp = HEX64, message = "is 64 hex digits") String lastHash,
      @NotNull @Pattern(regexp = HEX64, message = "is 64 hex digits") String digest,
      @Size(max = 100) String fingerprint,
      @Size(max = 40) String issuedAt,
      @Size(max = MAX_CHECKPOINTS) List<@NotNull @Valid KeptCheckpoint> checkpoints) {}

  @GET
  @Operation(
      operationId = "getDigest",
      summary =
          "A digest of the whole log to keep: a position and a hash committing to every event",
      description =
          "digest is the SHA-256 of the stored hashes of events 1..position, one per line (see the"
              + " README to recompute it); checkpoints are the same over shorter prefixes, so a"
              + " check can name where a log differs; fingerprint is for comparing by eye.")
  @APIResponse(
      responseCode = "200",
      description = "A digest to keep outside the system",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = KeptDigest.class)))
  @APIResponse(
      responseCode = "409",
      description = "The log's hash chain is broken at the head; no digest can commit to it",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  public Response digest() {
    LogDigest digest;
    try {
      digest = audit.digest();
    } catch (LogDamaged damaged) {
      throw new ApiException(Status.CONFLICT, damaged.getMessage());
    }
    return Response.ok(json(digest))
        .header(
            "Content-Disposition",
            "attachment; filename=\"seatledger-digest-" + digest.position() + ".json\"")
        .build();
  }

  @POST
  @Path("verify")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "verifyDigest",
      summary = "Check a kept digest against the log",
      description =
          "Reads the log up to the digest's position a page at a time: ok, or not ok with the"
              + " position (or the range between two checkpoints) where it first differs.")
  @APIResponse(
      responseCode = "200",
      description = "Whether the log up to the digest's position is unchanged",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.DigestCheck.class)))
  public JsonObject verify(@Valid @NotNull KeptDigest body) {
    KeptDigest kept = bodies.valid(body);
    if (kept.format() != null && !LogDigest.FORMAT.equals(kept.format())) {
      throw new ApiException(
          Status.BAD_REQUEST,
          "format: this server checks digests of the form '" + LogDigest.FORMAT + "'.");
    }
    List<LogDigest.Checkpoint> checkpoints =
        kept.checkpoints() == null
            ? List.of()
            : kept.checkpoints().stream()
                .map(
                    c ->
                        new LogDigest.Checkpoint(
                            c.position(), c.digest().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    long previous = 0;
    for (LogDigest.Checkpoint c : checkpoints) {
      if (c.position() <= previous || c.position() > kept.position()) {
        throw new ApiException(
            Status.BAD_REQUEST,
            "checkpoints: positions rise and are at most the digest's position; "
                + c.position()
                + " is not.");
      }
      previous = c.position();
    }
    DigestCheck check =
        audit.checkDigest(
            new LogDigest(
                kept.position(),
                kept.lastHash(),
                kept.digest().toLowerCase(java.util.Locale.ROOT),
                Instant.EPOCH,
                checkpoints));
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("ok", check.ok())
            .add("position", kept.position())
            .add("checkedEvents", check.checkedEvents());
    if (check.ok()) {
      json.addNull("differsFrom").addNull("differsTo");
    } else {
      json.add("differsFrom", check.differsFrom()).add("differsTo", check.differsTo());
    }
    return json.add("exact", check.exact()).add("detail", check.detail()).build();
  }

  static JsonObject json(LogDigest digest) {
    JsonArrayBuilder checkpoints = JSON.createArrayBuilder();
    digest
        .checkpoints()
        .forEach(
            c ->
                checkpoints.add(
                    JSON.createObjectBuilder()
                        .add("position", c.position())
                        .add("digest", c.digest())));
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("format", LogDigest.FORMAT)
            .add("position", digest.position());
    if (digest.lastHash() == null) {
      json.addNull("lastHash");
    } else {
      json.add("lastHash", digest.lastHash());
    }
    return json.add("digest", digest.digest())
        .add("fingerprint", digest.fingerprint())
        .add("issuedAt", digest.issuedAt().toString())
        .add("checkpoints", checkpoints)
        .build();
  }
}
