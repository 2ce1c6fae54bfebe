package org.seatledger.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.IOException;

/**
 * How a form that is not a booking command answers (user management, the account page): a refusal
 * next to its field and in the summary, the form shown again; a success as a message shown once
 * after a redirect (post/redirect/get). The same look as {@link FormCommands}' answers.
 */
@RequestScoped
public class FormAnswers {

  @Inject FacesContext faces;

  /** Shows {@code sentence} next to the field with this client id (or only in the summary). */
  public void refuse(String fieldId, String sentence) {
    FacesMessage message = new FacesMessage(FacesMessage.SEVERITY_ERROR, sentence, sentence);
    faces.addMessage(fieldId, message);
    if (fieldId != null) {
      faces
          .getViewRoot()
          .invokeOnComponent(
              faces,
              fieldId,
              (context, component) -> {
                if (component instanceof UIInput input) {
                  input.setValid(false);
                }
              });
    }
    faces.validationFailed();
  }

  /** Redirects to {@code address} (a path on this site) and shows {@code done} there, once. */
  public void done(String address, String done) {
    ExternalContext external = faces.getExternalContext();
    if (done != null) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, done));
      external.getFlash().setKeepMessages(true);
    }
    external.getFlash().setRedirect(true);
    try {
      external.redirect(external.getRequestContextPath() + address);
    } catch (IOException clientGone) {
      // the change was made; there is nobody left to show it to
    }
    faces.responseComplete();
  }
}
