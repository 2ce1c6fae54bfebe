package org.seatledger.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.seatledger.web.security.PasswordPolicy;
import org.seatledger.web.security.Roles;
import org.seatledger.web.security.UserAccounts;
import org.seatledger.web.security.UserAccounts.Account;

/** Admins manage who may sign in. Passwords go in, never out. */
@ApplicationScoped
@Path("admin/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

  /** Body of a new user. */
  public record NewUser(String username, String password, List<String> roles) {}

  @Inject UserAccounts accounts;

  @GET
  @Operation(summary = "All users and their roles, without passwords")
  public List<Account> list() {
    return accounts.list();
  }

  @GET
  @Path("{username}")
  @Operation(summary = "One user and their roles, without password")
  public Account one(@PathParam("username") String username) {
    return accounts.list().stream()
        .filter(account -> account.username().equals(username))
        .findFirst()
        .orElseThrow(
            () -> new ApiException(Status.NOT_FOUND, "There is no user named '" + username + "'."));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a user with a password and one or more roles")
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
}
