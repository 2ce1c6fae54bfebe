package org.seatledger.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.seatledger.web.security.Roles;

/** The signed-in user, for pages: name, roles, sign-out. */
@Named
@RequestScoped
public class CurrentUser {

  @Inject SecurityContext security;
  @Inject FacesContext faces;

  public String getName() {
    return security.getCallerPrincipal() == null ? "" : security.getCallerPrincipal().getName();
  }

  public List<String> getRoles() {
    return Roles.ALL.stream().filter(security::isCallerInRole).toList();
  }

  public String getRolesText() {
    return String.join(", ", getRoles());
  }

  public boolean hasRole(String role) {
    return security.isCallerInRole(role);
  }

  public boolean isSignedIn() {
    return security.getCallerPrincipal() != null;
  }

  /** Staff run the conferences and bookings: only they see the forms that change them. */
  public boolean isStaff() {
    return hasRole(Roles.STAFF);
  }

  /** Who may look at conferences and bookings: staff, and read-only auditors and admins. */
  public boolean isReader() {
    return hasRole(Roles.STAFF) || hasRole(Roles.AUDITOR) || hasRole(Roles.ADMIN);
  }

  public void signOut() throws IOException, ServletException {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    request.logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/login?signedOut=true");
  }
}
