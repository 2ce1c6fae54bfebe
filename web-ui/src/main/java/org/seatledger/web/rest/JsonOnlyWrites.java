package org.seatledger.web.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * A call that changes something carries JSON or nothing. An HTML form can only send form fields or
 * plain text, so refusing every other content type (415) — also on the calls that take no body,
 * such as publish or erase — means no page on another site can make a signed-in browser change
 * anything here, whatever credentials the browser holds for this site.
 */
@Provider
@PreMatching
public class JsonOnlyWrites implements ContainerRequestFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  public void filter(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    if (READS.contains(request.getMethod()) || type == null) {
      return;
    }
    boolean json =
        type.getType().equalsIgnoreCase("application")
            && (type.getSubtype().equalsIgnoreCase("json")
                || type.getSubtype().toLowerCase().endsWith("+json"));
    if (!json) {
      request.abortWith(
          Problem.of(
                  Status.UNSUPPORTED_MEDIA_TYPE,
                  "Send the request body as application/json; this API takes no "
                      + type.getType()
                      + "/"
                      + type.getSubtype()
                      + ".")
              .toResponse());
    }
  }
}
