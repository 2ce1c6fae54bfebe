package org.seatledger.web.pages.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.seatledger.web.pages.FormAnswers;
import org.seatledger.web.security.AccountChanges;
import org.seatledger.web.security.AccountRefused;
import org.seatledger.web.security.AccountRules;
import org.seatledger.web.security.Roles;
import org.seatledger.web.security.UserAccounts;
import org.seatledger.web.security.UserAccounts.Account;

/**
 * {@code /admin/users}: every user with roles, standing and last sign-in; one user's management
 * ({@code ?user=NAME}) with its confirmation steps ({@code &confirm=roles|disable|reset}), which
 * name what will happen before it does. A reset's one-time password travels in the flash to the
 * page after the redirect and is shown there once. Creating a user is {@link NewUserForm}.
 */
@Named
@RequestScoped
public class UsersPage {

  static final String ADDRESS = "/admin/users";

  @Inject UserAccounts accounts;
  @Inject AccountChanges changes;
  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject FormAnswers answers;

  private List<Account> all;
  private boolean staff;
  private boolean auditor;
  private boolean admin;

  public List<Account> getUsers() {
    if (all == null) {
      all = accounts.list();
    }
    return all;
  }

  /** The user named by {@code ?user=}, when there is one. */
  public Account getSelected() {
    String name = parameter("user");
    return name == null
        ? null
        : getUsers().stream().filter(a -> a.username().equals(name)).findFirst().orElse(null);
  }

  /** The roles a confirmation of {@code ?confirm=roles} is about, from {@code &roles=a,b}. */
  public List<String> getProposedRoles() {
    String roles = parameter("roles");
    return roles == null || roles.isBlank() ? List.of() : Arrays.asList(roles.split(","));
  }

  /** Roles as a person reads them: "staff, admin", or "none". */
  public String rolesText(List<String> roles) {
    return roles.isEmpty() ? "none" : String.join(", ", roles);
  }

  /** Step one of a role change: checks the choice, then asks for confirmation. */
  public void proposeRoles() {
    Account user = requireSelected();
    if (user == null) {
      return;
    }
    List<String> roles;
    try {
      roles = AccountRules.roles(actor(), user.username(), chosenRoles());
    } catch (AccountRefused refused) {
      answers.refuse("role-staff", refused.getMessage());
      return;
    }
    if (roles.equals(user.roles())) {
      answers.refuse("role-staff", user.username() + " has exactly these roles already.");
      return;
    }
    answers.done(
        managing(user.username()) + "&confirm=roles&roles=" + String.join(",", roles), null);
  }

  public void confirmRoles() {
    Account user = requireSelected();
    if (user == null) {
      return;
    }
    try {
      changes.changeRoles(actor(), user.username(), getProposedRoles());
    } catch (AccountRefused refused) {
      answers.refuse(null, refused.getMessage());
      return;
    }
    answers.done(
        managing(user.username()),
        user.username() + " now has the roles " + rolesText(getProposedRoles()) + ".");
  }

  public void confirmDisable() {
    setEnabled(false, " is disabled and was signed out everywhere.");
  }

  public void enable() {
    setEnabled(true, " may sign in again.");
  }

  private void setEnabled(boolean enabled, String done) {
    Account user = requireSelected();
    if (user == null) {
      return;
    }
    try {
      changes.setEnabled(actor(), user.username(), enabled);
    } catch (AccountRefused refused) {
      answers.refuse(null, refused.getMessage());
      return;
    }
    answers.done(managing(user.username()), user.username() + done);
  }

  public void confirmReset() {
    Account user = requireSelected();
    if (user == null) {
      return;
    }
    String oneTime;
    try {
      oneTime = changes.resetPassword(actor(), user.username());
    } catch (AccountRefused refused) {
      answers.refuse(null, refused.getMessage());
      return;
    }
    faces.getExternalContext().getFlash().put("oneTimePassword", oneTime);
    answers.done(
        managing(user.username()),
        user.username() + "'s password was reset. They must change it when they sign in.");
  }

  /** The one-time password of the reset just made, on the page after it only. */
  public String getOneTimePassword() {
    Object value = faces.getExternalContext().getFlash().get("oneTimePassword");
    return value == null ? null : value.toString();
  }

  static String managing(String username) {
    return ADDRESS + "?user=" + URLEncoder.encode(username, StandardCharsets.UTF_8);
  }

  private Account requireSelected() {
    Account user = getSelected();
    if (user == null) {
      answers.refuse(null, "There is no user named '" + parameter("user") + "'.");
    }
    return user;
  }

  private List<String> chosenRoles() {
    List<String> roles = new ArrayList<>();
    if (staff) {
      roles.add(Roles.STAFF);
    }
    if (auditor) {
      roles.add(Roles.AUDITOR);
    }
    if (admin) {
      roles.add(Roles.ADMIN);
    }
    return roles;
  }

  private String actor() {
    return security.getCallerPrincipal().getName();
  }

  private String parameter(String name) {
    Map<String, String> parameters = faces.getExternalContext().getRequestParameterMap();
    return Optional.ofNullable(parameters.get(name)).filter(v -> !v.isBlank()).orElse(null);
  }

  /** The role boxes start as the selected user's roles; on a postback they hold what was sent. */
  private boolean shown(boolean sent, String role) {
    Account user = getSelected();
    return faces.isPostback() || user == null ? sent : user.roles().contains(role);
  }

  public boolean isStaff() {
    return shown(staff, Roles.STAFF);
  }

  public void setStaff(boolean staff) {
    this.staff = staff;
  }

  public boolean isAuditor() {
    return shown(auditor, Roles.AUDITOR);
  }

  public void setAuditor(boolean auditor) {
    this.auditor = auditor;
  }

  public boolean isAdmin() {
    return shown(admin, Roles.ADMIN);
  }

  public void setAdmin(boolean admin) {
    this.admin = admin;
  }
}
