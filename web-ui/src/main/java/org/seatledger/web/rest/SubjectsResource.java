package org.seatledger.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.seatledger.booking.api.PersonalDataErasure;
import org.seatledger.web.security.Roles;

/** Erasure of a person's data (GDPR art. 17) in an append-only log, by deleting their key. */
@ApplicationScoped
@Path("subjects")
@RolesAllowed(Roles.ADMIN)
public class SubjectsResource {
  /** Looked up once: {@code Json.create…} looks the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject PersonalDataErasure erasure;

  @POST
  @Path("{subjectId}/erase")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Erase a person's personal data",
      description =
          "Deletes the person's data key: their names and e-mails read as [erased] from now on,"
              + " everywhere; the events themselves and the hash chain stay intact.")
  public JsonObject erase(
      @PathParam("subjectId") String subjectId, @Context SecurityContext caller) {
    if (!erasure.erase(subjectId, caller.getUserPrincipal().getName())) {
      throw new ApiException(
          Status.NOT_FOUND, "There is no personal data of subject '" + subjectId + "' to erase.");
    }
    return JSON.createObjectBuilder().add("subjectId", subjectId).add("erased", true).build();
  }
}
