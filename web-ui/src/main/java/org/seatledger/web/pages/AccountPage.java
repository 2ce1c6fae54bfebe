package org.seatledger.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.seatledger.web.security.AccountChanges;
import org.seatledger.web.security.AccountRefused;
import org.seatledger.web.security.SeatLedgerAuthentication;

/**
 * {@code /account}, for every signed-in user: change your own password (the current one, then the
 * new one twice; the policy shown as you type). After an admin reset it, every page leads here
 * until it is changed ({@link PasswordChangeDue}).
 */
@Named
@RequestScoped
public class AccountPage {

  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject AccountChanges changes;
  @Inject FormAnswers answers;

  private String current;
  private String password;
  private String repeat;

  /** True when an admin reset the password and the user has not chosen their own yet. */
  public boolean isChangeDue() {
    return faces
            .getExternalContext()
            .getRequestMap()
            .get(SeatLedgerAuthentication.PASSWORD_CHANGE_DUE)
        != null;
  }

  public void change() {
    if (password != null && !password.equals(repeat)) {
      answers.refuse("repeat", "The two new passwords differ.");
      return;
    }
    boolean wasDue = isChangeDue();
    try {
      changes.changeOwnPassword(security.getCallerPrincipal().getName(), current, password);
    } catch (AccountRefused refused) {
      answers.refuse(refused.field(), refused.getMessage());
      return;
    }
    answers.done(
        wasDue ? "/" : PasswordChangeDue.ACCOUNT,
        "Your password was changed. Use the new one from now on.");
  }

  public String getCurrent() {
    return current;
  }

  public void setCurrent(String current) {
    this.current = current;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getRepeat() {
    return repeat;
  }

  public void setRepeat(String repeat) {
    this.repeat = repeat;
  }
}
