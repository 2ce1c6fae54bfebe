package org.seatledger.web.pages;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.RequestDispatcher;

/**
 * A form on a page that {@link PageAddresses} forwarded to its view posts back to the address the
 * page was opened at ({@code /conferences/{id}}), not to the view behind it: the route then brings
 * the id along again, and the address bar keeps showing the page's own address. The query it was
 * opened with goes along, so what depends on it (a confirmation step) is there on the postback.
 */
public class RoutedForms extends ViewHandlerWrapper {

  public RoutedForms(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public String getActionURL(FacesContext context, String viewId) {
    Object forwardedFrom =
        context.getExternalContext().getRequestMap().get(RequestDispatcher.FORWARD_REQUEST_URI);
    boolean thisView =
        context.getViewRoot() != null && viewId.equals(context.getViewRoot().getViewId());
    if (forwardedFrom instanceof String address && thisView && PageAddresses.isRoutedView(viewId)) {
      Object query =
          context.getExternalContext().getRequestMap().get(RequestDispatcher.FORWARD_QUERY_STRING);
      // the query too: a step such as ?confirm=publish renders the same form on the postback
      return query instanceof String q && !q.isEmpty() ? address + "?" + q : address;
    }
    String query = queryOfAdminPage(context, viewId, thisView);
    if (query != null) {
      // an admin page's step (?user=pat&confirm=disable) is there on the postback as well
      String action = super.getActionURL(context, viewId);
      return action + (action.contains("?") ? "&" : "?") + query;
    }
    return super.getActionURL(context, viewId);
  }

  private static String queryOfAdminPage(FacesContext context, String viewId, boolean thisView) {
    if (!thisView || !viewId.startsWith("/admin/")) {
      return null;
    }
    Object request = context.getExternalContext().getRequest();
    String query =
        request instanceof jakarta.servlet.http.HttpServletRequest http
            ? http.getQueryString()
            : null;
    return query == null || query.isEmpty() ? null : query;
  }
}
