package org.seatledger.web.pages;

import java.util.HashMap;
import java.util.Map;
import org.seatledger.reporting.api.ReportingQueries;
import org.seatledger.reporting.api.ReportingQueries.SeatTypeCount;

/**
 * A conference's seat counts as the availability read model has them, by seat type code: what a
 * page shows beside each seat type (capacity, held, sold, available). Empty until the read model
 * has seen the conference; a seat type it has not seen yet is missing.
 */
public final class SeatCounts {

  private SeatCounts() {}

  public static Map<String, SeatTypeCount> of(ReportingQueries reporting, String conferenceId) {
    Map<String, SeatTypeCount> counts = new HashMap<>();
    if (conferenceId != null) {
      reporting
          .availability(conferenceId)
          .ifPresent(a -> a.seatTypes().forEach(c -> counts.put(c.code(), c)));
    }
    return counts;
  }
}
