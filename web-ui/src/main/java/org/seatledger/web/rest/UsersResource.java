package org.seatledger.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.seatledger.web.security.AccountChanges;
import org.seatledger.web.security.AccountRefused;
import org.seatledger.web.security.PasswordPolicy;
import org.seatledger.web.security.Roles;
import org.seatledger.web.security.UserAccounts;
import org.seatledger.web.security.UserAccounts.Account;

/** Admins manage who may sign in. Passwords go in, never out. */
@ApplicationScoped
@Tag(name = "Administration")
@Path("admin/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

  /** Body of a new user. */
  public record NewUser(String username, String password, List<String> roles) {}

  /**
   * Body of a change: the roles to hold from now on, whether the user may sign in; both optional.
   */
  public record UserChange(List<String> roles, Boolean enabled) {}

  /** The answer to a reset: the one-time password, shown this once. */
  public record OneTimePassword(String username, String oneTimePassword) {}

  @Inject UserAccounts accounts;
  @Inject AccountChanges changes;

  @GET
  @Operation(operationId = "listUsers", summary = "All users and their roles, without passwords")
  public List<Account> list() {
    return accounts.list();
  }

  @GET
  @Path("{username}")
  @Operation(operationId = "getUser", summary = "One user and their roles, without password")
  public Account one(@PathParam("username") String username) {
    return accounts
        .find(username)
        .orElseThrow(
            () -> new ApiException(Status.NOT_FOUND, "There is no user named '" + username + "'."));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createUser",
      summary = "Create a user with a password and one or more roles")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the user",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Account.class)))
  @APIResponse(
      responseCode = "409",
      description = "A user of that name exists",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  public Response create(NewUser body, @Context SecurityContext caller, @Context UriInfo uri) {
    if (body == null) {
      throw new ApiException(
          Status.BAD_REQUEST, "Send a JSON object with username, password and roles.");
    }
    String username = body.username() == null ? "" : body.username().trim();
    if (!UserAccounts.USERNAME.matcher(username).matches()) {
      throw new ApiException(
          Status.BAD_REQUEST,
          "The username must be 3 to 64 characters: lower-case letters, digits, '.', '-' or '_'.");
    }
    PasswordPolicy.weakness(username, body.password())
        .ifPresent(
            weakness -> {
              throw new ApiException(Status.BAD_REQUEST, weakness);
            });
    Set<String> roles = new LinkedHashSet<>(body.roles() == null ? List.of() : body.roles());
    if (roles.isEmpty() || !Roles.ALL.containsAll(roles)) {
      throw new ApiException(
          Status.BAD_REQUEST, "Give the user one or more of the roles staff, auditor and admin.");
    }
    try {
      Account created =
          accounts.create(
              username, body.password().toCharArray(), roles, caller.getUserPrincipal().getName());
      return Response.created(uri.getAbsolutePathBuilder().path(username).build())
          .entity(created)
          .build();
    } catch (UserAccounts.UsernameTaken taken) {
      throw new ApiException(Status.CONFLICT, taken.getMessage());
    }
  }

  @PATCH
  @Path("{username}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changeUser",
      summary = "Change a user's roles and whether they may sign in",
      description =
          "A disabled user's sessions end at once; every change is recorded as an event on the"
              + " stream user-{username}.")
  @APIResponse(
      responseCode = "200",
      description = "The user as changed",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Account.class)))
  @APIResponse(
      responseCode = "409",
      description = "An admin cannot take their own admin role away or disable themselves",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  public Account change(
      @PathParam("username") String username, UserChange body, @Context SecurityContext caller) {
    if (body == null || (body.roles() == null && body.enabled() == null)) {
      throw new ApiException(
          Status.BAD_REQUEST, "Send a JSON object with roles, enabled or both to change.");
    }
    String actor = caller.getUserPrincipal().getName();
    try {
      if (body.roles() != null) {
        changes.changeRoles(actor, username, body.roles());
      }
      if (body.enabled() != null) {
        changes.setEnabled(actor, username, body.enabled());
      }
    } catch (AccountRefused refused) {
      throw refusal(refused);
    }
    return one(username);
  }

  @POST
  @Path("{username}/password-reset")
  @Operation(
      operationId = "resetPassword",
      summary = "Give a user a one-time password",
      description =
          "The password is in this answer only; the user must change it at their next sign-in.")
  public OneTimePassword reset(
      @PathParam("username") String username, @Context SecurityContext caller) {
    try {
      return new OneTimePassword(
          username, changes.resetPassword(caller.getUserPrincipal().getName(), username));
    } catch (AccountRefused refused) {
      throw refusal(refused);
    }
  }

  /** A refused change as a problem: 400, 404 or 409 with its sentence. */
  static ApiException refusal(AccountRefused refused) {
    Status status =
        switch (refused.kind()) {
          case NOT_FOUND -> Status.NOT_FOUND;
          case CONFLICT -> Status.CONFLICT;
          case INVALID -> Status.BAD_REQUEST;
          case THROTTLED -> Status.TOO_MANY_REQUESTS;
        };
    return new ApiException(status, refused.getMessage());
  }
}
