package org.seatledger.web.pages;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import java.io.IOException;
import java.util.Iterator;

/**
 * A form that comes back without the key of a view this session rendered — it expired with the
 * session, or it was posted from another site (CSRF) — is refused with 400 and a sentence, not a
 * server error. Nothing of it is processed.
 *
 * <p>A page that fails while it is being written is not sent half-way: what it wrote so far is
 * thrown away, so the error page (500, "Something went wrong") takes its place. Pages are written
 * into a buffer large enough for the biggest of them ({@code jakarta.faces.FACELETS_BUFFER_SIZE} in
 * web.xml), so nothing has reached the browser when the failure comes.
 */
public class ExpiredForms extends ExceptionHandlerFactory {

  /** Request attribute the error page reads to explain the refusal. */
  public static final String REFUSED = "seatledger.formRefused";

  public ExpiredForms(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  private static final class Handler extends ExceptionHandlerWrapper {
    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      boolean refused = false;
      while (events.hasNext()) {
        ExceptionQueuedEvent event = events.next();
        boolean restoringView = event.getContext().getPhaseId() == PhaseId.RESTORE_VIEW;
        if (restoringView || event.getContext().getException() instanceof ViewExpiredException) {
          events.remove();
          refuse(event.getContext().getContext());
          refused = true;
        } else if (event.getContext().getPhaseId() == PhaseId.RENDER_RESPONSE) {
          discardPartialPage(event.getContext().getContext());
        }
      }
      if (refused && !getUnhandledExceptionQueuedEvents().iterator().hasNext()) {
        // answered: the error page the refusal dispatched to has ended this request's faces
        // context, and the default handler would fail on it with nothing left to handle
        return;
      }
      getWrapped().handle();
    }

    /**
     * Empties the response of a page that failed while being written, so the container's error page
     * can be written from the start (with a buffer still holding the half-page, it could not).
     */
    private static void discardPartialPage(FacesContext faces) {
      if (!faces.getExternalContext().isResponseCommitted()) {
        faces.getExternalContext().responseReset();
      }
    }

    private static void refuse(FacesContext faces) {
      if (faces.getResponseComplete()) {
        return;
      }
      faces.getExternalContext().getRequestMap().put(REFUSED, Boolean.TRUE);
      try {
        faces.getExternalContext().responseSendError(400, "form expired or not from this site");
      } catch (IOException clientGone) {
        // nothing to send to
      }
      faces.responseComplete();
    }
  }
}
