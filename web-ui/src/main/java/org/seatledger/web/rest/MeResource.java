package org.seatledger.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.seatledger.web.security.Roles;

/** Who the caller is, as the server sees it. */
@ApplicationScoped
@Path("me")
@RolesAllowed({Roles.STAFF, Roles.AUDITOR, Roles.ADMIN})
public class MeResource {

  /** The signed-in user and the roles this request carries. */
  public record Me(String username, List<String> roles) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The signed-in user and their roles")
  public Me me(@Context SecurityContext security) {
    List<String> roles = Roles.ALL.stream().filter(security::isUserInRole).toList();
    return new Me(security.getUserPrincipal().getName(), roles);
  }
}
