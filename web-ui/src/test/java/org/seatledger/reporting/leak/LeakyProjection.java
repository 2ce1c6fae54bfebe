package org.seatledger.reporting.leak;

import org.seatledger.booking.internal.fixture.InternalDetail;

/** A deliberate boundary violation, for proving that the architecture rule catches one. */
public class LeakyProjection {
  public int peek() {
    return new InternalDetail().secret();
  }
}
