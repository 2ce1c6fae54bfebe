package org.seatledger.web.pages.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.seatledger.web.pages.FormAnswers;
import org.seatledger.web.security.AccountRefused;
import org.seatledger.web.security.AccountRules;
import org.seatledger.web.security.Roles;
import org.seatledger.web.security.UserAccounts;

/**
 * The "new user" form of {@code /admin/users}: name, password (the policy shown as it is typed, by
 * {@code js/password-policy.js}, and applied here), roles. Each refusal sits next to its field.
 */
@Named
@RequestScoped
public class NewUserForm {

  @Inject UserAccounts accounts;
  @Inject SecurityContext security;
  @Inject FormAnswers answers;

  private String username;
  private String password;
  private boolean staff;
  private boolean auditor;
  private boolean admin;

  public void create() {
    String name = username == null ? "" : username.trim();
    if (!UserAccounts.USERNAME.matcher(name).matches()) {
      answers.refuse(
          "username",
          "Use 3 to 64 characters: lower-case letters, digits, '.', '-' or '_', starting with a"
              + " letter or digit.");
      return;
    }
    String actor = security.getCallerPrincipal().getName();
    List<String> roles;
    try {
      AccountRules.password(name, password, "password");
      roles = AccountRules.roles(actor, name, chosenRoles());
    } catch (AccountRefused refused) {
      answers.refuse(
          "password".equals(refused.field()) ? "password" : "new-staff", refused.getMessage());
      return;
    }
    try {
      accounts.create(name, password.toCharArray(), new LinkedHashSet<>(roles), actor);
    } catch (UserAccounts.UsernameTaken taken) {
      answers.refuse("username", taken.getMessage());
      return;
    }
    answers.done(
        UsersPage.managing(name),
        "The user " + name + " was created with the roles " + String.join(", ", roles) + ".");
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

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public boolean isStaff() {
    return staff;
  }

  public void setStaff(boolean staff) {
    this.staff = staff;
  }

  public boolean isAuditor() {
    return auditor;
  }

  public void setAuditor(boolean auditor) {
    this.auditor = auditor;
  }

  public boolean isAdmin() {
    return admin;
  }

  public void setAdmin(boolean admin) {
    this.admin = admin;
  }
}
