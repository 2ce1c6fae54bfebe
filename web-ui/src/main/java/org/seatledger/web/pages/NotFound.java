package org.seatledger.web.pages;

import jakarta.faces.context.FacesContext;
import java.io.IOException;

/** A page about something that does not exist answers 404 with the site's error page. */
public final class NotFound {
  private NotFound() {}

  public static void answer(FacesContext faces) {
    if (faces.getResponseComplete()) {
      return;
    }
    // complete first: the error page is rendered by a request of its own, and this request's
    // faces context is gone once it has
    faces.responseComplete();
    try {
      faces.getExternalContext().responseSendError(404, "not found");
    } catch (IOException clientGone) {
      // nothing to send to
    }
  }
}
