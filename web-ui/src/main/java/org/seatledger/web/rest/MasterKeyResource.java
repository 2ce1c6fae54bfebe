package org.seatledger.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.seatledger.eventlog.api.MasterKeyAdmin;
import org.seatledger.eventlog.api.MasterKeyRotation;
import org.seatledger.eventlog.api.MasterKeyStatus;
import org.seatledger.web.security.Roles;

/** The master key that wraps every person's data key: which one is active, and rotation. */
@ApplicationScoped
@Tag(name = "Administration")
@Path("admin/master-key")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class MasterKeyResource {
  /** Looked up once: {@code Json.create…} looks the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject MasterKeyAdmin masterKey;

  @GET
  @Operation(
      operationId = "getMasterKeyStatus",
      summary = "The active master key's id, this server's key ids, data keys per master key",
      description =
          "Key ids are the first 16 hex digits of a key's fingerprint (HMAC-SHA256 of a fixed"
              + " label under the key); no key material is shown.")
  @APIResponse(
      responseCode = "200",
      description = "The key ids in use",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.MasterKeyStatus.class)))
  public JsonObject status() {
    MasterKeyStatus status = masterKey.status();
    JsonObjectBuilder counts = JSON.createObjectBuilder();
    status.dataKeysByMasterKey().forEach(counts::add);
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("activeKeyId", status.activeKeyId())
            .add("serverKeyId", status.serverKeyId());
    if (status.previousKeyId() != null) {
      json.add("previousKeyId", status.previousKeyId());
    }
    return json.add("matches", status.matches()).add("dataKeysByMasterKey", counts).build();
  }

  @POST
  @Path("rotate")
  @Operation(
      operationId = "rotateMasterKey",
      summary =
          "Make this server's SEATLEDGER_MASTER_KEY the active key and re-wrap every data key",
      description =
          "Needs a server holding the new key as SEATLEDGER_MASTER_KEY and the active one as"
              + " SEATLEDGER_MASTER_KEY_PREVIOUS. Re-wraps in batches while the servers keep"
              + " running; repeating it once done changes nothing.")
  @APIResponse(
      responseCode = "200",
      description = "The rotation's result",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.MasterKeyRotation.class)))
  @APIResponse(
      responseCode = "409",
      description =
          "This server does not hold both the new and the active key; the detail says what to configure",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  public JsonObject rotate() {
    MasterKeyRotation rotation = masterKey.rotate();
    JsonObjectBuilder json = JSON.createObjectBuilder();
    if (rotation.fromKeyId() != null) {
      json.add("fromKeyId", rotation.fromKeyId());
    }
    return json.add("activeKeyId", rotation.toKeyId())
        .add("activated", rotation.activated())
        .add("rewrapped", rotation.rewrapped())
        .add("leftUnderOtherKeys", rotation.leftUnderOtherKeys())
        .add("summary", rotation.summary())
        .build();
  }
}
