package org.seatledger.web.rest;

import jakarta.ws.rs.core.Response;

/** A refusal with a sentence for the user, turned into a problem document. */
public class ApiException extends RuntimeException {
  private final transient Problem problem;

  public ApiException(Response.StatusType status, String detail) {
    super(detail, null, false, false);
    this.problem = Problem.of(status, detail);
  }

  public Problem problem() {
    return problem;
  }
}
