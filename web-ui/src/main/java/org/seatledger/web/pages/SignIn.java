package org.seatledger.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.seatledger.web.security.SeatLedgerAuthentication;

/** The sign-in form: hands the typed credential to the authentication mechanism. */
@Named
@RequestScoped
public class SignIn {

  @Inject SecurityContext security;
  @Inject FacesContext faces;

  private String username;
  private String password;
  private String next;

  public void signIn() throws IOException {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    HttpServletResponse response = (HttpServletResponse) external.getResponse();
    AuthenticationStatus status =
        security.authenticate(
            request,
            response,
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(
                    new UsernamePasswordCredential(
                        username == null ? "" : username.trim(),
                        new Password(password == null ? "" : password))));
    switch (status) {
      case SUCCESS -> {
        request.changeSessionId();
        external.redirect(external.getRequestContextPath() + safeNext());
      }
      case SEND_CONTINUE -> faces.responseComplete();
      default -> {
        password = null;
        faces.addMessage(
            null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal(request, response), null));
      }
    }
  }

  /**
   * Wrong credentials, or — when the password was not checked at all (the database is away, too
   * many sign-ins at once: 503; too many failed ones: 429) — why not, with {@code Retry-After}:
   * that is not a wrong password, and the person should not think it was.
   */
  private static String refusal(HttpServletRequest request, HttpServletResponse response) {
    if (request.getAttribute(SeatLedgerAuthentication.NOT_CHECKED)
        instanceof SeatLedgerAuthentication.NotChecked why) {
      response.setStatus(why.status());
      response.setHeader("Retry-After", String.valueOf(why.retryAfterSeconds()));
      return why.sentence();
    }
    return "Wrong username or password.";
  }

  /** Only a path on this site: never an open redirect to somewhere else. */
  String safeNext() {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
      return "/";
    }
    return next;
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

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
