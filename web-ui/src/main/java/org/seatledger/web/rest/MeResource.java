package org.seatledger.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.seatledger.web.security.AccountChanges;
import org.seatledger.web.security.AccountRefused;
import org.seatledger.web.security.Roles;

/** Who the caller is, as the server sees it. */
@ApplicationScoped
@Tag(name = "Account")
@Path("me")
@RolesAllowed({Roles.STAFF, Roles.AUDITOR, Roles.ADMIN})
public class MeResource {

  /** Body of a password change. */
  public record PasswordChange(String currentPassword, String newPassword) {}

  @Inject AccountChanges changes;

  /** The signed-in user and the roles this request carries. */
  public record Me(String username, List<String> roles) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "getMe", summary = "The signed-in user and their roles")
  public Me me(@Context SecurityContext security) {
    List<String> roles = Roles.ALL.stream().filter(security::isUserInRole).toList();
    return new Me(security.getUserPrincipal().getName(), roles);
  }

  @POST
  @Path("password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changeOwnPassword",
      summary = "Change your own password",
      description = "Needs the current password; the new one must meet the password policy.")
  @APIResponse(responseCode = "204", description = "The password is changed")
  public Response changePassword(PasswordChange body, @Context SecurityContext security) {
    if (body == null || body.currentPassword() == null || body.newPassword() == null) {
      throw new ApiException(
          Status.BAD_REQUEST, "Send a JSON object with currentPassword and newPassword.");
    }
    try {
      changes.changeOwnPassword(
          security.getUserPrincipal().getName(), body.currentPassword(), body.newPassword());
    } catch (AccountRefused refused) {
      if (refused.kind() == AccountRefused.Kind.THROTTLED) {
        return Response.fromResponse(
                Problem.of(Status.TOO_MANY_REQUESTS, refused.getMessage()).toResponse())
            .header("Retry-After", refused.retryAfterSeconds())
            .build();
      }
      throw UsersResource.refusal(refused);
    }
    return Response.noContent().build();
  }
}
