package org.seatledger.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import org.seatledger.web.application.ReadYourWrites;

/**
 * The page after a command waits for its read model: the redirect of {@link FormCommands} carries
 * the command's position as {@code ?at=}, and a page that shows a read model calls {@link #await}
 * with it before it reads — the same wait as the API's {@code atLeast}. When the read model does
 * not get there in time the page still renders, with a note saying the latest change may be
 * missing.
 */
@RequestScoped
public class PageReads {

  static final String BEHIND =
      "These figures may not include your latest change yet; reload the page in a moment.";

  @Inject ReadYourWrites readYourWrites;
  @Inject FacesContext faces;

  /** Waits until {@code projection} has applied this request's {@code ?at=} position, if any. */
  public void await(String projection) {
    long position = position();
    if (position > 0 && !readYourWrites.reached(projection, position)) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, BEHIND, BEHIND));
    }
  }

  private long position() {
    String at =
        faces.getExternalContext().getRequestParameterMap().get(FormCommands.POSITION_PARAMETER);
    if (at == null || !at.matches("[0-9]{1,18}")) {
      return 0;
    }
    return Long.parseLong(at);
  }
}
